// Dashboard filter values between address, server and records list (report/dashboardFilters.js) under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  valuesFromQuery, queryFromValues, splitRange, joinRange, widgetParams, datasetFilters, recordFiltersFromQuery, recordListPath,
} from '../../main/resources/META-INF/resources/js/report/dashboardFilters.js';

const DASHBOARD = {
  filters: [{ key: 'period', type: 'date_range', field: 'order_date' }, { key: 'dealer', type: 'dealer', field: 'dealer' },
    { key: 'note', type: 'select' }, { key: 'month', type: 'date_range', field: 'order_date', default: 'this_month' }],
  widgets: [{ key: 'ranking', filters: ['period'] }, { key: 'all', filters: ['period', 'dealer', 'note'] }, { key: 'none' },
    { key: 'monthly', filters: ['month'] }],
};

test('filter values go into the address and come back the same, unknown and blank keys left out', () => {
  const query = queryFromValues({ period: '2026-01-01..2026-03-31', dealer: '', other: 'x', month: 'this_month' }, DASHBOARD.filters);
  assert.equal(query, 'period=2026-01-01..2026-03-31&month=this_month');
  assert.deepEqual(valuesFromQuery(`${query}&other=1`, DASHBOARD.filters), { period: '2026-01-01..2026-03-31', month: 'this_month' });
});

test('a filter the address leaves out takes its default; a blank one in the address clears it, and stays blank', () => {
  assert.deepEqual(valuesFromQuery('', DASHBOARD.filters), { month: 'this_month' });
  assert.deepEqual(valuesFromQuery('month=', DASHBOARD.filters), { month: '' });
  assert.equal(queryFromValues({ month: '' }, DASHBOARD.filters), 'month=');
  assert.equal(widgetParams(DASHBOARD, DASHBOARD.widgets[3], { month: '' }), 'param.month=');
  assert.equal(widgetParams(DASHBOARD, DASHBOARD.widgets[3], { month: 'this_year' }), 'param.month=this_year');
});

test('a relative period has no ends and filters the dataset relatively', () => {
  assert.deepEqual(splitRange('this_quarter'), { from: '', to: '' });
  assert.deepEqual(datasetFilters(DASHBOARD, DASHBOARD.widgets[3], { month: 'this_quarter' }), ['order_date:relative:this_quarter']);
});

test('a date range splits into its ends and joins back, an open end allowed', () => {
  assert.deepEqual(splitRange('2026-01-01..'), { from: '2026-01-01', to: '' });
  assert.deepEqual(splitRange(undefined), { from: '', to: '' });
  assert.equal(joinRange('', '2026-03-31'), '..2026-03-31');
  assert.equal(joinRange('', ''), '');
});

test('a widget gets as parameters only the filters it lists, as the server applies them', () => {
  const values = { period: '2026-01-01..2026-03-31', dealer: '7' };
  assert.equal(widgetParams(DASHBOARD, DASHBOARD.widgets[0], values), 'param.period=2026-01-01..2026-03-31');
  assert.equal(widgetParams(DASHBOARD, DASHBOARD.widgets[1], values), 'param.period=2026-01-01..2026-03-31&param.dealer=7');
  assert.equal(widgetParams(DASHBOARD, DASHBOARD.widgets[2], values), '');
  assert.deepEqual(datasetFilters(DASHBOARD, DASHBOARD.widgets[2], values), []);
});

test('values become dataset filters: a range its two ends, others equality, fieldless filters nothing', () => {
  const values = { period: '2026-01-01..2026-03-31', dealer: '7', note: 'x' };
  assert.deepEqual(datasetFilters(DASHBOARD, DASHBOARD.widgets[1], values),
    ['order_date:gte:2026-01-01', 'order_date:lte:2026-03-31', 'dealer:eq:7']);
  assert.deepEqual(datasetFilters(DASHBOARD, DASHBOARD.widgets[1], { period: '..2026-03-31' }), ['order_date:lte:2026-03-31']);
});

test('records-list filters come from the address, values keeping their colons, malformed ones dropped', () => {
  assert.deepEqual(recordFiltersFromQuery('filter=dealer%3Aeq%3A7&filter=at%3Age%3A08%3A30&filter=bad&filter=%3Aeq%3Ax'), [
    { field: 'dealer', op: 'eq', value: '7' }, { field: 'at', op: 'ge', value: '08:30' }]);
});

test('the records-list address carries each filter once, encoded', () => {
  assert.equal(recordListPath('sales', 'order', ['dealer:eq:7', 'order_date:ge:2026-01-01']),
    '/apps/sales/form/order?filter=dealer%3Aeq%3A7&filter=order_date%3Age%3A2026-01-01');
  assert.equal(recordListPath('sales', 'order', []), '/apps/sales/form/order');
});
