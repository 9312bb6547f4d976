// What the server computes for a record being filled in (POST …/forms/{form}/preview): the formulas only it can
// compute (they read through a lookup, e.g. a line's price-list price) and the defaults a blank value takes (a line
// price from the price list). Defaults the preview filled in stay the preview's until the user types over them, so
// that choosing another product prices the line anew instead of keeping the first product's price.
import { serverFormulas } from './serverFormulas.js';

// records.js has `clone`, but brings Vue in through i18n.js, which keeps this module out of the Node tests. Through
// JSON, as `clone` does: records on a page are Vue proxies, which structuredClone refuses.
const copy = value => JSON.parse(JSON.stringify(value));
const blank = value => value === null || value === undefined || value === '';

/** Whether the form has anything the server computes that the browser cannot: else there is no preview to ask. */
export function needsPreview(form) {
  if (!form) return false;
  const fields = form.fields || [];
  return serverFormulas(form).size > 0 || fields.some(f => f.defaultExpression
    || (f.type === 'subtable' && (f.columns || []).some(c => c.defaultExpression)));
}

/**
 * Each place a default may go, as `{pointer, get, set}` over a record (`get` reads the preview's values too, which
 * are shaped alike): top-level fields, then sub-table cells.
 */
function defaultPlaces(form, record) {
  const places = [];
  for (const field of form.fields || []) {
    if (field.defaultExpression) {
      places.push({ pointer: `/${field.key}`, get: r => r[field.key], set: (r, v) => { r[field.key] = v; } });
    }
    if (field.type !== 'subtable') continue;
    (record[field.key] || []).forEach((row, i) => (field.columns || []).filter(c => c.defaultExpression).forEach(c => {
      places.push({ pointer: `/${field.key}/${i}/${c.key}`, get: r => r[field.key]?.[i]?.[c.key],
        set: (r, v) => { if (r[field.key]?.[i]) r[field.key][i][c.key] = v; } });
    }));
  }
  return places;
}

/**
 * The record to send for a preview: the defaults the preview filled in (`filled`, pointer → value) and still
 * showing as it filled them are sent blank, so the server works them out again from the record as it is now.
 */
export function previewRequest(form, record, filled) {
  const out = copy(record);
  for (const place of defaultPlaces(form, out)) {
    if (place.pointer in filled && place.get(out) === filled[place.pointer]) place.set(out, null);
  }
  return out;
}

/**
 * The record with the preview's `values` in it, and the defaults it filled: the server-only formulas take the
 * server's values; a default goes where the value is blank or is still the one the preview filled in before. A value
 * the user typed is left alone.
 */
export function withPreview(form, record, values, filled) {
  const next = copy(record);
  const server = serverFormulas(form);
  for (const key of server) {
    const [table, column] = key.split('.');
    if (column === undefined) {
      if (key in values) next[key] = values[key];
      continue;
    }
    (next[table] || []).forEach((row, i) => {
      const computed = values[table]?.[i];
      if (computed && column in computed) row[column] = computed[column];
    });
  }
  const nowFilled = {};
  for (const place of defaultPlaces(form, next)) {
    const current = place.get(next);
    const ours = place.pointer in filled && current === filled[place.pointer];
    if (!blank(current) && !ours) continue;
    const value = place.get(values);
    if (blank(value)) {
      if (ours) place.set(next, null);
      continue;
    }
    place.set(next, value);
    nowFilled[place.pointer] = value;
  }
  return { record: next, filled: nowFilled };
}
