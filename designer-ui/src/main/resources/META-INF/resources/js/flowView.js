// A record as an approval task shows it: the form the user may see (GET /api/apps/{app}/forms/{form}) with the
// task's field permissions (`access`: editable, read_only, hidden; a field not named is read-only) laid on top,
// the edits an approval sends, and the server's complaints about them placed on the fields.
import { parse } from './formula.js';

const EXPRESSIONS = ['expression', 'visibleWhen', 'requiredWhen', 'defaultExpression'];

function readsAny(expression, hidden) {
  try {
    return parse(expression).references().some(path => hidden.has(path.split('.')[0]));
  } catch {
    return true;
  }
}

/**
 * As the server does for fields hidden by role (FormView): an expression reading a hidden field is dropped and the
 * field marked `live: false`, so that the browser shows the stored result rather than computing one without the
 * hidden value.
 */
function blind(field, hidden) {
  const out = { ...field };
  for (const member of EXPRESSIONS) {
    if (typeof out[member] === 'string' && readsAny(out[member], hidden)) {
      delete out[member];
      out.live = false;
    }
  }
  if (Array.isArray(out.columns)) out.columns = out.columns.map(column => blind(column, hidden));
  return out;
}

function unplace(section, hidden) {
  const rows = (section.rows || []).map(row => row.filter(key => !hidden.has(key))).filter(row => row.length);
  return { ...section, rows };
}

/** The layout without hidden fields; a section or tab left empty goes too, so no bare heading is drawn. */
function layoutWithout(layout, hidden) {
  if (!layout) return layout;
  const out = { ...layout };
  const sections = list => (list || []).map(section => unplace(section, hidden)).filter(section => section.rows.length);
  if (layout.tabs) {
    out.tabs = layout.tabs.map(tab => ({ ...tab, sections: sections(tab.sections) })).filter(tab => tab.sections.length);
    if (!out.tabs.length) delete out.tabs;
  }
  if (layout.sections) out.sections = sections(layout.sections);
  return out;
}

/**
 * The form definition with the task's access applied: `form` without hidden fields (fields, layout, title field,
 * expressions reading them), `editable` the keys the approver may change, `readOnly` every other key shown.
 */
export function applyAccess(form, access = {}) {
  const hidden = new Set(Object.keys(access).filter(key => access[key] === 'hidden'));
  const fields = form.fields.filter(field => !hidden.has(field.key)).map(field => blind(field, hidden));
  const view = { ...form, fields, layout: layoutWithout(form.layout, hidden) };
  if (!view.layout) delete view.layout;
  if (hidden.has(view.titleField)) delete view.titleField;
  const editable = fields.filter(field => access[field.key] === 'editable').map(field => field.key);
  const readOnly = fields.filter(field => access[field.key] !== 'editable').map(field => field.key);
  return { form: view, editable, readOnly };
}

/** The members of `after` that differ from `before`: what an approval sends as `values`. */
export function changedMembers(before, after) {
  return Object.fromEntries(Object.entries(after)
    .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
}

/**
 * Splits a refused action's problems: those about the edited values (`/values/lines/0/qty`) as the record form
 * takes them (`/lines/0/qty`), and the rest (`/target`, `/user`, none) for the error box.
 */
export function splitProblems(problems) {
  const fields = [];
  const others = [];
  for (const problem of problems || []) {
    const match = /^\/values(\/.+)$/.exec(problem.pointer || '');
    if (match) fields.push({ ...problem, pointer: match[1] });
    else others.push(problem);
  }
  return { fields, others };
}
