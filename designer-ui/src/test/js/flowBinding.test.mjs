// The process designer's model (designer/flowBinding.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newBinding, newTask, syncBinding, renameElement, setElementName, setCondition, conditionOf, flowRole, conditionalFlows, assignmentOfType,
  durationParts, durationText, accessRows, accessOf, setAccess, assignmentFields, problemElement, problemText, starterProcess,
  bindingText,
} from '../../main/resources/META-INF/resources/js/designer/flowBinding.js';

/** start → review → amount_check ⇒ (large → director) | (small, default → end); director → end. */
function orderDiagram({ multiInstance = false, defaultFlow = 'small' } = {}) {
  return {
    userTasks: [{ id: 'review', name: 'Review', multiInstance: false }, { id: 'director', name: 'Director', multiInstance }],
    flows: [
      { id: 'to_review', source: 'start', target: 'review' },
      { id: 'to_check', source: 'review', target: 'amount_check' },
      { id: 'large', source: 'amount_check', target: 'director' },
      { id: 'small', source: 'amount_check', target: 'end' },
      { id: 'director_done', source: 'director', target: 'end' },
    ],
    gateways: [{ id: 'amount_check', type: 'ExclusiveGateway', default: defaultFlow }],
  };
}

test('a new user task gets an entry that passes the schema: the initiator\'s manager, admin as fallback, approve/reject/return', () => {
  const binding = syncBinding(newBinding('order_approval', 'order'), orderDiagram());
  assert.deepEqual(binding.tasks.map(task => task.id), ['review', 'director']);
  assert.deepEqual(binding.tasks[0], newTask('review'));
  assert.deepEqual(binding.tasks[0].assignment, { type: 'initiator_manager', levels: 1 });
  assert.deepEqual(binding.tasks[0].fallback, { type: 'user', user: 'admin' });
  assert.deepEqual(binding.tasks[0].actions, ['approve', 'reject', 'return']);
});

test('a task removed from the diagram loses its entry, and gets it back when the removal is undone', () => {
  const memory = { tasks: {}, flows: {} };
  const binding = syncBinding(newBinding('p', 'order'), orderDiagram(), memory);
  binding.tasks[1].assignment = { type: 'roles', roles: ['director'] };
  setCondition(binding, 'large', 'total > 10000');
  const without = { ...orderDiagram(), userTasks: [orderDiagram().userTasks[0]] };
  without.flows = without.flows.filter(flow => !['large', 'director_done'].includes(flow.id));
  syncBinding(binding, without, memory);
  assert.deepEqual(binding.tasks.map(task => task.id), ['review']);
  assert.deepEqual(binding.flows, []);
  syncBinding(binding, orderDiagram(), memory);
  assert.deepEqual(binding.tasks[1].assignment, { type: 'roles', roles: ['director'] });
  assert.equal(conditionOf(binding, 'large'), 'total > 10000');
});

test('a renamed element takes its task or flow entry along', () => {
  const binding = syncBinding(newBinding('p', 'order'), orderDiagram());
  binding.tasks[1].actions = ['approve'];
  setCondition(binding, 'large', 'total > 10000');
  renameElement(binding, 'director', 'director_review');
  renameElement(binding, 'large', 'large_order');
  const renamed = orderDiagram();
  renamed.userTasks[1].id = 'director_review';
  renamed.flows[2] = { id: 'large_order', source: 'amount_check', target: 'director_review' };
  syncBinding(binding, renamed);
  assert.deepEqual(binding.tasks[1].actions, ['approve']);
  assert.deepEqual(binding.flows, [{ id: 'large_order', condition: 'total > 10000' }]);
});

test('a renamed element keeps its translated names, and the others keep theirs', () => {
  const binding = syncBinding(newBinding('p', 'order'), orderDiagram());
  binding.names = { director: { 'zh-CN': '总监审批', en: 'Director approval' }, review: { 'zh-CN': '审核', en: 'Review' } };
  renameElement(binding, 'director', 'director_review');
  assert.deepEqual(binding.names, {
    review: { 'zh-CN': '审核', en: 'Review' }, director_review: { 'zh-CN': '总监审批', en: 'Director approval' } });
});

test('an element is named in both languages or not at all', () => {
  const binding = newBinding('p', 'order');
  setElementName(binding, 'review', 'en', ' Manager review ', '经理审核');
  assert.deepEqual(binding.names, { review: { 'zh-CN': '经理审核', en: 'Manager review' } });
  setElementName(binding, 'review', 'zh-CN', '区域经理审核', '经理审核');
  assert.deepEqual(binding.names.review, { 'zh-CN': '区域经理审核', en: 'Manager review' });
  setElementName(binding, 'review', 'zh-CN', '', '经理审核');
  assert.deepEqual(binding.names.review, { 'zh-CN': '经理审核', en: 'Manager review' });
  setElementName(binding, 'review', 'en', '', '经理审核');
  setElementName(binding, 'review', 'zh-CN', '', '经理审核');
  assert.equal('names' in binding, false);
});

test('a refused name points at its element', () => {
  assert.equal(problemElement('flow', { pointer: '/names/ceo_review', message: 'The process has no element' }),
    'ceo_review');
});

test('countersigning follows the multi-instance marker', () => {
  const binding = syncBinding(newBinding('p', 'order'), orderDiagram({ multiInstance: true }));
  assert.deepEqual(binding.tasks[1].countersign, { mode: 'all' });
  binding.tasks[1].countersign = { mode: 'percentage', percentage: 60 };
  syncBinding(binding, orderDiagram({ multiInstance: true }));
  assert.deepEqual(binding.tasks[1].countersign, { mode: 'percentage', percentage: 60 });
  syncBinding(binding, orderDiagram());
  assert.equal(binding.tasks[1].countersign, undefined);
});

test('only the flows a gateway chooses among take conditions, and never its default', () => {
  const diagram = orderDiagram();
  assert.deepEqual(conditionalFlows(diagram), ['large']);
  assert.deepEqual(flowRole(diagram, 'large'), { role: 'conditional', gateway: 'amount_check' });
  assert.deepEqual(flowRole(diagram, 'small'), { role: 'default', gateway: 'amount_check' });
  assert.deepEqual(flowRole(diagram, 'to_review'), { role: null, gateway: null });
  const binding = newBinding('p', 'order');
  setCondition(binding, 'large', 'total > 10000');
  setCondition(binding, 'small', 'total <= 10000');
  const memory = { tasks: {}, flows: {} };
  syncBinding(binding, orderDiagram({ defaultFlow: 'small' }), memory);
  assert.deepEqual(binding.flows, [{ id: 'large', condition: 'total > 10000' }]);
  // A flow that stops being the default gets back the condition it had before.
  syncBinding(binding, orderDiagram({ defaultFlow: 'large' }), memory);
  assert.deepEqual(binding.flows, [{ id: 'small', condition: 'total <= 10000' }]);
});

test('a parallel gateway\'s flows and a gateway with a single way out take no condition', () => {
  const diagram = orderDiagram();
  diagram.gateways[0].type = 'ParallelGateway';
  assert.deepEqual(conditionalFlows(diagram), []);
  const single = orderDiagram({ defaultFlow: null });
  single.flows = single.flows.filter(flow => flow.id !== 'small');
  assert.deepEqual(conditionalFlows(single), []);
});

test('a blank condition clears the flow\'s entry', () => {
  const binding = newBinding('p', 'order');
  setCondition(binding, 'large', 'total > 1');
  setCondition(binding, 'large', '  ');
  assert.deepEqual(binding.flows, []);
});

test('switching the assignment type keeps the people and roles chosen where the new type takes them', () => {
  assert.deepEqual(assignmentOfType({ type: 'users', users: ['ann'] }, 'candidates'), { type: 'candidates', users: ['ann'] });
  assert.deepEqual(assignmentOfType({ type: 'roles', roles: ['director'] }, 'candidates'), { type: 'candidates', roles: ['director'] });
  assert.deepEqual(assignmentOfType({ type: 'candidates', roles: ['r'], users: ['u'] }, 'roles'), { type: 'roles', roles: ['r'] });
  assert.deepEqual(assignmentOfType({ type: 'users', users: ['ann'] }, 'initiator_manager'), { type: 'initiator_manager', levels: 1 });
  assert.deepEqual(assignmentOfType({ type: 'users' }, 'initiator'), { type: 'initiator' });
  assert.deepEqual(assignmentOfType({ type: 'org_manager', field: 'region' }, 'field_user'), { type: 'field_user', field: 'region' });
});

test('due times read as a number and a unit and write back as ISO durations', () => {
  assert.deepEqual(durationParts('PT4H'), { amount: 4, unit: 'hours' });
  assert.deepEqual(durationParts('P2D'), { amount: 2, unit: 'days' });
  assert.deepEqual(durationParts('P1DT12H'), { amount: 36, unit: 'hours' });
  assert.deepEqual(durationParts('P1W'), { amount: 7, unit: 'days' });
  assert.equal(durationParts('P1M'), null);
  assert.equal(durationParts(''), null);
  assert.equal(durationText(4, 'hours'), 'PT4H');
  assert.equal(durationText('2', 'days'), 'P2D');
  assert.equal(durationText(0, 'days'), 'P1D');
});

test('the permission grid has a row per field and sub-table column, and stores only what is not read-only', () => {
  const fields = [
    { key: 'customer', type: 'text', label: { en: 'Customer' } },
    { key: 'lines', type: 'subtable', label: { en: 'Lines' }, columns: [{ key: 'price', type: 'money', label: { en: 'Price' } }] },
  ];
  assert.deepEqual(accessRows(fields).map(row => [row.path, row.depth]), [['customer', 0], ['lines', 0], ['lines.price', 1]]);
  const task = newTask('review');
  assert.equal(accessOf(task, 'customer'), 'read_only');
  setAccess(task, 'lines.price', 'editable');
  setAccess(task, 'customer', 'hidden');
  assert.deepEqual(task.view, { 'lines.price': 'editable', customer: 'hidden' });
  setAccess(task, 'customer', 'read_only');
  setAccess(task, 'lines.price', 'read_only');
  assert.equal(task.view, undefined);
});

test('assignments read people from user fields and managers from org fields', () => {
  const fields = [{ key: 'owner', type: 'user' }, { key: 'region', type: 'org' }, { key: 'total', type: 'money' }];
  assert.deepEqual(assignmentFields(fields, 'field_user'), ['owner']);
  assert.deepEqual(assignmentFields(fields, 'org_manager'), ['region']);
});

test('a dealer\'s accounts are found by a field that holds its code', () => {
  const fields = [{ key: 'owner', type: 'user' }, { key: 'dealer', type: 'lookup' },
    { key: 'dealer_code', type: 'formula', resultType: 'text' }, { key: 'amount', type: 'formula', resultType: 'number' },
    { key: 'code', type: 'text' }];
  assert.deepEqual(assignmentFields(fields, 'dealer_users'), ['dealer_code', 'code']);
  assert.deepEqual(assignmentOfType({ type: 'field_user', field: 'code' }, 'dealer_users'), { type: 'dealer_users', field: 'code' });
});

test('a server problem lands on the element it is about', () => {
  const binding = syncBinding(newBinding('p', 'order'), orderDiagram());
  setCondition(binding, 'large', 'total > x');
  assert.equal(problemElement('process', { pointer: 'review', message: 'bad' }, binding), 'review');
  assert.equal(problemElement('process', { pointer: '', message: 'no executable process' }, binding), null);
  assert.equal(problemElement('flow', { pointer: '/tasks/1/assignment/field', message: 'no field' }, binding), 'director');
  assert.equal(problemElement('flow', { pointer: '/flows/0/condition', message: 'reads x' }, binding), 'large');
  assert.equal(problemElement('flow', { pointer: '/flows', message: "The flow 'small' has no condition (BPMN element 'small')" }, binding), 'small');
  assert.equal(problemElement('flow', { pointer: '/form', message: 'no form' }, binding), null);
  assert.equal(problemText({ message: "The flow 'small' has no condition (BPMN element 'small')" }), "The flow 'small' has no condition");
});

test('a new process starts with one approval task, its id the process key, names escaped', () => {
  const xml = starterProcess('order_approval', 'Orders & <more>', '审批');
  assert.match(xml, /<bpmn:process id="order_approval" name="Orders &amp; &lt;more&gt;" isExecutable="true">/);
  assert.match(xml, /<bpmn:userTask id="review" name="审批">/);
  assert.match(xml, /bpmnElement="review"/);
  assert.doesNotMatch(xml, /conditionExpression|\$\{/);
});

test('the stored binding leaves out an empty list of flows', () => {
  const binding = syncBinding(newBinding('p', 'order'), { userTasks: [{ id: 'review' }], flows: [], gateways: [] });
  assert.equal(JSON.parse(bindingText(binding)).flows, undefined);
  setCondition(binding, 'x', 'a > 1');
  assert.deepEqual(JSON.parse(bindingText(binding)).flows, [{ id: 'x', condition: 'a > 1' }]);
});
