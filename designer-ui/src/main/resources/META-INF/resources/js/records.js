// What the workspace knows about a form's records without the server: the layout to draw, formula and
// condition results for live feedback (the server recomputes and stores the authoritative values), what a
// client may send, and how a value reads in a list or a read-only view.
import { parse, contextOf, typeOf, Decimal } from './formula.js';
import { localName, t, formatDate } from './i18n.js';
import { serverFormulas } from './serverFormulas.js';

/** Types whose value the platform sets: never sent by a client. */
export const COMPUTED_TYPES = new Set(['formula', 'serial']);
export const NUMBER_TYPES = new Set(['integer', 'decimal', 'money', 'percent']);

/** Whether a field shows a number, to be right-aligned in tables. */
export const numeric = field => NUMBER_TYPES.has(field.type) || (field.type === 'formula' && (field.resultType || 'number') === 'number');
const SCALAR_SORT = new Set(['text', 'integer', 'decimal', 'money', 'percent', 'date', 'datetime', 'time', 'select',
  'radio', 'email', 'phone', 'url', 'serial', 'formula', 'switch', 'user', 'org', 'lookup']);

/** A deep copy of record JSON; works on Vue's reactive proxies, which structuredClone refuses. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const compiled = new Map();
function compile(source) {
  if (!compiled.has(source)) {
    let expression;
    try {
      expression = parse(source);
    } catch (error) {
      expression = { evaluate() { throw error; } };
    }
    compiled.set(source, expression);
  }
  return compiled.get(source);
}

/**
 * The form as tabs of sections of rows of fields: the definition's `layout`, then every field it leaves out,
 * one per row, in a last untitled section (so a field is never lost). Without tabs there is one untitled tab.
 */
export function layoutOf(form) {
  const byKey = new Map(form.fields.map(field => [field.key, field]));
  const placed = new Set();
  const section = s => ({
    key: s.key,
    title: s.title,
    rows: (s.rows || []).map(row => row.map(key => byKey.get(key)).filter(Boolean)).filter(row => row.length),
  });
  const layout = form.layout || {};
  const tabs = layout.tabs
    ? layout.tabs.map(tab => ({ key: tab.key, title: tab.title, sections: tab.sections.map(section) }))
    : [{ key: 'main', title: null, sections: (layout.sections || []).map(section) }];
  tabs.forEach(tab => tab.sections.forEach(s => s.rows.flat().forEach(field => placed.add(field.key))));
  const rest = form.fields.filter(field => !placed.has(field.key)).map(field => [field]);
  if (rest.length) tabs[tabs.length - 1].sections.push({ key: '_rest', title: null, rows: rest });
  return tabs;
}

/** A formula result as record JSON: numbers as JavaScript numbers, dates as ISO text, blank as null. */
function plain(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Decimal) return value.toNumber();
  if (typeOf(value) === 'date') return value.toString();
  return value;
}

/**
 * The record with every live formula computed, over as many passes as there are formulas so that a formula
 * reading another (`total` over `lines.amount`) settles whatever the field order. `errors` maps a pointer to the
 * formula error that stopped it; a formula the viewer may not compute (`live: false`, or one of serverFormulas)
 * keeps the stored value.
 */
export function computeFormulas(form, record, today) {
  const values = clone(record || {});
  // As on the server, a field the record leaves out reads as blank rather than as an unknown name.
  for (const field of form.fields) {
    if (values[field.key] === undefined) values[field.key] = field.type === 'subtable' ? [] : null;
    if (field.type === 'subtable' && Array.isArray(values[field.key])) {
      values[field.key].forEach(row => (field.columns || []).forEach(c => { if (row[c.key] === undefined) row[c.key] = null; }));
    }
  }
  const errors = {};
  const server = serverFormulas(form);
  const formulas = form.fields.filter(f => f.type === 'formula' && f.expression && !server.has(f.key));
  const computable = table => (table.columns || []).filter(c => c.type === 'formula' && c.expression && !server.has(`${table.key}.${c.key}`));
  const tables = form.fields.filter(f => f.type === 'subtable' && computable(f).length);
  const passes = Math.max(1, formulas.length + tables.length);
  for (let pass = 0; pass < passes; pass++) {
    for (const table of tables) {
      (values[table.key] || []).forEach((row, i) => {
        for (const column of computable(table)) {
          const pointer = `/${table.key}/${i}/${column.key}`;
          row[column.key] = result(column, { ...values, ...row }, pointer, errors, today);
        }
      });
    }
    for (const field of formulas) {
      values[field.key] = result(field, values, `/${field.key}`, errors, today);
    }
  }
  return { values, errors };
}

function result(field, values, pointer, errors, today) {
  try {
    delete errors[pointer];
    let value = compile(field.expression).evaluate(contextOf(values, today));
    if (value instanceof Decimal && (field.resultType || 'number') === 'number') {
      value = compile(`ROUND(x, ${field.scale ?? 4})`).evaluate(contextOf({ x: value }, today));
    }
    return plain(value);
  } catch (error) {
    errors[pointer] = error.message;
    return null;
  }
}

/** Whether a condition holds over the values; one the viewer cannot compute or that fails shows the field. */
export function holds(expression, values, today) {
  if (!expression) return null;
  try {
    return compile(expression).evaluate(contextOf(values, today)) === true;
  } catch {
    return null;
  }
}

/** The members a client may send: no computed, read-only or system members; sub-table rows without their ids. */
export function writable(form, record, readOnly = []) {
  const out = {};
  for (const field of form.fields) {
    if (COMPUTED_TYPES.has(field.type) || field.readOnly || readOnly.includes(field.key)) continue;
    if (!(field.key in record)) continue;
    const value = record[field.key];
    out[field.key] = field.type === 'subtable' && Array.isArray(value)
      ? value.map(row => Object.fromEntries(field.columns
        .filter(c => !COMPUTED_TYPES.has(c.type) && !c.readOnly && c.key in row).map(c => [c.key, row[c.key]])))
      : value;
  }
  return out;
}

/** A new record's starting values: each field's `default`, sub-tables with their minimum rows. */
export function blankRecord(form) {
  const record = {};
  for (const field of form.fields) {
    if (COMPUTED_TYPES.has(field.type)) continue;
    if (field.type === 'subtable') {
      record[field.key] = Array.from({ length: field.minRows || 0 }, () => blankRow(field));
    } else if (field.default !== undefined) {
      record[field.key] = clone(field.default);
    }
  }
  return record;
}

export function blankRow(table) {
  return Object.fromEntries(table.columns.filter(c => c.default !== undefined).map(c => [c.key, clone(c.default)]));
}

/** Fields a list can show as a column: everything but sub-tables and long or structured values. */
export function listable(field) {
  return !['subtable', 'richtext'].includes(field.type);
}

export function sortable(field) {
  return SCALAR_SORT.has(field.type);
}

/** Filter operators a field of this type takes in lists (see the records API). */
export function operatorsFor(field) {
  if (['switch', 'user', 'org', 'lookup'].includes(field.type)) return ['eq', 'ne'];
  if (['select', 'radio'].includes(field.type)) return ['eq', 'ne'];
  if (NUMBER_TYPES.has(field.type) || ['date', 'datetime', 'time'].includes(field.type)
    || (field.type === 'formula' && (field.resultType || 'number') !== 'text')) {
    return ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
  }
  if (['text', 'textarea', 'email', 'phone', 'url', 'serial', 'formula'].includes(field.type)) {
    return ['contains', 'eq', 'ne', 'lt', 'le', 'gt', 'ge'];
  }
  return [];
}

function optionLabel(field, value) {
  const option = (field.options || []).find(o => o.value === value);
  return option ? localName(option.label, value) : value;
}

/**
 * A value as text for lists and read-only views; `names` resolves user, org and lookup ids
 * (`names(field, id)` → text or undefined).
 */
export function display(field, value, names = () => undefined) {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'select': case 'radio': return optionLabel(field, value);
    case 'multiselect': case 'checkbox': return (value || []).map(v => optionLabel(field, v)).join(', ');
    case 'switch': return value ? t('record.yes') : t('record.no');
    case 'money': return `${field.currency ? field.currency + ' ' : ''}${formatNumber(value, field.scale ?? 2)}`;
    case 'decimal': return formatNumber(value, null);
    case 'percent': return `${formatNumber(value, null)}%`;
    case 'integer': return formatNumber(value, 0);
    case 'formula':
      // A formula reading a user or org through a lookup (`region.manager`) holds an id; the server marks it.
      if (field.refersTo) return names(field.refersTo, value) ?? `#${value}`;
      return typeof value === 'number' ? formatNumber(value, field.scale ?? null) : String(value);
    case 'datetime': return formatDate(value);
    case 'attachment': case 'image': return (value || []).map(file => file.name).join(', ');
    case 'region': return ['province', 'city', 'district'].map(part => value[part]).filter(Boolean).join(' / ');
    case 'user': case 'org': case 'lookup': return names(field, value) ?? `#${value}`;
    case 'subtable': return t('record.rows', { count: (value || []).length });
    default: return String(value);
  }
}

function formatNumber(value, places) {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(undefined, places === null ? { maximumFractionDigits: 10 }
    : { minimumFractionDigits: places, maximumFractionDigits: Math.max(places, 10) }).format(number);
}

/** Pointer → message, for placing server errors next to their fields and cells. */
export function errorsByPointer(errors) {
  const map = {};
  for (const error of errors || []) {
    if (error.pointer !== undefined && !(error.pointer in map)) map[error.pointer] = error.message;
  }
  return map;
}
