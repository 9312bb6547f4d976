// The rule designer's model: a rule set (engine-rule rules.schema.json) edited in place as plain JSON. What each
// trigger and action type carries, the condition tree's edits, operators and typed values per field type, sub-table
// columns compared over their rows, and which rule, condition or action a server problem's JSON Pointer is about.
// No Vue here, so Node tests can import it.

export const TRIGGER_TYPES = ['before_save', 'after_save', 'field_changed', 'submitted', 'approved', 'rejected',
  'task_created', 'task_completed', 'task_overdue', 'schedule'];
export const TASK_TRIGGERS = ['task_created', 'task_completed', 'task_overdue'];
export const ACTION_TYPES = ['set_field', 'reject', 'notify', 'create_record', 'update_record', 'start_process', 'create_todo'];
export const CHANNELS = ['in_app', 'email', 'webhook'];
export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'contains', 'empty', 'not_empty'];
/** How a comparison on a sub-table column reads its rows: some row, every row, how many rows, the column's total. */
export const ROW_MODES = ['any', 'all', 'count', 'sum'];

const NUMBER_TYPES = ['integer', 'decimal', 'money', 'percent'];
const TEXT_TYPES = ['text', 'textarea', 'richtext', 'email', 'phone', 'url', 'serial', 'region'];
const ORDERED = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'empty', 'not_empty'];

const text = (zh, en) => ({ 'zh-CN': zh, en });

/** A rule set's starting point: saved as a draft when "New" is confirmed, so that it passes the schema. */
export function starterRuleSet(key, name, form) {
  return {
    key, name: { ...name }, form, trigger: { type: 'before_save' },
    rules: [starterRule('rule_1', 1, name)],
  };
}

/** A rule without a condition (it always applies) that tells the record's initiator, in the words given. */
export function starterRule(key, n, message) {
  return {
    key, name: text(`规则 ${n}`, `Rule ${n}`),
    actions: [{ type: 'notify', channels: ['in_app'], to: { initiator: true }, message: { ...message } }],
  };
}

/** The first key `rule_n` no rule has. */
export function nextRuleKey(rules) {
  const taken = new Set(rules.map(rule => rule.key));
  let n = rules.length + 1;
  while (taken.has(`rule_${n}`)) n++;
  return `rule_${n}`;
}

/** The trigger changed to `type`, keeping the members that type takes and starting the ones it needs. */
export function triggerOfType(trigger, type, fields = []) {
  const next = { type };
  if (type === 'field_changed') next.fields = trigger.fields?.length ? trigger.fields : fields.slice(0, 1);
  if (type === 'schedule') {
    if (trigger.relativeTo) next.relativeTo = trigger.relativeTo;
    else next.cron = trigger.cron || '0 0 8 * * ?';
  }
  if (TASK_TRIGGERS.includes(type) && trigger.task) next.task = trigger.task;
  return next;
}

/** A schedule is either a cron expression or a number of days before (negative) or after a date field. */
export function scheduleOf(trigger, mode, dateField) {
  return mode === 'cron' ? { type: 'schedule', cron: trigger.cron || '0 0 8 * * ?' }
    : { type: 'schedule', relativeTo: { field: trigger.relativeTo?.field || dateField || '', days: trigger.relativeTo?.days ?? -30 } };
}

/** A new action of `type` with what the schema requires of it, empty texts for the analyst to fill in. */
export function actionOfType(type, previous = {}) {
  const message = previous.message || text('', '');
  switch (type) {
    case 'set_field': return { type, field: previous.field || '', expression: previous.expression || '' };
    case 'reject': return { type, ...(previous.field ? { field: previous.field } : {}), message };
    case 'notify': return { type, channels: ['in_app'], to: previous.to || { roles: [] }, ...(previous.title ? { title: previous.title } : {}), message };
    case 'create_record': return { type, form: previous.form || '', values: previous.values || { '': '' } };
    case 'update_record': return {
      type, form: previous.form || '', values: previous.values || { '': '' }, match: { expression: 'id = record.id' },
    };
    case 'start_process': return { type, process: previous.process || '' };
    case 'create_todo': return { type, to: previous.to || { roles: [] }, title: previous.title || text('', ''), dueInDays: 3 };
    default: throw new Error(`Unknown action type ${type}`);
  }
}

/** `values` of create/update record as editable rows, and back (a map of field → formula). */
export function valueRows(values) {
  return Object.entries(values || {}).map(([field, expression]) => ({ field, expression }));
}

export function valuesOf(rows) {
  return Object.fromEntries(rows.map(row => [row.field, row.expression]));
}

// Conditions.

/** What a condition node is: 'all' / 'any' (groups), 'not', 'compare' or 'expression'. */
export function conditionKind(node) {
  if (!node) return null;
  if (node.all) return 'all';
  if (node.any) return 'any';
  if (node.not) return 'not';
  if (node.exists) return 'exists';
  if ('field' in node) return 'compare';
  return 'expression';
}

/**
 * What an `exists` condition says, for the designer to show (it is written in the definition's JSON): the form it
 * searches, each criterion as `field`, operator and what it compares with (a formula or a literal), the candidate
 * formula and the name the match is known by.
 */
export function existsSummary(exists) {
  return {
    form: exists.form || '',
    where: (exists.where || []).map(criterion => ({
      field: criterion.field,
      op: criterion.op,
      value: criterion.expression !== undefined ? criterion.expression : JSON.stringify(criterion.value ?? null),
    })),
    when: exists.when || '',
    as: exists.as || '',
    excludeSelf: exists.excludeSelf === true,
  };
}

/** The node at a path of child indexes from the root (a NOT counts as one level with index 0). */
export function nodeAt(root, path) {
  let node = root;
  for (const index of path) node = childrenOf(node)[index];
  return node;
}

export function childrenOf(node) {
  if (node.all) return node.all;
  if (node.any) return node.any;
  if (node.not) return [node.not];
  return [];
}

/** Pointer segments of a path of child indexes: `[0, 1]` under `{all: [{not: …}, …]}` → `/all/0/not`… */
export function conditionPointer(root, path) {
  let node = root;
  let pointer = '';
  for (const index of path) {
    const kind = conditionKind(node);
    pointer += kind === 'not' ? '/not' : `/${kind}/${index}`;
    node = childrenOf(node)[index];
  }
  return pointer;
}

/** A comparison on `field`; on a sub-table column it says how the rows are read, some row by default. */
export function newComparison(field) {
  if (!field) return { expression: '' };
  return withField({ rows: 'any' }, field);
}

/** Adds a child to a group: a comparison on the first field or sub-table column, a formula, or a nested group. */
export function addChild(group, kind, fields) {
  const list = group.all || group.any;
  const scalar = fields.find(field => !field.column);
  const column = fields.find(field => field.column);
  if (kind === 'compare') list.push(newComparison(scalar || fields[0]));
  else if (kind === 'rows') list.push(newComparison(column || fields[0]));
  else if (kind === 'expression') list.push({ expression: '' });
  else list.push({ [kind === 'any' ? 'any' : 'all']: [newComparison(scalar || fields[0])] });
}

/** Removes the child at `index`; a group left empty is no group, so the caller's parent loses it too. */
export function removeChild(root, path) {
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(root, parentPath);
  const list = parent.all || parent.any;
  if (!list) return false;
  list.splice(path[path.length - 1], 1);
  if (!list.length && parentPath.length) removeChild(root, parentPath);
  return true;
}

/** Makes `node` into `next` in place, so that the parent's array and Vue's bindings keep the same object. */
export function assignNode(node, next) {
  for (const member of Object.keys(node)) delete node[member];
  Object.assign(node, next);
}

/** Swaps a group between AND (all) and OR (any), keeping its children. */
export function toggleGroup(node) {
  if (node.all) {
    node.any = node.all;
    delete node.all;
  } else if (node.any) {
    node.all = node.any;
    delete node.any;
  }
}

/** Wraps a node in NOT, or unwraps a NOT: the node object keeps its identity for Vue. */
export function toggleNot(node) {
  if (node.not) {
    const inner = node.not;
    delete node.not;
    Object.assign(node, inner);
  } else {
    const inner = { ...node };
    for (const member of Object.keys(node)) delete node[member];
    node.not = inner;
  }
}

// Fields, operators and values.

/**
 * What conditions and actions may name: the form's fields, then each sub-table column as `table.column`
 * (`column: true`, with its table), then the fields of the record a lookup points at as `lookup.field` (`via`, with
 * the lookup's label), when `forms` holds that form. Layout-only and file fields compare with nothing useful, so
 * they are left out.
 */
export function conditionFields(formFields, forms = []) {
  const list = [];
  const targets = [];
  for (const field of formFields || []) {
    if (field.type === 'subtable') {
      for (const column of field.columns || []) {
        if (!comparable(column)) continue;
        list.push({ ...column, path: `${field.key}.${column.key}`, column: column.key, table: field.key, tableLabel: field.label });
      }
    } else if (comparable(field)) {
      list.push({ ...field, path: field.key });
      const target = field.type === 'lookup' && (forms || []).find(form => form.key === field.lookup?.form);
      for (const targetField of target ? target.fields || [] : []) {
        if (targetField.type === 'subtable' || !comparable(targetField)) continue;
        targets.push({ ...targetField, path: `${field.key}.${targetField.key}`, via: field.key, viaLabel: field.label });
      }
    }
  }
  return [...list, ...targets];
}

function comparable(field) {
  return !['attachment', 'image'].includes(field.type);
}

/** The type of what a comparison compares: a row count or a column total is a number whatever the column holds. */
export function valueType(field, rows) {
  if (rows === 'count' || rows === 'sum') return 'number';
  if (!field) return 'text';
  if (NUMBER_TYPES.includes(field.type)) return 'number';
  if (field.type === 'formula') return field.resultType === 'text' ? 'text' : field.resultType === 'date' ? 'date' : 'number';
  if (field.type === 'date' || field.type === 'datetime') return field.type;
  if (field.type === 'time') return 'time';
  if (field.type === 'switch') return 'boolean';
  if (['select', 'radio', 'multiselect', 'checkbox'].includes(field.type)) return 'option';
  return 'text';
}

/** The operators a field's type takes in a comparison (`rows` as the comparison reads a sub-table column). */
export function operatorsFor(field, rows) {
  if (rows === 'count' || rows === 'sum') return ORDERED.filter(op => op !== 'empty' && op !== 'not_empty');
  if (!field) return OPERATORS;
  if (['multiselect', 'checkbox'].includes(field.type)) return ['contains', 'empty', 'not_empty'];
  if (field.type === 'switch') return ['eq', 'ne'];
  const type = valueType(field);
  if (['number', 'date', 'datetime', 'time'].includes(type)) return ORDERED;
  if (type === 'option' || ['user', 'org', 'lookup'].includes(field.type)) return ['eq', 'ne', 'in', 'not_in', 'empty', 'not_empty'];
  if (TEXT_TYPES.includes(field.type)) return ['eq', 'ne', 'contains', 'in', 'not_in', 'empty', 'not_empty'];
  return OPERATORS;
}

/** The shape of a comparison's value: none, one value, a list, or two bounds. */
export function valueShape(op) {
  if (op === 'empty' || op === 'not_empty') return 'none';
  if (op === 'in' || op === 'not_in') return 'list';
  if (op === 'between') return 'pair';
  return 'single';
}

export function blankValue(field, op, rows) {
  const shape = valueShape(op);
  const type = valueType(field, rows);
  const one = rows === 'count' || rows === 'sum' ? 0 : type === 'boolean' ? true : type === 'option' && field.options?.length ? field.options[0].value : '';
  if (shape === 'none') return undefined;
  if (shape === 'list') return one === '' ? [] : [one];
  if (shape === 'pair') return ['', ''];
  return one;
}

/**
 * A comparison after its operator changed: the value keeps what it can (one value becomes a list of it, a list
 * gives its first value, the first bound survives) and takes the new shape.
 */
export function withOperator(comparison, op, field) {
  const next = { field: comparison.field, ...(comparison.rows ? { rows: comparison.rows } : {}), op };
  const shape = valueShape(op);
  const old = comparison.value;
  const first = Array.isArray(old) ? old[0] : old;
  if (shape === 'single') next.value = first ?? blankValue(field, op, comparison.rows);
  else if (shape === 'list') next.value = Array.isArray(old) ? old.filter(v => v !== '') : first != null && first !== '' ? [first] : blankValue(field, op, comparison.rows);
  else if (shape === 'pair') next.value = [first ?? '', Array.isArray(old) && old.length > 1 ? old[1] : ''];
  return next;
}

/**
 * A comparison moved to another field, or to another way of reading a sub-table column's rows: the operator stays
 * when it still fits, and the value starts over. Only a sub-table column has rows to read.
 */
export function withField(comparison, field, rows = comparison.rows) {
  const how = field.column ? rows || 'any' : undefined;
  const ops = operatorsFor(field, how);
  const op = ops.includes(comparison.op) ? comparison.op : ops[0];
  const next = { field: field.path, ...(how ? { rows: how } : {}), op };
  const value = blankValue(field, op, how);
  if (value !== undefined) next.value = value;
  return next;
}

/** What the analyst typed, as the JSON value the comparison compares with; text that is no number stays text. */
export function typedValue(field, input, rows) {
  const type = valueType(field, rows);
  if (type === 'number') {
    const trimmed = String(input).trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : String(input);
  }
  if (type === 'boolean') return input === true || input === 'true';
  return String(input);
}

/** A list typed as comma-separated text, each part typed like a single value. */
export function typedList(field, input, rows) {
  return String(input).split(/[,，]/).map(part => part.trim()).filter(Boolean).map(part => typedValue(field, part, rows));
}

// Server problems.

/** `/rules/2/actions/0/message/en` → `{rule: 2, rest: '/actions/0/message/en'}`; else `{rule: null, rest: pointer}`. */
export function ruleOfPointer(pointer) {
  const found = /^\/rules\/(\d+)(\/.*)?$/.exec(pointer || '');
  return found ? { rule: Number(found[1]), rest: found[2] || '' } : { rule: null, rest: pointer || '' };
}

/**
 * The problems about one element, named by its pointer: exactly at it, or (`within`) anywhere inside it. A
 * condition node takes the problems at it and at its own members (`/op`, `/value/1`) but not its children's.
 */
export function problemsAt(problems, pointer, { within = false, members = [] } = {}) {
  return problems.filter(problem => {
    const at = problem.pointer || '';
    if (at === pointer) return true;
    if (!at.startsWith(`${pointer}/`)) return false;
    if (within) return true;
    const member = at.slice(pointer.length + 1).split('/')[0];
    return members.includes(member);
  });
}

/** The definition as stored: pretty-printed, so that drafts and diffs read well. */
export function definitionText(definition) {
  return JSON.stringify(definition, null, 2);
}
