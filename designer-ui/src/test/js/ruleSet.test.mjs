// The rule designer's model (designer/ruleSet.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  starterRuleSet, nextRuleKey, triggerOfType, scheduleOf, actionOfType, valueRows, valuesOf, conditionKind, nodeAt,
  conditionPointer, addChild, removeChild, toggleGroup, toggleNot, conditionFields, operatorsFor, valueShape, withOperator,
  withField, typedValue, typedList, ruleOfPointer, problemsAt, existsSummary, ACTION_TYPES, TRIGGER_TYPES,
} from '../../main/resources/META-INF/resources/js/designer/ruleSet.js';

const ORDER_FIELDS = [
  { key: 'customer', type: 'text', label: { en: 'Customer' } },
  { key: 'total', type: 'money', label: { en: 'Total' } },
  { key: 'status', type: 'select', label: { en: 'Status' }, options: [{ value: 'open' }, { value: 'closed' }] },
  { key: 'urgent', type: 'switch', label: { en: 'Urgent' } },
  { key: 'due', type: 'date', label: { en: 'Due' } },
  { key: 'tags', type: 'multiselect', label: { en: 'Tags' }, options: [{ value: 'a' }] },
  { key: 'receipt', type: 'attachment', label: { en: 'Receipt' } },
  { key: 'lines', type: 'subtable', label: { en: 'Lines' }, columns: [
    { key: 'product', type: 'text', label: { en: 'Product' } }, { key: 'amount', type: 'money', label: { en: 'Amount' } }] },
];
const FIELDS = conditionFields(ORDER_FIELDS);
const field = path => FIELDS.find(candidate => candidate.path === path);

test('a starter rule set names its form, runs before save and has one rule that always tells the initiator', () => {
  const name = { 'zh-CN': '订单校验', en: 'Order checks' };
  const set = starterRuleSet('order_checks', name, 'order');
  assert.equal(set.form, 'order');
  assert.deepEqual(set.trigger, { type: 'before_save' });
  assert.equal(set.rules.length, 1);
  assert.equal(set.rules[0].condition, undefined);
  assert.deepEqual(set.rules[0].actions, [{ type: 'notify', channels: ['in_app'], to: { initiator: true }, message: name }]);
  assert.equal(nextRuleKey([{ key: 'rule_1' }, { key: 'rule_2' }]), 'rule_3');
  assert.equal(nextRuleKey([{ key: 'rule_2' }]), 'rule_3');
});

test('each trigger type keeps only the members it takes and starts the ones it needs', () => {
  assert.deepEqual(triggerOfType({ type: 'before_save' }, 'field_changed', ['total']), { type: 'field_changed', fields: ['total'] });
  assert.deepEqual(triggerOfType({ type: 'field_changed', fields: ['total'] }, 'after_save'), { type: 'after_save' });
  assert.deepEqual(triggerOfType({ type: 'before_save' }, 'schedule'), { type: 'schedule', cron: '0 0 8 * * ?' });
  assert.deepEqual(triggerOfType({ type: 'task_created', task: 'review' }, 'task_overdue'), { type: 'task_overdue', task: 'review' });
  assert.deepEqual(triggerOfType({ type: 'task_created', task: 'review' }, 'approved'), { type: 'approved' });
  assert.deepEqual(scheduleOf({ type: 'schedule', cron: '0 0 8 * * ?' }, 'relative', 'due'),
    { type: 'schedule', relativeTo: { field: 'due', days: -30 } });
  assert.deepEqual(scheduleOf({ type: 'schedule', relativeTo: { field: 'due', days: 5 } }, 'cron'), { type: 'schedule', cron: '0 0 8 * * ?' });
  assert.equal(TRIGGER_TYPES.length, 10);
});

test('every action type starts with the members the schema requires of it', () => {
  const required = {
    set_field: ['field'], reject: ['message'], notify: ['channels', 'to', 'message'], create_record: ['form', 'values'],
    update_record: ['form', 'values', 'match'], start_process: ['process'], create_todo: ['to', 'title'],
  };
  for (const type of ACTION_TYPES) {
    const action = actionOfType(type);
    assert.equal(action.type, type);
    for (const member of required[type]) assert.ok(member in action, `${type} has ${member}`);
  }
  // Switching type keeps what the new type also takes.
  const notify = { type: 'notify', channels: ['email'], to: { roles: ['finance'] }, message: { 'zh-CN': '超额', en: 'Over' } };
  assert.deepEqual(actionOfType('create_todo', notify).to, { roles: ['finance'] });
  assert.deepEqual(actionOfType('reject', notify).message, notify.message);
  assert.deepEqual(valuesOf(valueRows({ amount: 'total * 0.1', note: '"x"' })), { amount: 'total * 0.1', note: '"x"' });
});

test('a condition tree is edited in place: add, nest, negate, swap AND/OR and remove', () => {
  const root = { all: [] };
  addChild(root, 'compare', FIELDS);
  addChild(root, 'any', FIELDS);
  addChild(nodeAt(root, [1]), 'expression', FIELDS);
  assert.deepEqual(root.all[0], { field: 'customer', op: 'eq', value: '' });
  assert.equal(conditionKind(nodeAt(root, [1])), 'any');
  assert.deepEqual(nodeAt(root, [1, 1]), { expression: '' });

  const node = nodeAt(root, [1, 0]);
  toggleNot(node);
  assert.equal(conditionKind(node), 'not');
  assert.strictEqual(nodeAt(root, [1, 0]), node, 'the node keeps its identity');
  assert.equal(conditionPointer(root, [1, 0, 0]), '/all/1/any/0/not');
  toggleNot(node);
  assert.deepEqual(node, { field: 'customer', op: 'eq', value: '' });

  toggleGroup(root.all[1]);
  assert.equal(conditionKind(root.all[1]), 'all');
  assert.equal(conditionPointer(root, [1, 1]), '/all/1/all/1');

  removeChild(root, [1, 0]);
  removeChild(root, [1, 0]);
  assert.equal(root.all.length, 1, 'a group left empty goes too');
});

test('operators follow the field type and values take the shape the operator needs', () => {
  assert.deepEqual(FIELDS.map(f => f.path), ['customer', 'total', 'status', 'urgent', 'due', 'tags', 'lines.product', 'lines.amount']);
  assert.ok(operatorsFor(field('total')).includes('between'));
  assert.ok(!operatorsFor(field('customer')).includes('gt'));
  assert.ok(operatorsFor(field('customer')).includes('contains'));
  assert.deepEqual(operatorsFor(field('urgent')), ['eq', 'ne']);
  assert.deepEqual(operatorsFor(field('tags')), ['contains', 'empty', 'not_empty']);
  assert.ok(operatorsFor(field('due')).includes('lte'));
  assert.ok(!operatorsFor(field('status')).includes('gt'));

  assert.equal(valueShape('empty'), 'none');
  assert.equal(valueShape('not_in'), 'list');
  let comparison = { field: 'total', op: 'gt', value: 50000 };
  comparison = withOperator(comparison, 'between', field('total'));
  assert.deepEqual(comparison.value, [50000, '']);
  comparison = withOperator(comparison, 'in', field('total'));
  assert.deepEqual(comparison.value, [50000]);
  comparison = withOperator(comparison, 'empty', field('total'));
  assert.ok(!('value' in comparison));
  assert.deepEqual(withField({ field: 'total', op: 'gt', value: 5 }, field('status')), { field: 'status', op: 'eq', value: 'open' });
  assert.deepEqual(withField({ field: 'total', op: 'gt', value: 5 }, field('urgent')), { field: 'urgent', op: 'eq', value: true });

  assert.equal(typedValue(field('total'), '50000'), 50000);
  assert.equal(typedValue(field('total'), '5e'), '5e', 'what is no number stays as typed, for the server to refuse');
  assert.equal(typedValue(field('customer'), '42'), '42');
  assert.equal(typedValue(field('urgent'), 'false'), false);
  assert.deepEqual(typedList(field('total'), '1, 2，3'), [1, 2, 3]);
});

test('a comparison on a sub-table column reads its rows: some row, every row, their count or their total', () => {
  const group = { all: [] };
  addChild(group, 'rows', FIELDS);
  assert.deepEqual(group.all[0], { field: 'lines.product', rows: 'any', op: 'eq', value: '' });
  const amount = withField(group.all[0], field('lines.amount'));
  assert.deepEqual(amount, { field: 'lines.amount', rows: 'any', op: 'eq', value: '' });
  const counted = withField({ ...amount, op: 'gte' }, field('lines.product'), 'count');
  assert.deepEqual(counted, { field: 'lines.product', rows: 'count', op: 'gte', value: 0 }, 'a count is a number whatever the column holds');
  assert.ok(operatorsFor(field('lines.product'), 'sum').includes('between'));
  assert.ok(!operatorsFor(field('lines.product'), 'sum').includes('empty'));
  assert.equal(typedValue(field('lines.product'), '3', 'count'), 3);
  assert.deepEqual(withOperator(counted, 'between', field('lines.product')), { field: 'lines.product', rows: 'count', op: 'between', value: [0, ''] });
  assert.deepEqual(withField(counted, field('total')), { field: 'total', op: 'gte', value: '' }, 'a plain field has no rows');
  assert.equal(conditionKind(counted), 'compare');
});

test('a problem lands on the rule, condition node or action its pointer names', () => {
  assert.deepEqual(ruleOfPointer('/rules/2/actions/0/message/en'), { rule: 2, rest: '/actions/0/message/en' });
  assert.deepEqual(ruleOfPointer('/trigger/cron'), { rule: null, rest: '/trigger/cron' });
  const problems = [
    { pointer: '/rules/0/condition/all/1', message: 'bad node' },
    { pointer: '/rules/0/condition/all/1/value', message: 'needs a list' },
    { pointer: '/rules/0/condition/all/1/any/0/op', message: 'child' },
    { pointer: '/rules/0/actions/0/webhook', message: 'names the webhook' },
  ];
  const node = problemsAt(problems, '/rules/0/condition/all/1', { members: ['field', 'op', 'value'] });
  assert.deepEqual(node.map(p => p.message), ['bad node', 'needs a list']);
  assert.equal(problemsAt(problems, '/rules/0', { within: true }).length, 4);
  assert.equal(problemsAt(problems, '/rules/0/actions/0', { within: true }).length, 1);
});

test('a lookup offers the fields of the record it points at, after the form\'s own fields', () => {
  const forms = [{ key: 'dealer', fields: [
    { key: 'credit_limit', type: 'money', label: { en: 'Credit limit' } },
    { key: 'licence', type: 'attachment', label: { en: 'Licence' } },
    { key: 'contacts', type: 'subtable', columns: [{ key: 'phone', type: 'text' }] }] }];
  const fields = conditionFields([
    { key: 'dealer', type: 'lookup', label: { en: 'Dealer' }, lookup: { form: 'dealer', displayField: 'name' } },
    { key: 'total', type: 'money', label: { en: 'Total' } },
    { key: 'unknown', type: 'lookup', label: { en: 'Other' }, lookup: { form: 'missing' } }], forms);
  assert.deepEqual(fields.map(f => f.path), ['dealer', 'total', 'unknown', 'dealer.credit_limit']);
  const limit = fields.at(-1);
  assert.equal(limit.via, 'dealer');
  assert.deepEqual(limit.viaLabel, { en: 'Dealer' });
  assert.deepEqual(operatorsFor(limit), operatorsFor({ type: 'money' }));
});

test('an exists condition is its own kind, has no children to edit and is summarised for display', () => {
  const node = { exists: { form: 'opportunity', excludeSelf: true, as: 'conflict', when: 'protection_days > 0',
    where: [{ field: 'customer_code', op: 'eq', expression: 'customer_code' }, { field: 'stage', op: 'ne', value: 'lost' }] } };
  const root = { all: [{ field: 'total', op: 'gt', value: 0 }, node] };

  assert.equal(conditionKind(node), 'exists');
  assert.equal(conditionPointer(root, [1]), '/all/1');
  assert.deepEqual(nodeAt(root, [1]), node);
  assert.deepEqual(existsSummary(node.exists), {
    form: 'opportunity', when: 'protection_days > 0', as: 'conflict', excludeSelf: true,
    where: [{ field: 'customer_code', op: 'eq', value: 'customer_code' }, { field: 'stage', op: 'ne', value: '"lost"' }],
  });
  toggleNot(root.all[1]);
  assert.equal(conditionKind(root.all[1]), 'not');
  assert.equal(conditionKind(root.all[1].not), 'exists');
});
