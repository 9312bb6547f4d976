// The workflow pages' rules (flow.js, flowView.js) under Node, with the UI's real messages:
// `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  statusOf, statusTone, statusLabel, orderedActions, taskAction, commentMissing, actionLabel, defaultReturnTarget,
  userName, humanDuration, timelineSentence, isOverdue, boxColumns, boxOf, itemLink, inboxQuery, pageFacts, STATUSES,
} from '../../main/resources/META-INF/resources/js/flow.js';
import { applyAccess, changedMembers, splitProblems } from '../../main/resources/META-INF/resources/js/flowView.js';
import { messages } from '../../main/resources/META-INF/resources/js/messages.js';

const translator = locale => (key, params = {}) => {
  const text = messages[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? params[name] : whole));
};
const en = translator('en');
const zh = translator('zh-CN');

const ORDER = JSON.parse(readFileSync(fileURLToPath(new URL(
  '../../../../samples/src/main/resources/packs/dms/order.form.json', import.meta.url)), 'utf8'));

const manager = { id: 7, username: 'manager_east', name: 'East manager' };
const director = { id: 8, username: 'director', name: 'Director' };

test('a record never submitted reads as a draft', () => {
  assert.equal(statusOf(null), 'draft');
  assert.equal(statusOf(undefined), 'draft');
  assert.equal(statusLabel(null, en), 'Draft');
  assert.equal(statusTone(null), 'off');
});

test('every workflow status has words in both languages and a colour', () => {
  for (const status of STATUSES) {
    assert.notEqual(statusLabel(status, en), `flow.status.${status}`);
    assert.notEqual(statusLabel(status, zh), `flow.status.${status}`);
    assert.ok(['off', 'progress', 'warn', 'ok', 'bad'].includes(statusTone(status)), status);
  }
  assert.equal(statusLabel('in_approval', zh), '审批中');
  assert.equal(statusTone('approved'), 'ok');
  assert.equal(statusTone('rejected'), 'bad');
  assert.equal(statusTone('returned'), 'warn');
});

test('the action bar shows only the allowed actions, approve first, and keeps actions it does not know', () => {
  const names = orderedActions(['cc', 'reject', 'future_action', 'approve', 'return']).map(a => a.name);

  assert.deepEqual(names, ['approve', 'reject', 'return', 'cc', 'future_action']);
  assert.deepEqual(orderedActions(undefined), []);
});

test('reject and return need a comment; approve does not', () => {
  assert.equal(commentMissing('reject', '  '), true);
  assert.equal(commentMissing('return', ''), true);
  assert.equal(commentMissing('return', 'price too low'), false);
  assert.equal(commentMissing('approve', ''), false);
});

test('actions that hand the task on ask for one person, CC for several, return for a target', () => {
  assert.equal(taskAction('transfer').user, 'one');
  assert.equal(taskAction('add_signer_before').user, 'one');
  assert.equal(taskAction('cc').user, 'many');
  assert.equal(taskAction('return').target, true);
  assert.equal(taskAction('approve').values, true);
  assert.equal(taskAction('approve').dialog, undefined);
  assert.equal(taskAction('claim').stays, true);
});

test('every task and timeline action has a label in both languages', () => {
  const actions = ['approve', 'reject', 'return', 'transfer', 'delegate', 'add_signer_before', 'add_signer_after', 'cc',
    'claim', 'unclaim', 'resolve', 'submit', 'resubmit', 'withdraw', 'urge', 'remind', 'escalate', 'auto_approve',
    'auto_reject', 'skip'];
  for (const action of actions) {
    assert.notEqual(actionLabel(action, en), action, `en ${action}`);
    assert.notEqual(actionLabel(action, zh), action, `zh ${action}`);
    assert.ok(!timelineSentence({ actor: manager, action }, en).includes(':'), `en timeline ${action}`);
  }
  assert.equal(actionLabel('something_new', en), 'something_new');
});

test('a return goes to the initiator unless only other steps are offered', () => {
  assert.equal(defaultReturnTarget([{ id: 'region_review', name: 'Region review' }, { id: 'initiator', name: 'Initiator' }]), 'initiator');
  assert.equal(defaultReturnTarget([{ id: 'region_review', name: 'Region review' }]), 'region_review');
  assert.equal(defaultReturnTarget([]), null);
});

test('users read by name, else username, else id', () => {
  assert.equal(userName(manager), 'East manager');
  assert.equal(userName({ id: 3, username: 'finance', displayName: 'Finance' }), 'Finance');
  assert.equal(userName({ id: 3, username: 'finance' }), 'finance');
  assert.equal(userName({ id: 3 }), '#3');
  assert.equal(userName(null), '');
});

test('durations read in their two largest units', () => {
  const minute = 60_000;
  assert.equal(humanDuration(12_400, en), '12 s');
  assert.equal(humanDuration(45 * minute, en), '45 min');
  assert.equal(humanDuration(200 * minute, en), '3 h 20 min');
  assert.equal(humanDuration((2 * 24 * 60 + 3 * 60 + 5) * minute, en), '2 d 3 h');
  assert.equal(humanDuration(2 * 24 * 60 * minute + 5 * minute, en), '2 d', 'no "0 h" between days and minutes');
  assert.equal(humanDuration(90 * minute, zh), '1 小时 30 分钟');
  assert.equal(humanDuration(null, en), null);
  assert.equal(humanDuration(-5, en), null);
});

test('timeline entries read as sentences naming who, to whom and where to', () => {
  assert.equal(timelineSentence({ actor: manager, action: 'approve' }, en), 'East manager approved');
  assert.equal(timelineSentence({ actor: manager, action: 'return', target: { id: 'initiator', name: 'Initiator' } }, en),
    'East manager returned it to Initiator');
  assert.equal(timelineSentence({ actor: manager, action: 'cc', to: [director, { id: 9, username: 'finance' }] }, en),
    'East manager sent a copy to Director, finance');
  assert.equal(timelineSentence({ actor: manager, action: 'transfer', to: [director] }, zh), 'East manager 转办给 Director');
  assert.equal(timelineSentence({ actor: null, action: 'auto_approve' }, zh), '系统 自动通过');
  assert.equal(timelineSentence({ actor: manager, action: 'teleport' }, en), 'East manager: teleport');
});

test('an item is overdue when the server says so or its due time has passed', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  assert.equal(isOverdue({ overdue: true, dueAt: null }, now), true);
  assert.equal(isOverdue({ overdue: false, dueAt: '2026-03-01T11:00:00Z' }, now), true);
  assert.equal(isOverdue({ overdue: false, dueAt: '2026-03-02T11:00:00Z' }, now), false);
  assert.equal(isOverdue({ dueAt: null }, now), false);
});

test('each inbox box shows its own columns, and an unknown box is the to-do box', () => {
  assert.ok(boxColumns('todo').includes('dueAt'));
  assert.ok(boxColumns('done').includes('action'));
  assert.ok(boxColumns('cc').includes('from'));
  assert.equal(boxOf('nonsense'), 'todo');
  assert.equal(boxOf('cc'), 'cc');
});

test('a to-do opens its approval page; everything else its workflow instance', () => {
  assert.equal(itemLink('todo', { taskId: 't 1', instanceId: 'i1' }), '/tasks/t%201');
  assert.equal(itemLink('done', { instanceId: 'i1' }), '/instances/i1');
  assert.equal(itemLink('todo', { kind: 'todo', taskId: 't2', app: 'dms', form: 'stock', recordId: 7 }), '/apps/dms/form/stock/7');
  assert.equal(itemLink('todo', { kind: 'todo', taskId: 't3', app: 'dms', form: null, recordId: null }), '/inbox/todo');
  assert.equal(itemLink('cc', { taskId: 'x', instanceId: 'i2' }), '/instances/i2');
});

test('the inbox asks for the page, size, app and title search it shows', () => {
  assert.equal(inboxQuery({ page: 2, size: 20 }), 'page=2&size=20');
  assert.equal(inboxQuery({ page: 0, size: 50, app: 'dms', q: ' SO-1 ' }), 'page=0&size=50&app=dms&q=SO-1');
});

test('the pager counts pages from the total', () => {
  assert.deepEqual(pageFacts(42, 0, 20, 20), { pages: 3, from: 1, to: 20, hasPrevious: false, hasNext: true });
  assert.deepEqual(pageFacts(42, 2, 20, 2), { pages: 3, from: 41, to: 42, hasPrevious: true, hasNext: false });
  assert.deepEqual(pageFacts(0, 0, 20, 0), { pages: 1, from: 0, to: 0, hasPrevious: false, hasNext: false });
});

test('a task shows the form without its hidden fields, its editable fields open and the rest read-only', () => {
  const { form, editable, readOnly } = applyAccess(ORDER, { discount: 'editable', remark: 'editable', dealer: 'hidden', status: 'read_only' });

  assert.ok(!form.fields.some(f => f.key === 'dealer'));
  assert.deepEqual(form.layout.sections[0].rows, [['number'], ['order_date', 'delivery_date'], ['payment', 'status']]);
  assert.deepEqual(editable, ['discount', 'remark']);
  assert.ok(readOnly.includes('status') && readOnly.includes('lines'), 'fields not named are read-only');
  assert.ok(!readOnly.includes('dealer'));
  assert.deepEqual(ORDER.fields.find(f => f.key === 'dealer').key, 'dealer', 'the cached form view is left as it was');
});

test('a formula reading a hidden field shows the stored result instead of computing without it', () => {
  const { form } = applyAccess(ORDER, { discount: 'hidden' });
  const payable = form.fields.find(f => f.key === 'payable');
  const total = form.fields.find(f => f.key === 'total');

  assert.equal(payable.live, false);
  assert.equal(payable.expression, undefined);
  assert.equal(total.expression, 'SUM(lines.amount)');
});

test('sections and tabs left empty by hidden fields go, and so does a hidden title field', () => {
  const tabbed = {
    key: 'claim', titleField: 'secret', fields: [{ key: 'a', type: 'text' }, { key: 'secret', type: 'text' }],
    layout: { tabs: [{ key: 'one', sections: [{ key: 's1', rows: [['a']] }] }, { key: 'two', sections: [{ key: 's2', rows: [['secret']] }] }] },
  };

  const { form } = applyAccess(tabbed, { secret: 'hidden' });
  assert.deepEqual(form.layout.tabs.map(tab => tab.key), ['one']);
  assert.equal(form.titleField, undefined);

  const { form: bare } = applyAccess({ ...tabbed, layout: { tabs: [tabbed.layout.tabs[1]] } }, { secret: 'hidden' });
  assert.equal(bare.layout.tabs, undefined, 'no tab left means no tabs, so the layout falls back to its fields');
});

test('an approval sends only the values that changed', () => {
  const before = { discount: 5, remark: 'ok', lines: [{ qty: 1 }] };

  assert.deepEqual(changedMembers(before, { discount: 7, remark: 'ok', lines: [{ qty: 1 }] }), { discount: 7 });
  assert.deepEqual(changedMembers(before, { ...before, lines: [{ qty: 2 }] }), { lines: [{ qty: 2 }] });
  assert.deepEqual(changedMembers(before, before), {});
});

test('problems with edited values land on their fields; the rest stay for the error box', () => {
  const { fields, others } = splitProblems([
    { pointer: '/values/discount', message: 'at most 30' },
    { pointer: '/values/lines/0/qty', message: 'at least 1' },
    { pointer: '/target', message: 'not a step before' },
    { message: 'no pointer' },
  ]);

  assert.deepEqual(fields.map(p => p.pointer), ['/discount', '/lines/0/qty']);
  assert.deepEqual(others.map(p => p.pointer), ['/target', undefined]);
});
