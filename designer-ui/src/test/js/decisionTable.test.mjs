// The decision table editor's model (designer/decisionTable.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  starterTable, setHitPolicy, addInput, addOutput, removeColumn, setColumnType, addRow, removeRow, moveRow, cellText,
  parseCell, parseOutput, gridPlace,
} from '../../main/resources/META-INF/resources/js/designer/decisionTable.js';

const REBATE = JSON.parse(readFileSync(new URL('../../../../samples/src/main/resources/packs/dms/rebate_policy.decision.json', import.meta.url)));

test('every cell of the sample rebate table reads as text and back into the same cell', () => {
  const texts = REBATE.rows.map(row => row.inputs.map(cellText));
  assert.deepEqual(texts, [
    ['≥ 5000000', 'A, B'], ['[2000000..5000000)', 'A, B, C'], ['[500000..2000000)', '-'], ['-', '-'],
  ]);
  REBATE.rows.forEach(row => row.inputs.forEach((cell, i) => {
    assert.deepEqual(parseCell(cellText(cell), REBATE.inputs[i].type), { cell });
  }));
});

test('typed cells: any, comparisons, ranges with open ends, lists, quoted text', () => {
  assert.deepEqual(parseCell('', 'number'), { cell: { op: 'any' } });
  assert.deepEqual(parseCell('任意', 'text'), { cell: { op: 'any' } });
  assert.deepEqual(parseCell('>= 10', 'number'), { cell: { op: 'gte', value: 10 } });
  assert.deepEqual(parseCell('<50000', 'number'), { cell: { op: 'lt', value: 50000 } });
  assert.deepEqual(parseCell('!= A', 'text'), { cell: { op: 'ne', value: 'A' } });
  assert.deepEqual(parseCell('gold', 'text'), { cell: { op: 'eq', value: 'gold' } });
  assert.deepEqual(parseCell('(1..5]', 'number'), { cell: { op: 'between', min: 1, max: 5, minInclusive: false } });
  assert.deepEqual(parseCell('[2026-01-01..2026-03-31]', 'date'), { cell: { op: 'between', min: '2026-01-01', max: '2026-03-31' } });
  assert.deepEqual(parseCell('{A}', 'text'), { cell: { op: 'in', values: ['A'] } });
  assert.deepEqual(parseCell('"a, b", c', 'text'), { cell: { op: 'in', values: ['a, b', 'c'] } });
  assert.deepEqual(parseCell('true', 'boolean'), { cell: { op: 'eq', value: true } });
  assert.equal(cellText({ op: 'in', values: ['a, b', 'c'] }), '"a, b", c');
  assert.equal(cellText({ op: 'eq', value: '> 5' }), '"> 5"', 'text that looks like an operator is quoted');
  assert.deepEqual(parseCell(cellText({ op: 'eq', value: '> 5' }), 'text'), { cell: { op: 'eq', value: '> 5' } });
});

test('cells a column cannot hold are refused with the reason', () => {
  assert.deepEqual(parseCell('> A', 'text'), { error: 'decision.cell.ordering' });
  assert.deepEqual(parseCell('[1..2]', 'text'), { error: 'decision.cell.ordering' });
  assert.deepEqual(parseCell('abc', 'number'), { error: 'decision.cell.number' });
  assert.deepEqual(parseCell('[5..1]', 'number'), { error: 'decision.cell.range' });
  assert.deepEqual(parseCell('maybe', 'boolean'), { error: 'decision.cell.boolean' });
  assert.deepEqual(parseCell('2026-13-45', 'date'), { error: 'decision.cell.date' });
  assert.deepEqual(parseOutput('0.05', 'number'), { value: 0.05 });
  assert.deepEqual(parseOutput('', 'text'), { error: 'decision.cell.empty' });
});

test('rows stay as wide as the columns as columns come and go', () => {
  const table = starterTable('rebate', { 'zh-CN': '返利', en: 'Rebate' }, 'order');
  addInput(table);
  addOutput(table);
  addRow(table);
  assert.deepEqual(table.rows[1], { inputs: [{ op: 'any' }, { op: 'any' }], outputs: [0, 0] });
  table.rows[0].inputs[1] = { op: 'gt', value: 5 };
  setColumnType(table, 'inputs', 1, 'text');
  assert.deepEqual(table.rows[0].inputs[1], { op: 'any' }, 'a text column cannot hold > 5');
  setColumnType(table, 'outputs', 1, 'boolean');
  assert.deepEqual(table.rows.map(row => row.outputs[1]), [false, false]);
  assert.ok(removeColumn(table, 'inputs', 0));
  assert.deepEqual(table.rows.map(row => row.inputs.length), [1, 1]);
  assert.ok(!removeColumn(table, 'inputs', 0), 'the last input stays');
  assert.equal(table.inputs[0].key, 'input_2');
});

test('rows are added after a row, moved and removed; priority rows carry a priority, collect an aggregation', () => {
  const table = starterTable('t', { 'zh-CN': 't', en: 't' });
  table.rows[0].outputs = [1];
  addRow(table, 0);
  table.rows[1].outputs = [2];
  addRow(table, 0);
  assert.deepEqual(table.rows.map(row => row.outputs[0]), [1, 0, 2]);
  assert.ok(moveRow(table, 2, -1));
  assert.deepEqual(table.rows.map(row => row.outputs[0]), [1, 2, 0]);
  assert.ok(!moveRow(table, 0, -1));
  setHitPolicy(table, 'priority');
  assert.deepEqual(table.rows.map(row => row.priority), [3, 2, 1]);
  setHitPolicy(table, 'collect');
  assert.equal(table.aggregation, 'sum');
  assert.ok(table.rows.every(row => !('priority' in row)));
  setHitPolicy(table, 'first');
  assert.ok(!('aggregation' in table));
  assert.ok(removeRow(table, 0));
  assert.equal(table.rows.length, 2);
});

test('a problem or warning pointer names a row and cell, whether it says rows or rules', () => {
  assert.deepEqual(gridPlace('/rows/3/inputs/1'), { row: 3, side: 'inputs', cell: 1 });
  assert.deepEqual(gridPlace('/rules/2'), { row: 2, side: null, cell: null });
  assert.deepEqual(gridPlace('/rows/0/outputs/0'), { row: 0, side: 'outputs', cell: 0 });
  assert.deepEqual(gridPlace('/inputs/1/expression'), { column: 1, side: 'inputs' });
  assert.deepEqual(gridPlace('/hitPolicy'), {});
});
