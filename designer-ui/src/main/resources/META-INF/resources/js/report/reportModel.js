// The report designer's model, free of Vue and the DOM (tested under Node): which fields of a dataset's source a
// report can use and how (number, date or text), the dataset dimension or measure a dropped field becomes, the chart
// types the picker offers, how a number reads under a report's format, and where a server problem's JSON Pointer
// belongs on screen.

export const NUMBER_TYPES = new Set(['integer', 'decimal', 'money', 'percent']);
const DATE_TYPES = new Set(['date', 'datetime']);
/** Field types a dataset cannot group or aggregate: files, rich text, whole sub-tables, layout. */
const UNUSABLE = new Set(['attachment', 'image', 'richtext', 'subtable', 'multiselect', 'checkbox']);

export const AGGREGATIONS = {
  number: ['sum', 'avg', 'min', 'max', 'count', 'distinct_count'],
  date: ['min', 'max', 'count', 'distinct_count'],
  text: ['count', 'distinct_count'],
};
export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year', 'month_of_year'];
export const FILTER_OPS = {
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'not_empty'],
  date: ['relative', 'between', 'gte', 'lte', 'eq', 'empty', 'not_empty'],
  text: ['eq', 'ne', 'in', 'not_in', 'contains', 'empty', 'not_empty'],
};
export const RELATIVE_DATES = ['today', 'this_week', 'this_month', 'this_quarter', 'this_year', 'last_n_days', 'previous_period'];

/** The chart picker's choices, each the `chart` object it stands for. */
export const CHART_CHOICES = [
  { id: 'bar', chart: { type: 'bar' } },
  { id: 'bar_stacked', chart: { type: 'bar', stacked: true } },
  { id: 'bar_horizontal', chart: { type: 'bar', horizontal: true } },
  { id: 'line', chart: { type: 'line' } },
  { id: 'area', chart: { type: 'area' } },
  { id: 'pie', chart: { type: 'pie' } },
  { id: 'donut', chart: { type: 'donut' } },
  { id: 'funnel', chart: { type: 'funnel' } },
  { id: 'ranking', chart: { type: 'ranking', showRankChange: true } },
  { id: 'kpi', chart: { type: 'kpi' } },
  { id: 'pivot', chart: { type: 'pivot', subtotals: true } },
  { id: 'scatter', chart: { type: 'scatter' } },
  { id: 'gauge', chart: { type: 'gauge', min: 0, max: 100 } },
];

/** How many dimensions and measures each chart type shows, as the server checks them: [min, max] each. */
const SHAPES = {
  bar: [1, 2, 1, 10], line: [1, 2, 1, 10], area: [1, 2, 1, 10], pie: [1, 1, 1, 1], donut: [1, 1, 1, 1], funnel: [1, 1, 1, 1],
  ranking: [1, 1, 1, 10], kpi: [0, 0, 1, 1], pivot: [1, 3, 1, 10], scatter: [1, 1, 2, 2], gauge: [0, 0, 1, 1],
};

/** Whether a chart type shows this many dimensions and measures; if not, `{dimensions, measures}` ranges to say so. */
export function chartShape(type, dimensions, measures) {
  const [dMin, dMax, mMin, mMax] = SHAPES[type] || SHAPES.bar;
  const range = (min, max) => (min === max ? `${min}` : `${min}–${max}`);
  const fits = dimensions >= dMin && dimensions <= dMax && measures >= mMin && measures <= mMax;
  return { fits, dimensions: range(dMin, dMax), measures: range(mMin, mMax) };
}

/**
 * The chart a first dimension dropped onto a dimensionless report turns it into: a KPI card or gauge (which show
 * none) becomes a bar chart; any other chart stays.
 */
export function chartWithDimension(chart) {
  return ['kpi', 'gauge'].includes(chart?.type) ? { type: 'bar' } : chart;
}

/** The picker choice a report's chart is: stacked and horizontal bars are choices of their own. */
export function chartChoice(chart) {
  if (!chart) return 'bar';
  if (chart.type === 'bar' && chart.stacked) return 'bar_stacked';
  if (chart.type === 'bar' && chart.horizontal) return 'bar_horizontal';
  return chart.type;
}

export function chartFor(choice) {
  const found = CHART_CHOICES.find(candidate => candidate.id === choice) || CHART_CHOICES[0];
  return { ...found.chart };
}

/** How a field of this type is used: `number` (summed), `date` (bucketed) or `text` (grouped, counted). */
export function typeClass(field) {
  if (NUMBER_TYPES.has(field.type) || (field.type === 'formula' && (field.resultType || 'number') === 'number')) return 'number';
  if (DATE_TYPES.has(field.type)) return 'date';
  return 'text';
}

const usable = field => !UNUSABLE.has(field.type) && !field.layoutOnly;

/**
 * Every field a dataset over `source` can use, in palette order: the form's own fields, then the chosen sub-table's
 * columns (`lines.amount`), then the fields of each chosen lookup's target form (`dealer.region`). Each entry:
 * `{path, label, type, kind: 'number'|'date'|'text', group: 'form'|'subtable'|'lookup', via}`.
 */
export function sourceFields(forms, source) {
  const form = forms.find(candidate => candidate.key === source?.form);
  if (!form) return [];
  const entry = (field, path, group, via) => ({ path, label: field.label, type: field.type, kind: typeClass(field), group, via });
  const own = form.fields.filter(usable).map(field => entry(field, field.key, 'form', null));
  const sub = form.fields.find(field => field.type === 'subtable' && field.key === source.subtable);
  const columns = sub ? (sub.columns || []).filter(usable).map(column => entry(column, `${sub.key}.${column.key}`, 'subtable', sub.key)) : [];
  const joined = (source.lookups || []).flatMap(key => {
    const lookup = form.fields.find(field => field.key === key && field.type === 'lookup');
    const target = lookup && forms.find(candidate => candidate.key === lookup.lookup?.form);
    return target ? target.fields.filter(usable).map(field => entry(field, `${key}.${field.key}`, 'lookup', key)) : [];
  });
  return [...own, ...columns, ...joined];
}

/** The sub-tables and lookups of a form, for the dataset's source choices. */
export function joinChoices(form) {
  const fields = form?.fields || [];
  return {
    subtables: fields.filter(field => field.type === 'subtable'),
    lookups: fields.filter(field => field.type === 'lookup'),
  };
}

const KEY_MAX = 48;
function freeKey(taken, base) {
  const stem = base.replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '').slice(0, KEY_MAX - 4) || 'k';
  let key = stem;
  for (let n = 2; taken.has(key); n++) key = `${stem}_${n}`;
  return key;
}

const keysOf = dataset => new Set([...(dataset.dimensions || []), ...(dataset.measures || [])].map(item => item.key));

/**
 * The key of the dataset dimension that groups by `field` (dates by `bucket`, a month unless said otherwise):
 * an existing one when the dataset has it, else a new one added to the dataset.
 */
export function ensureDimension(dataset, field, bucket) {
  const wanted = field.kind === 'date' ? bucket || 'month' : undefined;
  dataset.dimensions = dataset.dimensions || [];
  const existing = dataset.dimensions.find(d => d.field === field.path && d.bucket === wanted && !d.hierarchy);
  if (existing) return existing.key;
  const key = freeKey(keysOf(dataset), wanted ? `${field.path}_${wanted}` : field.path);
  dataset.dimensions.push({ key, field: field.path, label: { ...field.label }, ...(wanted ? { bucket: wanted } : {}) });
  return key;
}

/**
 * The key of the dataset measure that aggregates `field` (`null`: the record count) by `aggregation` (else the
 * default way for its kind); a new one is labelled `label`, else like the field.
 */
export function ensureMeasure(dataset, field, aggregation, label) {
  const how = aggregation || (field ? (field.kind === 'number' ? 'sum' : 'count') : 'count');
  dataset.measures = dataset.measures || [];
  const path = field?.path;
  const existing = dataset.measures.find(m => m.aggregation === how && m.field === path);
  if (existing) return existing.key;
  const key = freeKey(keysOf(dataset), path ? `${path}_${how}` : 'record_count');
  const named = label || (field ? field.label : { 'zh-CN': '记录数', en: 'Records' });
  dataset.measures.push({ key, label: { ...named }, aggregation: how, ...(path ? { field: path } : {}) });
  return key;
}

/**
 * Drops the dimensions and measures of a dataset made for this report alone (same key) that the report no longer
 * picks, keeping what the picked calculated measures or the sort name and the previous-period twins of picked
 * measures: a dataset shared with other reports is left as it is.
 */
export function prune(dataset, report) {
  if (dataset.key !== report.key) return;
  const kept = new Set([...(report.dimensions || []), ...(report.measures || []), ...(dataset.sort || []).map(s => s.key)]);
  const formulas = (dataset.measures || []).filter(m => m.expression && kept.has(m.key)).map(m => m.expression).join(' ');
  const compared = (dataset.measures || []).filter(m => kept.has(m.key) && !m.compare);
  const comparesKept = item => item.compare && compared.some(m => sameAggregate(m, item));
  const keep = item => kept.has(item.key) || comparesKept(item) || new RegExp(`\\b${item.key}\\b`).test(formulas);
  dataset.dimensions = (dataset.dimensions || []).filter(keep);
  const measures = (dataset.measures || []).filter(keep);
  if (measures.length) dataset.measures = measures;
}

const sameAggregate = (a, b) => a.aggregation === b.aggregation && (a.field || '') === (b.field || '');

/** The dataset measure holding `key`'s value in the previous period, as the server pairs them, or undefined. */
export function comparisonOf(dataset, key) {
  const measure = (dataset.measures || []).find(m => m.key === key);
  return measure && !measure.expression && !measure.compare
    ? (dataset.measures || []).find(m => m.compare === 'previous_period' && sameAggregate(m, measure)) : undefined;
}

/**
 * Compares measure `key` with the previous period (a KPI card's change, a ranking's rank change) or stops: the
 * dataset gains or loses the measure of the same aggregation with `compare: previous_period`.
 */
export function setComparison(dataset, key, on) {
  const existing = comparisonOf(dataset, key);
  if (!on) {
    if (existing) dataset.measures = dataset.measures.filter(m => m !== existing);
    return;
  }
  const measure = dataset.measures.find(m => m.key === key);
  if (existing || !measure || measure.expression) return;
  const { label } = measure;
  dataset.measures.push({ ...measure, key: freeKey(keysOf(dataset), `${key}_previous`), compare: 'previous_period',
    label: { 'zh-CN': `${label['zh-CN']}（上期）`, en: `${label.en} (previous period)` } });
}

const KEY = /^[a-z][a-z0-9_]{0,47}$/;

/**
 * Adds a calculated measure (a formula over the dataset's other measures, e.g. a ratio `amount_sum / record_count`)
 * to the dataset and picks it in the report. Answers the message key of what is wrong with it, else null.
 */
export function addCalculated(dataset, report, { key, label, expression }) {
  if (!KEY.test(key || '')) return 'design.key.pattern';
  if (keysOf(dataset).has(key)) return 'report.keyTaken';
  if (!label?.['zh-CN']?.trim() || !label?.en?.trim() || !expression?.trim()) return 'report.calculatedIncomplete';
  dataset.measures.push({ key, label: { 'zh-CN': label['zh-CN'].trim(), en: label.en.trim() }, expression: expression.trim() });
  report.measures.push(key);
  return null;
}

/** A new dataset filter on `field` with the operator that suits its kind first. */
export function newFilter(field) {
  const op = FILTER_OPS[field.kind][0];
  return op === 'relative' ? { field: field.path, op, relative: 'this_year' } : { field: field.path, op, value: '' };
}

/** A dataset to start from: `form` as source and the record count as its one measure. */
export function starterDataset(key, name, form) {
  return { key, name, source: { form }, dimensions: [], measures: [{ key: 'record_count', label: { 'zh-CN': '记录数', en: 'Records' }, aggregation: 'count' }] };
}

/**
 * A report to start from over `dataset`: a KPI card of its first measure, the one chart the schema accepts without a
 * dimension (the designer's first drop usually makes it a bar chart).
 */
export function starterReport(key, name, dataset) {
  return { key, name, dataset: dataset.key, dimensions: [], measures: [dataset.measures[0].key], chart: { type: 'kpi' },
    format: { decimals: 0, thousands: true } };
}

/** A number as the report's format asks: decimals, thousands separators, percent and unit. */
export function formatValue(value, format = {}, locale = 'en') {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const decimals = format.decimals ?? 2;
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: !!format.thousands,
  }).format(format.percent ? number * 100 : number);
  const unit = typeof format.unit === 'string' ? format.unit : format.unit?.[locale] || format.unit?.en || '';
  return `${text}${format.percent ? '%' : ''}${unit ? ` ${unit}` : ''}`;
}

const plainNumber = value => (value === null || value === undefined || value === '' ? '' : Number(value).toLocaleString());

/** Below this many pixels per category, category labels are turned, so that none is left out on a narrow screen. */
const LABEL_ROOM_PX = 100;
/** About what the value axis and the margins take from a chart's width. */
const AXIS_PX = 80;

/**
 * The server's ECharts option with its numbers read in the report's format: tooltips, value axes and pie/funnel
 * labels (the server leaves series values raw, so that ECharts can scale them). `format(value)` formats one number;
 * null (a report without a format) leaves ECharts' own. `width` is the chart's width in pixels, to turn the category
 * labels of a crowded horizontal axis.
 */
export function formattedOption(option, format, width = Infinity) {
  const crowded = axis => (axis.data || []).length > 1 && (width - AXIS_PX) / axis.data.length < LABEL_ROOM_PX;
  // Only an x axis turns its labels: a category y axis (horizontal bars) has a line for each.
  const axes = (axis, turn) => (Array.isArray(axis) ? axis : [axis]).map(one => {
    // A formatter the server gave an axis stays: a second axis's measure is not in the report's unit.
    if (one.type === 'value') return format ? { ...one, axisLabel: { formatter: format, ...(one.axisLabel || {}) } } : one;
    return turn && one.type === 'category' && crowded(one) ? { ...one, axisLabel: { interval: 0, rotate: 35, ...(one.axisLabel || {}) } } : one;
  });
  const series = (option.series || []).map(one => {
    if (format && ['pie', 'funnel'].includes(one.type)) {
      return { ...one, label: { formatter: params => `${params.name}: ${format(params.value)}`, ...(one.label || {}) } };
    }
    // A series on the second axis reads as plain numbers in the tooltip too.
    return format && one.yAxisIndex ? { ...one, tooltip: { valueFormatter: plainNumber, ...(one.tooltip || {}) } } : one;
  });
  return {
    ...option,
    tooltip: { ...(option.tooltip || {}), ...(format ? { valueFormatter: format } : {}) },
    ...(option.xAxis ? { xAxis: axes(option.xAxis, true) } : {}),
    ...(option.yAxis ? { yAxis: axes(option.yAxis, false) } : {}),
    // Room on the right for the last category label of a line, which sits on the chart's edge.
    ...(option.grid ? { grid: { ...option.grid, right: Math.max(option.grid.right || 0, 32) } } : {}),
    series,
  };
}

/**
 * Where a problem the server found belongs. `which` is the definition it was found in ('dataset' or 'report').
 * Answers `{zone, key?, index?}`: zone `dimensions` / `measures` (with the report's key for the shelf chip),
 * `filters` (with the index), `source`, `chart`, `format`, `name` or `dataset` (the report's dataset choice), else `other`.
 */
export function problemPlace(which, pointer, dataset, report) {
  const parts = (pointer || '').split('/').slice(1).map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [head, index] = parts;
  if (which === 'dataset') {
    if ((head === 'dimensions' || head === 'measures') && index !== undefined) {
      return { zone: head, key: dataset?.[head]?.[Number(index)]?.key };
    }
    if (head === 'filters') return { zone: 'filters', index: index === undefined ? undefined : Number(index) };
    if (head === 'source') return { zone: 'source' };
    if (head === 'name') return { zone: 'name' };
    return { zone: 'other' };
  }
  if ((head === 'dimensions' || head === 'measures') && index !== undefined) {
    return { zone: head, key: report?.[head]?.[Number(index)] };
  }
  if (head === 'dimensions' || head === 'measures') return { zone: head };
  if (['chart', 'format', 'name', 'dataset'].includes(head)) return { zone: head };
  if (head === 'drillThrough') return { zone: 'chart' };
  return { zone: 'other' };
}

/** The distinct values of a column of `rows`, in the order the rows give them. */
function distinct(rows, index) {
  return [...new Set(rows.map(row => row[index]))];
}

/**
 * The dimension values behind a clicked chart element (ECharts' click `params`), as the drill endpoint takes them:
 * the series item's own `point` when the server gave one, else the first dimension's value named by the category
 * (or at the data index) and the second dimension's named by the series.
 */
export function clickedPoint(params, data) {
  if (params.data && typeof params.data === 'object' && params.data.point) return params.data.point;
  const dims = (data.columns || []).map((column, index) => ({ ...column, index })).filter(column => column.role === 'dimension');
  if (!dims.length) return {};
  const first = distinct(data.rows || [], dims[0].index);
  const named = first.find(value => String(value) === String(params.name));
  const point = { [dims[0].key]: named !== undefined ? named : first[params.dataIndex] };
  if (dims.length > 1) {
    const second = distinct(data.rows || [], dims[1].index).find(value => String(value) === String(params.seriesName));
    if (second !== undefined) point[dims[1].key] = second;
  }
  return point;
}
