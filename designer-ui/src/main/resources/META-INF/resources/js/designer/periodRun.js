// A period run of a published decision table (POST /api/apps/{app}/decisions/{key}/runs) as its dialog holds it:
// rows of sums and result values that may be left half-typed, turned into the request the server checks, and the
// server's problem pointers turned back into the inputs they are about.

const NUMBER_TYPES = new Set(['integer', 'decimal', 'money', 'percent']);

export function blankRun() {
  return { period: '', from: '', to: '', dateField: '', groupBy: '', filters: [''], sums: [{ name: '', field: '' }],
    resultForm: '', values: [{ field: '', formula: '' }] };
}

/** Top-level fields of a form that can date its records into a period. */
export const dateFields = form => (form?.fields || []).filter(field => field.type === 'date' || field.type === 'datetime');

/** Top-level fields of a form a sum can add up. */
export const numberFields = form => (form?.fields || []).filter(field => NUMBER_TYPES.has(field.type)
  || (field.type === 'formula' && (field.resultType || 'number') === 'number'));

/** Top-level fields of a form a group can be keyed by (not sub-tables, which hold many values). */
export const groupFields = form => (form?.fields || []).filter(field => field.type !== 'subtable');

/** The request body; rows left blank are not sent, and no group-by means one group per record. */
export function runBody(state) {
  const text = value => (value || '').trim();
  const pairs = (rows, key, value) => Object.fromEntries(rows.filter(row => text(row[key]) && text(row[value]))
    .map(row => [text(row[key]), text(row[value])]));
  return {
    period: text(state.period),
    from: state.from || null,
    to: state.to || null,
    dateField: state.dateField || null,
    groupBy: state.groupBy || null,
    filters: (state.filters || []).map(text).filter(Boolean),
    sums: pairs(state.sums, 'name', 'field'),
    resultForm: state.resultForm || null,
    values: pairs(state.values, 'field', 'formula'),
  };
}

/**
 * The input a problem's pointer is about: `period`, `from`, `dateField`, `resultForm` (an empty `/values` means
 * the result form or its values are missing), `values.{row}` for a value's formula, `filters.{row}` for a filter
 * (the server counts only the filled ones); null for one the dialog does not show, which goes above its buttons.
 */
export function problemInput(pointer, state) {
  const parts = (pointer || '').split('/').slice(1).map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (['period', 'from', 'to', 'dateField', 'groupBy'].includes(parts[0]) && parts.length === 1) return parts[0];
  if (parts[0] === 'values' && parts.length === 1) return 'resultForm';
  if (parts[0] === 'filters' && parts.length === 2) {
    const filled = (state.filters || []).map((filter, row) => [filter, row]).filter(([filter]) => filter.trim());
    return filled[Number(parts[1])] ? `filters.${filled[Number(parts[1])][1]}` : null;
  }
  if (parts[0] === 'values' && parts.length === 2) {
    const row = state.values.findIndex(value => value.field.trim() === parts[1]);
    return row < 0 ? null : `values.${row}`;
  }
  return null;
}

/** Problems' messages by the input they are about; `other` holds the rest. */
export function problemsByInput(problems, state) {
  const placed = {};
  for (const problem of problems || []) {
    const input = problemInput(problem.pointer, state) ?? 'other';
    (placed[input] ||= []).push(problem.message);
  }
  return placed;
}

/** How far a run is, 0–100; a run that found nothing to do is done through. */
export function runPercent(run) {
  if (!run) return 0;
  if (!run.total) return run.status === 'running' ? 0 : 100;
  return Math.min(100, Math.round((run.done / run.total) * 100));
}
