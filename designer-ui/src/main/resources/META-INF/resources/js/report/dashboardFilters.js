// A dashboard's shared filter values between the filter bar, the address and the server, free of Vue and the DOM
// (tested under Node). In the address they read `?period=2026-01-01..2026-03-31&dealer=7`, so that a dashboard
// opened from a link shows what the sender saw; the widget data API takes them as `param.<key>`; drill-down and
// export take dataset filters `field:op:value` for the widgets the filter applies to.

/** Filter values from the query part of the address; only keys the dashboard has a filter for count. */
export function valuesFromQuery(query, filters) {
  const params = new URLSearchParams(query || '');
  const values = {};
  for (const filter of filters || []) {
    const value = params.get(filter.key);
    if (value) values[filter.key] = value;
  }
  return values;
}

/** The query part of the address for these values, blank ones left out, in the dashboard's filter order. */
export function queryFromValues(values, filters) {
  const params = new URLSearchParams();
  for (const filter of filters || []) {
    const value = values[filter.key];
    if (value !== undefined && value !== null && value !== '') params.set(filter.key, value);
  }
  return params.toString();
}

/** A date range's two ends from its value `from..to` (either end may be open). */
export function splitRange(value) {
  const [from = '', to = ''] = (value || '').split('..');
  return { from, to };
}

export function joinRange(from, to) {
  return from || to ? `${from || ''}..${to || ''}` : '';
}

/** The filters of the dashboard that apply to `widget`: those it lists, as the server applies them. */
function filtersFor(dashboard, widget) {
  const listed = widget?.filters || [];
  return (dashboard.filters || []).filter(filter => listed.includes(filter.key));
}

/** The widget data API's parameters for these values: `param.<key>=value` for the filters the widget takes. */
export function widgetParams(dashboard, widget, values) {
  const params = new URLSearchParams();
  for (const filter of filtersFor(dashboard, widget)) {
    if (values[filter.key]) params.set(`param.${filter.key}`, values[filter.key]);
  }
  return params.toString();
}

/**
 * The values as dataset filters (`field:op:value`) for the widget's report: a date range becomes its two ends
 * (`gte`, `lte`), anything else an equality. Filters without a field say nothing about the rows and are left out.
 */
export function datasetFilters(dashboard, widget, values) {
  return filtersFor(dashboard, widget).filter(filter => filter.field && values[filter.key]).flatMap(filter => {
    if (filter.type !== 'date_range') return [`${filter.field}:eq:${values[filter.key]}`];
    const { from, to } = splitRange(values[filter.key]);
    return [...(from ? [`${filter.field}:gte:${from}`] : []), ...(to ? [`${filter.field}:lte:${to}`] : [])];
  });
}

/**
 * Records-list filters from an address query (`filter=field:op:value`, repeatable): the value is everything after
 * the second colon, so it may hold colons itself (a time). Malformed entries are left out.
 */
export function recordFiltersFromQuery(query) {
  return new URLSearchParams(query || '').getAll('filter').flatMap(text => {
    const first = text.indexOf(':');
    const second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (first < 1 || second < 0) return [];
    return [{ field: text.slice(0, first), op: text.slice(first + 1, second), value: text.slice(second + 1) }];
  });
}

/** The address of a form's record list showing only records that pass `filters` (`field:op:value` each). */
export function recordListPath(app, form, filters) {
  const params = new URLSearchParams();
  (filters || []).forEach(filter => params.append('filter', filter));
  const query = params.toString();
  return `/apps/${encodeURIComponent(app)}/form/${encodeURIComponent(form)}${query ? `?${query}` : ''}`;
}
