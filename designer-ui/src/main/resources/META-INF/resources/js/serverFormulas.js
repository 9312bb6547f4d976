// Which of a form's formulas the browser can compute as the user types, and which only the server can.
import { parse } from './formula.js';

/** The paths an expression reads; none when it does not parse (computing it will say why). */
function referencesOf(source) {
  try {
    return parse(source).references();
  } catch {
    return [];
  }
}

/**
 * Formulas, as `key` or `subtable.column`, that only the server can compute: they read through a lookup (the target
 * record's values are on the server), or read such a formula. The record's stored value stands for them.
 */
export function serverFormulas(form) {
  const fields = form.fields || [];
  const lookups = new Set(fields.filter(f => f.type === 'lookup').map(f => f.key));
  const reads = new Map();
  for (const field of fields) {
    if (field.type === 'formula' && field.expression) reads.set(field.key, referencesOf(field.expression));
    if (field.type !== 'subtable') continue;
    const columns = new Map((field.columns || []).map(c => [c.key, c]));
    for (const column of columns.values()) {
      if (column.type !== 'formula' || !column.expression) continue;
      // In a row, a name is first the row's own column, else the record's field.
      reads.set(`${field.key}.${column.key}`, referencesOf(column.expression).map(path => {
        const first = path.split('.')[0];
        if (!columns.has(first)) return path;
        return columns.get(first).type === 'lookup' && path.includes('.') ? null : `${field.key}.${path}`;
      }));
    }
  }
  const throughLookup = path => path === null || (path.includes('.') && lookups.has(path.split('.')[0]));
  const server = new Set();
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, paths] of reads) {
      if (!server.has(key) && paths.some(path => throughLookup(path) || server.has(path))) {
        server.add(key);
        changed = true;
      }
    }
  }
  return server;
}
