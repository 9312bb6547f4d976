// The decision table editor's model: a decision table (engine-rule decision.schema.json) edited in place as JSON.
// Cells are typed as short text (`-`, `> 5`, `[10..20)`, `A, B`) and read back into the schema's cell objects;
// columns and rows are added, removed and moved with every row kept as wide as the columns; a server problem's
// pointer names a row and cell. No Vue here, so Node tests can import it.

export const HIT_POLICIES = ['first', 'priority', 'collect'];
export const AGGREGATIONS = ['sum', 'min', 'max', 'list'];
export const VALUE_TYPES = ['number', 'text', 'date', 'boolean'];
/** Cell operators that order values, which text and yes/no columns do not. */
const ORDERING = ['gt', 'gte', 'lt', 'lte', 'between'];

const text = (zh, en) => ({ 'zh-CN': zh, en });

/**
 * A table's starting point, saved as a draft when "New" is confirmed: one number input (reading `field`, the form's
 * first number field, when there is one), one output, one catch-all row.
 */
export function starterTable(key, name, form, field) {
  const input = field ? { key: field.key, label: { ...field.label }, type: 'number', expression: field.key }
    : { key: 'amount', label: text('金额', 'Amount'), type: 'number', expression: 'amount' };
  return {
    key, name: { ...name }, ...(form ? { form } : {}), hitPolicy: 'first',
    inputs: [input],
    outputs: [{ key: 'result', label: text('结果', 'Result'), type: 'number' }],
    rows: [{ inputs: [{ op: 'any' }], outputs: [0] }],
  };
}

/** The hit policy changed: only collect aggregates, and priority rows carry a priority. */
export function setHitPolicy(table, policy) {
  table.hitPolicy = policy;
  if (policy === 'collect') table.aggregation = table.aggregation || 'sum';
  else delete table.aggregation;
  if (policy === 'priority') table.rows.forEach((row, i) => { row.priority ??= table.rows.length - i; });
  else table.rows.forEach(row => delete row.priority);
}

function freeKey(columns, stem) {
  const taken = new Set(columns.map(column => column.key));
  let n = columns.length + 1;
  while (taken.has(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

export function addInput(table) {
  const key = freeKey(table.inputs, 'input');
  table.inputs.push({ key, label: text(key, key), type: 'number', expression: key });
  table.rows.forEach(row => row.inputs.push({ op: 'any' }));
}

export function addOutput(table) {
  const key = freeKey(table.outputs, 'output');
  table.outputs.push({ key, label: text(key, key), type: 'number' });
  table.rows.forEach(row => row.outputs.push(0));
}

/** Removes column `index` of `side` ('inputs' or 'outputs') and its cell in every row; the last one stays. */
export function removeColumn(table, side, index) {
  if (table[side].length <= 1) return false;
  table[side].splice(index, 1);
  table.rows.forEach(row => row[side].splice(index, 1));
  return true;
}

/** A column's type changed: cells it can no longer hold become "any" (inputs) or a blank of the type (outputs). */
export function setColumnType(table, side, index, type) {
  table[side][index].type = type;
  table.rows.forEach(row => {
    if (side === 'inputs') {
      if (!cellFits(row.inputs[index], type)) row.inputs[index] = { op: 'any' };
    } else if (parseScalar(String(row.outputs[index]), type).error) {
      row.outputs[index] = blankOutput(type);
    }
  });
}

function blankOutput(type) {
  return type === 'number' ? 0 : type === 'boolean' ? false : type === 'date' ? '2026-01-01' : '-';
}

function cellFits(cell, type) {
  if (cell.op === 'any') return true;
  const parsed = parseCell(cellText(cell), type);
  return !parsed.error;
}

/** A new row after `index` (or at the end): every input "any", every output blank of its type. */
export function addRow(table, index = table.rows.length - 1) {
  const row = { inputs: table.inputs.map(() => ({ op: 'any' })), outputs: table.outputs.map(column => blankOutput(column.type)) };
  if (table.hitPolicy === 'priority') row.priority = 0;
  table.rows.splice(index + 1, 0, row);
  return index + 1;
}

export function removeRow(table, index) {
  if (table.rows.length <= 1) return false;
  table.rows.splice(index, 1);
  return true;
}

/** Moves a row up (-1) or down (+1): with hit policy first, the order is what decides. */
export function moveRow(table, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= table.rows.length) return false;
  const [row] = table.rows.splice(index, 1);
  table.rows.splice(to, 0, row);
  return true;
}

// Cells as text.

function scalarText(value) {
  if (typeof value === 'string' && (/[,，()[\]{}"]/.test(value) || /^\s|\s$/.test(value) || value === '' || value === '-'
    || /^(?:[<>=≠≥≤!]|in\b)/.test(value))) {
    return JSON.stringify(value);
  }
  return String(value);
}

/** An input cell as the grid shows it: `-`, `= A`, `≠ 3`, `> 5`, `≥ 5`, `[1..5)`, `A, B` (a one-value list `{A}`). */
export function cellText(cell) {
  switch (cell.op) {
    case 'any': return '-';
    case 'eq': return scalarText(cell.value);
    case 'ne': return `≠ ${scalarText(cell.value)}`;
    case 'gt': return `> ${scalarText(cell.value)}`;
    case 'gte': return `≥ ${scalarText(cell.value)}`;
    case 'lt': return `< ${scalarText(cell.value)}`;
    case 'lte': return `≤ ${scalarText(cell.value)}`;
    case 'between': return `${cell.minInclusive === false ? '(' : '['}${scalarText(cell.min)}..${scalarText(cell.max)}${cell.maxInclusive === false ? ')' : ']'}`;
    case 'in': return cell.values.length === 1 ? `{${scalarText(cell.values[0])}}` : cell.values.map(scalarText).join(', ');
    default: return '';
  }
}

/** A value typed for a column of `type`: `{value}` or `{error}` (a message key of messages.js). */
export function parseScalar(source, type) {
  const trimmed = source.trim();
  if (/^".*"$/.test(trimmed)) {
    const value = JSON.parse(trimmed);
    return type === 'text' ? { value } : { error: `decision.cell.${type}` };
  }
  if (trimmed === '') return { error: 'decision.cell.empty' };
  if (type === 'number') {
    const value = Number(trimmed);
    return Number.isFinite(value) ? { value } : { error: 'decision.cell.number' };
  }
  if (type === 'boolean') {
    const lower = trimmed.toLowerCase();
    if (['true', 'yes', '是', '真'].includes(lower)) return { value: true };
    if (['false', 'no', '否', '假'].includes(lower)) return { value: false };
    return { error: 'decision.cell.boolean' };
  }
  if (type === 'date') {
    return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? { value: trimmed } : { error: 'decision.cell.date' };
  }
  return { value: trimmed };
}

/** Splits a list at commas outside quotes. */
function splitList(source) {
  const parts = [];
  let current = '';
  let quoted = false;
  for (const char of source) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === '，')) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

const PREFIXES = [['>=', 'gte'], ['≥', 'gte'], ['<=', 'lte'], ['≤', 'lte'], ['!=', 'ne'], ['<>', 'ne'], ['≠', 'ne'],
  ['>', 'gt'], ['<', 'lt'], ['=', 'eq']];

/**
 * What the analyst typed into an input cell of a column of `type`, as the schema's cell: `{cell}` or
 * `{error}` (a message key). Blank, `-`, `*` and `any` / `任意` match anything.
 */
export function parseCell(source, type) {
  const trimmed = String(source ?? '').trim();
  if (['', '-', '*', 'any', '任意'].includes(trimmed.toLowerCase())) return { cell: { op: 'any' } };
  const range = /^([[(])\s*(.+?)\s*\.\.\s*(.+?)\s*([\])])$/.exec(trimmed);
  if (range) {
    if (!['number', 'date'].includes(type)) return { error: 'decision.cell.ordering' };
    const min = parseScalar(range[2], type);
    const max = parseScalar(range[3], type);
    if (min.error || max.error) return { error: min.error || max.error };
    if (min.value > max.value) return { error: 'decision.cell.range' };
    const cell = { op: 'between', min: min.value, max: max.value };
    if (range[1] === '(') cell.minInclusive = false;
    if (range[4] === ')') cell.maxInclusive = false;
    return { cell };
  }
  const braced = /^\{(.*)\}$/.exec(trimmed);
  const parts = braced ? splitList(braced[1]) : splitList(trimmed);
  if (braced || parts.length > 1) {
    const values = [];
    for (const part of parts) {
      const parsed = parseScalar(part, type);
      if (parsed.error) return parsed;
      values.push(parsed.value);
    }
    return { cell: { op: 'in', values } };
  }
  const prefix = PREFIXES.find(([symbol]) => trimmed.startsWith(symbol));
  const op = prefix ? prefix[1] : 'eq';
  if (ORDERING.includes(op) && !['number', 'date'].includes(type)) return { error: 'decision.cell.ordering' };
  const parsed = parseScalar(prefix ? trimmed.slice(prefix[0].length) : trimmed, type);
  return parsed.error ? parsed : { cell: { op, value: parsed.value } };
}

/** An output cell as text, and back. */
export function outputText(value) {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
}

export function parseOutput(source, type) {
  return parseScalar(String(source ?? ''), type);
}

// Server problems and warnings.

/**
 * Where a pointer lands in the grid: `/rows/3/inputs/1` → `{row: 3, side: 'inputs', cell: 1}`; the gap and overlap
 * checks may name rows `/rules/N` as well. A column's pointer (`/inputs/1/expression`) → `{column: 1, side}`.
 */
export function gridPlace(pointer) {
  const row = /^\/(?:rows|rules)\/(\d+)(?:\/(inputs|outputs)\/(\d+))?/.exec(pointer || '');
  if (row) return { row: Number(row[1]), side: row[2] || null, cell: row[3] != null ? Number(row[3]) : null };
  const column = /^\/(inputs|outputs)\/(\d+)/.exec(pointer || '');
  if (column) return { column: Number(column[2]), side: column[1] };
  return {};
}

