// The form designer's model (designer/formTree.js, history.js, sampleRecord.js) under Node:
// `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  fromDefinition, toDefinition, nodeForPointer, emptyState, topFields, locate, accepts, dropNew, moveItem, addNear,
  removeNode, moveBy, duplicateField, splitRow, keyProblem, fieldNode, rowNode,
} from '../../main/resources/META-INF/resources/js/designer/formTree.js';
import { FIELD_TYPES, MAX_CELLS } from '../../main/resources/META-INF/resources/js/designer/fieldTypes.js';
import { History } from '../../main/resources/META-INF/resources/js/designer/history.js';
import { sampleRecord } from '../../main/resources/META-INF/resources/js/designer/sampleRecord.js';

const ORDER = JSON.parse(readFileSync(fileURLToPath(new URL(
  '../../../../samples/src/main/resources/packs/dms/order.form.json', import.meta.url)), 'utf8'));

const label = text => ({ 'zh-CN': text, en: text });
const field = (key, type = 'text', extra = {}) => ({ key, type, label: label(key), ...extra });
const keys = state => topFields(state).map(node => node.field.key);
const byKey = (state, key) => topFields(state).find(node => node.field.key === key);
const rows = section => ({ kind: 'rows', items: section.rows });

test('the designer knows all 27 field types', () => {
  assert.equal(FIELD_TYPES.length, 27);
});

test('the sample order form keeps its layout and fields through the designer', () => {
  const { definition } = toDefinition(fromDefinition(ORDER));

  assert.deepEqual(definition.layout, ORDER.layout);
  const placed = ORDER.layout.sections.flatMap(section => section.rows.flat());
  assert.deepEqual(definition.fields.map(f => f.key), placed, 'fields are written in the order the layout shows them');
  assert.deepEqual(definition.fields.find(f => f.key === 'lines'), ORDER.fields.find(f => f.key === 'lines'));
  assert.equal(definition.titleField, 'number');
  assert.deepEqual(definition.scope, ORDER.scope, 'whose a record is survives the designer');
});

test('a form without layout stays without one, its fields in their order', () => {
  const form = { key: 'visit', name: label('Visit'), fields: [field('a'), field('b', 'integer'), field('c')] };

  assert.deepEqual(toDefinition(fromDefinition(form)).definition, form);
});

test('fields the layout leaves out follow it in an untitled section', () => {
  const form = { key: 'visit', name: label('Visit'), fields: [field('a'), field('b'), field('c')],
    layout: { sections: [{ key: 'head', title: label('Head'), rows: [['b', 'a']] }] } };

  const { definition } = toDefinition(fromDefinition(form));

  assert.deepEqual(definition.layout.sections.map(s => s.rows), [[['b', 'a']], [['c']]]);
  assert.equal(definition.layout.sections[1].title, undefined);
});

test('tabs come back as tabs, each section with its key', () => {
  const form = { key: 'visit', name: label('Visit'), fields: [field('a'), field('b')],
    layout: { tabs: [{ key: 'one', title: label('One'), sections: [{ key: 's1', rows: [['a']] }] },
      { key: 'two', title: label('Two'), sections: [{ key: 's2', title: label('S2'), rows: [['b']] }] }] } };

  assert.deepEqual(toDefinition(fromDefinition(form)).definition.layout, form.layout);
});

test('a problem pointer names the field, column or layout cell it came from, and what in it', () => {
  const state = fromDefinition(ORDER);
  const { definition, pointers } = toDefinition(state);
  const lines = definition.fields.findIndex(f => f.key === 'lines');
  const lineNode = byKey(state, 'lines');

  assert.deepEqual(nodeForPointer(pointers, `/fields/${lines}/columns/3/expression`),
    { uid: lineNode.columns[3].uid, rest: 'expression' });
  assert.deepEqual(nodeForPointer(pointers, `/fields/${lines}/label/en`), { uid: lineNode.uid, rest: 'label/en' });
  assert.deepEqual(nodeForPointer(pointers, '/layout/sections/0/rows/1/1'), { uid: byKey(state, 'delivery_date').uid, rest: '' });
  assert.equal(nodeForPointer(pointers, '/layout/sections/2/key').uid, state.tabs[0].sections[2].uid);
  assert.equal(nodeForPointer(pointers, '/titleField'), null);
});

test('dropped fields get keys and labels of their own, in both languages', () => {
  const state = emptyState('visit', label('Visit'));
  const section = state.tabs[0].sections[0];

  dropNew(state, 'text', rows(section), 0);
  const second = dropNew(state, 'text', rows(section), 1);

  assert.deepEqual(keys(state), ['text_1', 'text_2']);
  assert.deepEqual(second.field.label, { 'zh-CN': '单行文本 2', en: 'Text 2' });
  assert.equal(dropNew(state, 'select', rows(section), 2).field.options.length, 2);
});

test('a field dropped into a sub-table becomes a column; one dragged out gets a free key', () => {
  const state = emptyState('order', label('Order'));
  const section = state.tabs[0].sections[0];
  const lines = dropNew(state, 'subtable', rows(section), 0);
  dropNew(state, 'text', rows(section), 1);
  const column = dropNew(state, 'text', { kind: 'columns', items: lines.columns }, 0);
  assert.equal(column.field.key, 'text_1', 'columns have keys of their own');

  moveItem(state, { kind: 'columns', items: lines.columns }, 0, rows(section), 2);

  assert.deepEqual(keys(state), ['subtable_1', 'text_1', 'text_1_2']);
  assert.equal(lines.columns.length, 0);
});

test('a one-field row dragged into a row of several gives up its field; a cell dragged out gets a row', () => {
  const state = fromDefinition({ key: 'visit', name: label('Visit'), fields: [field('a'), field('b'), field('c')],
    layout: { sections: [{ key: 'main', rows: [['a', 'b'], ['c']] }] } });
  const section = state.tabs[0].sections[0];
  const cells = { kind: 'cells', items: section.rows[0].cells };

  moveItem(state, rows(section), 1, cells, 1);
  assert.deepEqual(section.rows.map(row => row.cells.map(cell => cell.field.key)), [['a', 'c', 'b']]);

  moveItem(state, cells, 0, rows(section), 1);
  assert.deepEqual(section.rows.map(row => row.cells.map(cell => cell.field.key)), [['c', 'b'], ['a']]);
  assert.equal(section.rows[1].multi, false);
});

test('drop targets take only what they can hold', () => {
  assert.equal(accepts({ kind: 'cells' }, 'text', 'palette', MAX_CELLS - 1), true);
  assert.equal(accepts({ kind: 'cells' }, 'text', 'palette', MAX_CELLS), false, 'a row is full at four fields');
  assert.equal(accepts({ kind: 'cells' }, 'row', 'row', 0), false);
  assert.equal(accepts({ kind: 'columns' }, 'subtable', 'single', 0), false, 'sub-tables do not nest');
  assert.equal(accepts({ kind: 'columns' }, 'money', 'cell', 3), true);
  assert.equal(accepts({ kind: 'rows' }, 'row', 'palette', 9), true);
  assert.equal(accepts({ kind: 'rows' }, 'section', 'section', 0), false);
  assert.equal(accepts({ kind: 'sections' }, 'tabs', 'palette', 0), true);
  assert.equal(accepts({ kind: 'sections' }, 'text', 'palette', 0), false);
});

test('click-to-add puts the new field next to the selection', () => {
  const state = emptyState('order', label('Order'));
  const section = state.tabs[0].sections[0];
  const lines = dropNew(state, 'subtable', rows(section), 0);
  const product = dropNew(state, 'text', { kind: 'columns', items: lines.columns }, 0);

  addNear(state, 'integer', product.uid, 0);
  assert.deepEqual(lines.columns.map(c => c.field.key), ['text_1', 'integer_1'], 'after the selected column');

  const row = addNear(state, 'row', lines.uid, 0);
  assert.equal(section.rows[1].uid, row.uid, 'a row goes after the selected row');
  addNear(state, 'date', row.uid, 0);
  assert.deepEqual(row.cells.map(c => c.field.key), ['date_1'], 'a field goes into the selected row of several');

  addNear(state, 'email', null, 0);
  assert.deepEqual(keys(state), ['subtable_1', 'date_1', 'email_1'], 'with nothing selected, at the end');
});

test('sections and tabs: the last section of a tab stays, removing a tab keeps its sections', () => {
  const state = emptyState('visit', label('Visit'));
  assert.equal(removeNode(state, state.tabs[0].sections[0].uid), false);

  addNear(state, 'section', null, 0);
  dropNew(state, 'text', rows(state.tabs[0].sections[1]), 0);
  const second = addNear(state, 'tabs', null, 0);
  assert.equal(state.tabbed, true);
  assert.equal(state.tabs.length, 2);
  assert.deepEqual(toDefinition(state).definition.layout.tabs.map(tab => tab.key), ['tab_1', second.key]);

  assert.equal(removeNode(state, state.tabs[0].uid), true);
  assert.equal(state.tabbed, false, 'one tab left is no tabs');
  assert.deepEqual(keys(state), ['text_1'], 'the removed tab\'s fields moved, not lost');
});

test('moving, copying and splitting keep keys unique', () => {
  const state = fromDefinition({ key: 'visit', name: label('Visit'), fields: [field('a'), field('b'), field('c')],
    layout: { sections: [{ key: 'main', rows: [['a', 'b'], ['c']] }] } });
  const section = state.tabs[0].sections[0];

  assert.equal(moveBy(state, byKey(state, 'c').uid, -1), true, 'a one-field row moves as a row');
  assert.deepEqual(keys(state), ['c', 'a', 'b']);
  assert.equal(duplicateField(state, byKey(state, 'a').uid).field.key, 'a_copy');
  assert.deepEqual(section.rows[1].cells.map(cell => cell.field.key), ['a', 'a_copy', 'b']);

  splitRow(state, section.rows[1].uid);
  assert.deepEqual(section.rows.map(row => row.cells.length), [1, 1, 1, 1]);
  assert.equal(keyProblem('a_copy', topFields(state)), 'duplicate');
  assert.equal(keyProblem('Amount', []), 'pattern');
});

test('the title field goes when its field leaves the top level', () => {
  const state = emptyState('order', label('Order'));
  const section = state.tabs[0].sections[0];
  const lines = dropNew(state, 'subtable', rows(section), 0);
  section.rows.push(rowNode([fieldNode(field('number'))], false));
  state.form.titleField = 'number';

  moveItem(state, rows(section), 1, { kind: 'columns', items: lines.columns }, 0);

  assert.equal(state.form.titleField, undefined);
  assert.equal(locate(state, lines.columns[0].uid).parent.uid, lines.uid);
});

test('history undoes and redoes snapshots and ignores repeats', () => {
  const history = new History(3);
  history.reset('a');
  assert.equal(history.record('a'), false);
  history.record('b');
  history.record('c');
  assert.equal(history.undo(), 'b');
  assert.equal(history.redo(), 'c');
  assert.equal(history.redo(), null);
  history.undo();
  history.record('d');
  assert.equal(history.canRedo, false, 'a new change drops what could have been redone');
  history.record('e');
  assert.deepEqual(history.entries, ['b', 'd', 'e'], 'at most the limit');
});

test('test data fits each field and leaves computed ones to the platform', () => {
  // the sample's status is set by rules and read-only through role grants; marked read-only here for the test
  const form = { ...ORDER, fields: ORDER.fields.map(f => (f.key === 'status' ? { ...f, readOnly: true } : f)) };
  const record = sampleRecord(form, 'en', new Date('2026-11-24T08:00:00Z'));

  assert.equal(record.number, undefined, 'serial');
  assert.equal(record.total, undefined, 'formula');
  assert.equal(record.status, undefined, 'read-only');
  assert.equal(record.order_date, '2026-11-24');
  assert.equal(record.payment, 'prepaid');
  assert.equal(record.lines.length, 2);
  assert.ok(record.lines.every(line => line.quantity >= 1 && line.price >= 0));
  assert.equal(record.discount, 10);
});
