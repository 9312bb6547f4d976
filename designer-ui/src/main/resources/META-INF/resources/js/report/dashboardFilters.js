// A dashboard's shared filter values between the filter bar, the address and the server, free of Vue and the DOM
// (tested under Node). In the address they read `?period=2026-01-01..2026-03-31&dealer=7`, so that a dashboard
// opened from a link shows what the sender saw; the widget data API takes them as `param.<key>`; drill-down and
// export take dataset filters `field:op:value` for the widgets the filter applies to.

/** The relative periods a date range may be instead of two dates (`period=this_quarter`). */
export const DATE_PRESETS = ['today', 'this_week', 'this_month', 'this_quarter', 'this_year'];

const hasDefault = filter => filter.default !== undefined && filter.default !== null && filter.default !== '';

/**
 * Filter values from the query part of the address; only keys the dashboard has a filter for count. A filter the
 * address leaves out takes its default; one it gives blank (`dealer=`) stays blank, the default cleared.
 */
export function valuesFromQuery(query, filters) {
  const params = new URLSearchParams(query || '');
  const values = {};
  for (const filter of filters || []) {
    if (params.has(filter.key)) values[filter.key] = params.get(filter.key);
    else if (hasDefault(filter)) values[filter.key] = String(filter.default);
  }
  return values;
}

/**
 * The query part of the address for these values, in the dashboard's filter order: blank ones left out, except
 * where a blank clears a default.
 */
export function queryFromValues(values, filters) {
  const params = new URLSearchParams();
  for (const filter of filters || []) {
    const value = values[filter.key] ?? '';
    if (value !== '' || hasDefault(filter)) params.set(filter.key, value);
  }
  return params.toString();
}

/** A date range's two ends from its value `from..to` (either end may be open); a relative period has none. */
export function splitRange(value) {
  if (!value || DATE_PRESETS.includes(value)) return { from: '', to: '' };
  const [from = '', to = ''] = value.split('..');
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

/**
 * The widget data API's parameters for these values: `param.<key>=value` for the filters the widget takes; a blank
 * one only to clear a default (the server applies a filter's default when its parameter is missing).
 */
export function widgetParams(dashboard, widget, values) {
  const params = new URLSearchParams();
  for (const filter of filtersFor(dashboard, widget)) {
    const value = values[filter.key] ?? '';
    if (value !== '' || hasDefault(filter)) params.set(`param.${filter.key}`, value);
  }
  return params.toString();
}

/**
 * The values as dataset filters (`field:op:value`) for the widget's report: a date range becomes its two ends
 * (`gte`, `lte`) or its relative period, anything else an equality. Filters without a field say nothing about the
 * rows and are left out.
 */
export function datasetFilters(dashboard, widget, values) {
  return filtersFor(dashboard, widget).filter(filter => filter.field && values[filter.key]).flatMap(filter => {
    if (filter.type !== 'date_range') return [`${filter.field}:eq:${values[filter.key]}`];
    if (DATE_PRESETS.includes(values[filter.key])) return [`${filter.field}:relative:${values[filter.key]}`];
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
