// The period run dialog's model (designer/periodRun.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blankRun, dateFields, numberFields, groupFields, runBody, problemInput, problemsByInput, runPercent,
} from '../../main/resources/META-INF/resources/js/designer/periodRun.js';

const ORDER = { key: 'order', fields: [
  { key: 'dealer', type: 'text' }, { key: 'order_date', type: 'date' }, { key: 'total', type: 'money' },
  { key: 'doubled', type: 'formula', formula: 'total * 2' }, { key: 'lines', type: 'subtable', columns: [] }] };

const quarter = () => ({
  ...blankRun(), period: ' 2026-Q1 ', from: '2026-01-01', to: '2026-03-31', dateField: 'order_date', groupBy: 'dealer',
  filters: ['', ' status:eq:approved ', 'total:gt:0'],
  sums: [{ name: 'quarter_sales', field: 'total' }, { name: '', field: '' }], resultForm: 'rebate',
  values: [{ field: 'dealer', formula: 'dealer' }, { field: 'amount', formula: ' quarter_sales * rate ' }, { field: 'rate', formula: '' }],
});

test('the request carries the filled rows as maps and leaves blank rows out', () => {
  assert.deepEqual(runBody(quarter()), {
    period: '2026-Q1', from: '2026-01-01', to: '2026-03-31', dateField: 'order_date', groupBy: 'dealer',
    filters: ['status:eq:approved', 'total:gt:0'], sums: { quarter_sales: 'total' }, resultForm: 'rebate', values: { dealer: 'dealer', amount: 'quarter_sales * rate' },
  });
});

test('a blank dialog asks for nothing the server would read as given, and no group-by runs each record alone', () => {
  assert.deepEqual(runBody(blankRun()), {
    period: '', from: null, to: null, dateField: null, groupBy: null, filters: [], sums: {}, resultForm: null, values: {},
  });
});

test('date, number and group-by choices come from the form fields of the right kinds', () => {
  assert.deepEqual(dateFields(ORDER).map(f => f.key), ['order_date']);
  assert.deepEqual(numberFields(ORDER).map(f => f.key), ['total', 'doubled']);
  assert.deepEqual(groupFields(ORDER).map(f => f.key), ['dealer', 'order_date', 'total', 'doubled']);
  assert.deepEqual(dateFields(null), []);
});

test('problem pointers land on the inputs they are about', () => {
  const state = quarter();
  assert.equal(problemInput('/period', state), 'period');
  assert.equal(problemInput('/from', state), 'from');
  assert.equal(problemInput('/dateField', state), 'dateField');
  assert.equal(problemInput('/values', state), 'resultForm');
  assert.equal(problemInput('/values/amount', state), 'values.1');
  assert.equal(problemInput('/values/gone', state), null);
  assert.equal(problemInput('/sums/x/y', state), null);
  // The server numbers only the filters sent: its second is the dialog's third row, the first being blank.
  assert.equal(problemInput('/filters/0', state), 'filters.1');
  assert.equal(problemInput('/filters/1', state), 'filters.2');
  assert.equal(problemInput('/filters/2', state), null);
});

test('problems are grouped by input, the unplaced ones under other', () => {
  const placed = problemsByInput([
    { pointer: '/period', message: 'Name the period' }, { pointer: '/values/amount', message: 'Unexpected end' },
    { pointer: '', message: 'Something else' }], quarter());
  assert.deepEqual(placed, { period: ['Name the period'], 'values.1': ['Unexpected end'], other: ['Something else'] });
});

test('progress is done over total, and a run with nothing to do ends full', () => {
  assert.equal(runPercent(null), 0);
  assert.equal(runPercent({ status: 'running', total: 0, done: 0 }), 0);
  assert.equal(runPercent({ status: 'running', total: 3, done: 1 }), 33);
  assert.equal(runPercent({ status: 'done', total: 0, done: 0 }), 100);
  assert.equal(runPercent({ status: 'done', total: 3, done: 3 }), 100);
});
