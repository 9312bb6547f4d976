// The report designer's model (report/reportModel.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sourceFields, joinChoices, ensureDimension, ensureMeasure, newFilter, chartChoice, chartFor, formatValue, problemPlace, starterDataset,
  starterReport, typeClass, clickedPoint, prune, chartShape, chartWithDimension, formattedOption, comparisonOf, setComparison, addCalculated,
} from '../../main/resources/META-INF/resources/js/report/reportModel.js';

const L = en => ({ 'zh-CN': en, en });
const FORMS = [
  { key: 'order', fields: [
    { key: 'dealer', type: 'lookup', label: L('Dealer'), lookup: { form: 'dealer', displayField: 'name' } },
    { key: 'order_date', type: 'date', label: L('Date') }, { key: 'amount', type: 'money', label: L('Amount') },
    { key: 'photo', type: 'image', label: L('Photo') },
    { key: 'lines', type: 'subtable', label: L('Lines'), columns: [{ key: 'qty', type: 'integer', label: L('Qty') }] }] },
  { key: 'dealer', fields: [{ key: 'name', type: 'text', label: L('Name') }, { key: 'region', type: 'region', label: L('Region') }] },
];

test('the palette lists the form fields, the chosen sub-table columns and lookup targets, each with its kind', () => {
  const fields = sourceFields(FORMS, { form: 'order', subtable: 'lines', lookups: ['dealer'] });
  assert.deepEqual(fields.map(f => [f.path, f.kind, f.group]), [
    ['dealer', 'text', 'form'], ['order_date', 'date', 'form'], ['amount', 'number', 'form'],
    ['lines.qty', 'number', 'subtable'], ['dealer.name', 'text', 'lookup'], ['dealer.region', 'text', 'lookup']]);
  assert.deepEqual(sourceFields(FORMS, { form: 'nope' }), []);
  assert.deepEqual(joinChoices(FORMS[0]).subtables.map(f => f.key), ['lines']);
  assert.deepEqual(joinChoices(FORMS[0]).lookups.map(f => f.key), ['dealer']);
});

test('a number formula counts as a number, a text formula as text', () => {
  assert.equal(typeClass({ type: 'formula' }), 'number');
  assert.equal(typeClass({ type: 'formula', resultType: 'text' }), 'text');
});

test('dropping a field reuses the dataset dimension that groups it so, or adds one with a free key', () => {
  const dataset = starterDataset('sales', L('Sales'), 'order');
  const [dealer, date] = sourceFields(FORMS, { form: 'order' });
  assert.equal(ensureDimension(dataset, dealer), 'dealer');
  assert.equal(ensureDimension(dataset, dealer), 'dealer');
  assert.equal(ensureDimension(dataset, date), 'order_date_month');
  assert.equal(ensureDimension(dataset, date, 'year'), 'order_date_year');
  assert.deepEqual(dataset.dimensions[1], { key: 'order_date_month', field: 'order_date', label: L('Date'), bucket: 'month' });
  dataset.dimensions.push({ key: 'dealer_name', field: 'other' });
  assert.equal(ensureDimension(dataset, { path: 'dealer.name', kind: 'text', label: L('Name') }), 'dealer_name_2');
});

test('a number measure sums by default, others count; the record count needs no field', () => {
  const dataset = starterDataset('sales', L('Sales'), 'order');
  const fields = sourceFields(FORMS, { form: 'order' });
  assert.equal(ensureMeasure(dataset, null), 'record_count');
  assert.equal(ensureMeasure(dataset, fields[2]), 'amount_sum');
  assert.equal(ensureMeasure(dataset, fields[2], 'avg'), 'amount_avg');
  assert.equal(ensureMeasure(dataset, fields[0]), 'dealer_count');
  assert.deepEqual(dataset.measures[1], { key: 'amount_sum', label: L('Amount'), aggregation: 'sum', field: 'amount' });
});

test('a new filter takes the first operator of its kind; a date filter starts relative', () => {
  const [dealer, date] = sourceFields(FORMS, { form: 'order' });
  assert.deepEqual(newFilter(date), { field: 'order_date', op: 'relative', relative: 'this_year' });
  assert.deepEqual(newFilter(dealer), { field: 'dealer', op: 'eq', value: '' });
});

test('chart choices stand for chart objects and back', () => {
  assert.equal(chartChoice(chartFor('bar_stacked')), 'bar_stacked');
  assert.equal(chartChoice(chartFor('bar_horizontal')), 'bar_horizontal');
  assert.equal(chartChoice({ type: 'donut' }), 'donut');
  assert.deepEqual(chartFor('nope'), { type: 'bar' });
});

test('starters: a dataset counting records, a bar chart of it', () => {
  const dataset = starterDataset('sales', L('Sales'), 'order');
  assert.deepEqual(starterReport('ranking', L('Ranking'), dataset).measures, ['record_count']);
});

test('numbers read with the report format: decimals, thousands, percent, unit', () => {
  assert.equal(formatValue(1234567.891, { decimals: 1, thousands: true }), '1,234,567.9');
  assert.equal(formatValue(1234, { decimals: 0, thousands: false, unit: L('yuan') }), '1234 yuan');
  assert.equal(formatValue(0.256, { decimals: 1, percent: true }), '25.6%');
  assert.equal(formatValue(null), '');
  assert.equal(formatValue('n/a'), 'n/a');
});

test('a problem pointer names the shelf chip, filter or panel it belongs to', () => {
  const dataset = { dimensions: [{ key: 'dealer' }], measures: [{ key: 'a' }, { key: 'amount_sum' }] };
  const report = { dimensions: ['dealer'], measures: ['amount_sum'] };
  assert.deepEqual(problemPlace('dataset', '/measures/1/aggregation', dataset, report), { zone: 'measures', key: 'amount_sum' });
  assert.deepEqual(problemPlace('dataset', '/filters/0/value', dataset, report), { zone: 'filters', index: 0 });
  assert.deepEqual(problemPlace('dataset', '/source/subtable', dataset, report), { zone: 'source' });
  assert.deepEqual(problemPlace('report', '/dimensions/0', dataset, report), { zone: 'dimensions', key: 'dealer' });
  assert.deepEqual(problemPlace('report', '/chart/type', dataset, report), { zone: 'chart' });
  assert.deepEqual(problemPlace('report', '', dataset, report), { zone: 'other' });
});

const RESULT = {
  columns: [{ key: 'month', role: 'dimension' }, { key: 'dealer', role: 'dimension' }, { key: 'amount', role: 'measure' }],
  rows: [['2026-01', 'North', 10], ['2026-01', 'South', 5], ['2026-02', 'North', 7]],
};

test('a clicked element names its dimension values: the server point first, else category and series', () => {
  assert.deepEqual(clickedPoint({ data: { value: 3, point: { dealer: 7 } } }, RESULT), { dealer: 7 });
  assert.deepEqual(clickedPoint({ name: '2026-02', seriesName: 'South', dataIndex: 0 }, RESULT), { month: '2026-02', dealer: 'South' });
  assert.deepEqual(clickedPoint({ name: 'shown name', dataIndex: 1, data: 5 }, RESULT), { month: '2026-02' });
  assert.deepEqual(clickedPoint({ name: 'x' }, { columns: [{ key: 'n', role: 'measure' }], rows: [[1]] }), {});
});

test('a dataset made for the report loses what the report no longer picks; a shared one keeps everything', () => {
  const own = { key: 'ranking', dimensions: [{ key: 'dealer' }, { key: 'month' }],
    measures: [{ key: 'amount_sum' }, { key: 'qty_sum' }, { key: 'avg_price', expression: 'amount_sum / qty_sum' },
      { key: 'unpicked', expression: 'old / 2' }, { key: 'old' }] };
  prune(own, { key: 'ranking', dimensions: ['dealer'], measures: ['amount_sum', 'avg_price'] });
  assert.deepEqual(own.dimensions.map(d => d.key), ['dealer']);
  assert.deepEqual(own.measures.map(m => m.key), ['amount_sum', 'qty_sum', 'avg_price']);
  const shared = { key: 'sales', dimensions: [{ key: 'dealer' }], measures: [{ key: 'a' }] };
  prune(shared, { key: 'ranking', dimensions: [], measures: ['b'] });
  assert.deepEqual(shared.dimensions.map(d => d.key), ['dealer']);
});

test('chart types know how many dimensions and measures they show, and a first dimension turns a KPI into bars', () => {
  assert.deepEqual(chartShape('bar', 0, 1), { fits: false, dimensions: '1–2', measures: '1–10' });
  assert.equal(chartShape('kpi', 0, 1).fits, true);
  assert.equal(chartShape('scatter', 1, 1).fits, false);
  assert.deepEqual(chartWithDimension({ type: 'kpi' }), { type: 'bar' });
  assert.deepEqual(chartWithDimension({ type: 'line', smooth: true }), { type: 'line', smooth: true });
  assert.equal(starterReport('r', L('R'), starterDataset('d', L('D'), 'order')).chart.type, 'kpi');
});

test('an ECharts option reads its numbers in the report format: tooltip, value axes, pie labels', () => {
  const format = value => `${value}!`;
  const option = formattedOption({
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [1] }, { type: 'pie', data: [{ name: 'a', value: 2 }] }],
  }, format);
  assert.equal(option.tooltip.trigger, 'axis');
  assert.equal(option.tooltip.valueFormatter(3), '3!');
  assert.equal(option.xAxis[0].axisLabel, undefined);
  assert.equal(option.yAxis[0].axisLabel.formatter(4), '4!');
  assert.equal(option.series[1].label.formatter({ name: 'a', value: 2 }), 'a: 2!');
  assert.equal(option.series[0].label, undefined);
});

test('a second value axis keeps its plain labels from the server, and its series reads plainly in the tooltip', () => {
  const format = value => `${value} CNY`;
  const option = formattedOption({
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: ['2026-01'] },
    yAxis: [{ type: 'value' }, { type: 'value', name: 'Orders', axisLabel: { formatter: '{value}' } }],
    series: [{ type: 'line', data: [1200000] }, { type: 'line', yAxisIndex: 1, data: [1200] }],
  }, format);
  assert.equal(option.yAxis[0].axisLabel.formatter(4), '4 CNY');
  assert.equal(option.yAxis[1].axisLabel.formatter, '{value}');
  assert.equal(option.tooltip.valueFormatter(5), '5 CNY');
  assert.equal(option.series[0].tooltip, undefined);
  assert.equal(option.series[1].tooltip.valueFormatter(1200), (1200).toLocaleString());
});

test('a crowded category x axis turns its labels so that none is dropped; a roomy one and a y axis do not', () => {
  const option = { xAxis: { type: 'category', data: ['North Motors', 'South Auto', 'East Cars'] }, yAxis: { type: 'value' } };
  assert.deepEqual(formattedOption(option, String, 240).xAxis[0].axisLabel, { interval: 0, rotate: 35 });
  assert.equal(formattedOption(option, String, 900).xAxis[0].axisLabel, undefined);
  const horizontal = { yAxis: { type: 'category', data: ['a', 'b', 'c'] }, xAxis: { type: 'value' } };
  assert.equal(formattedOption(horizontal, String, 100).yAxis[0].axisLabel, undefined);
});

test('a report without a format leaves ECharts its own number labels', () => {
  const option = formattedOption({ tooltip: {}, yAxis: { type: 'value' }, series: [{ type: 'pie', data: [] }] }, null);
  assert.equal(option.tooltip.valueFormatter, undefined);
  assert.equal(option.yAxis[0].axisLabel, undefined);
  assert.equal(option.series[0].label, undefined);
});

test('comparing a measure with the previous period adds its twin with compare, which pruning keeps while it is picked', () => {
  const dataset = { key: 'kpi', measures: [{ key: 'amount_sum', label: L('Amount'), aggregation: 'sum', field: 'amount' }], dimensions: [] };
  setComparison(dataset, 'amount_sum', true);
  assert.deepEqual(dataset.measures[1], { key: 'amount_sum_previous', label: { 'zh-CN': 'Amount（上期）', en: 'Amount (previous period)' },
    aggregation: 'sum', field: 'amount', compare: 'previous_period' });
  assert.equal(comparisonOf(dataset, 'amount_sum').key, 'amount_sum_previous');
  setComparison(dataset, 'amount_sum', true);
  assert.equal(dataset.measures.length, 2);
  prune(dataset, { key: 'kpi', measures: ['amount_sum'] });
  assert.equal(dataset.measures.length, 2);
  setComparison(dataset, 'amount_sum', false);
  assert.deepEqual(dataset.measures.map(m => m.key), ['amount_sum']);
  assert.equal(comparisonOf(dataset, 'nope'), undefined);
});

test('a calculated measure joins the dataset and the report, refused without a free key, names or formula', () => {
  const dataset = starterDataset('d', L('D'), 'order');
  const report = starterReport('r', L('R'), dataset);
  const ratio = { key: 'avg_order', label: L('Average order'), expression: ' amount_sum / record_count ' };
  assert.equal(addCalculated(dataset, report, { ...ratio, key: 'Bad key' }), 'design.key.pattern');
  assert.equal(addCalculated(dataset, report, { ...ratio, key: 'record_count' }), 'report.keyTaken');
  assert.equal(addCalculated(dataset, report, { ...ratio, expression: ' ' }), 'report.calculatedIncomplete');
  assert.equal(addCalculated(dataset, report, ratio), null);
  assert.deepEqual(dataset.measures[1], { key: 'avg_order', label: L('Average order'), expression: 'amount_sum / record_count' });
  assert.deepEqual(report.measures, ['record_count', 'avg_order']);
});
