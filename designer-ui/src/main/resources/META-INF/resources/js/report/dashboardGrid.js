// The dashboard's 12-column grid, free of Vue and the DOM (tested under Node). Widgets are `{key, x, y, w, h}` in
// grid cells. A move or resize puts the widget where asked and pushes whatever it then overlaps downwards; the
// layout is then compacted upwards, so no gaps open and nothing overlaps after any change.

export const COLUMNS = 12;
export const MAX_HEIGHT = 24;

export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const clamp = (value, low, high) => Math.max(low, Math.min(high, value));

/** The widget's size and place made to fit the grid: at least one cell, never past the right edge or above the top. */
export function fit(widget) {
  const w = clamp(Math.round(widget.w) || 1, 1, COLUMNS);
  const h = clamp(Math.round(widget.h) || 1, 1, MAX_HEIGHT);
  return { ...widget, w, h, x: clamp(Math.round(widget.x) || 0, 0, COLUMNS - w), y: Math.max(0, Math.round(widget.y) || 0) };
}

/** How many rows the layout uses. */
export function height(widgets) {
  return widgets.reduce((most, widget) => Math.max(most, widget.y + widget.h), 0);
}

/** Moves every widget as far up as it goes without overlapping one above it, top-left first. */
export function compact(widgets) {
  const order = [...widgets].sort((a, b) => a.y - b.y || a.x - b.x);
  const placed = [];
  for (const widget of order) {
    const moved = { ...widget, y: 0 };
    while (placed.some(other => overlaps(moved, other))) moved.y++;
    placed.push(moved);
  }
  const byKey = new Map(placed.map(widget => [widget.key, widget]));
  return widgets.map(widget => byKey.get(widget.key));
}

/**
 * The layout with widget `key` changed by `change` (its new x, y, w or h): the others first close the gap it
 * leaves (so a widget moved down onto its neighbour swaps places with it), then the widget takes its new place,
 * pushing what it overlaps below it (and so on down), and the whole is compacted.
 */
export function arrange(widgets, key, change) {
  const target = fit({ ...widgets.find(widget => widget.key === key), ...change });
  const others = compact(widgets.filter(widget => widget.key !== key)).sort((a, b) => a.y - b.y || a.x - b.x);
  const settled = [target];
  for (const widget of others) {
    const moved = { ...widget };
    while (settled.some(other => overlaps(moved, other))) {
      moved.y = Math.max(...settled.filter(other => overlaps(moved, other)).map(other => other.y + other.h));
    }
    settled.push(moved);
  }
  const final = new Map(compact(settled).map(widget => [widget.key, widget]));
  return widgets.map(widget => final.get(widget.key));
}

/** The first free place, top to bottom and left to right, for a new widget of this size. */
export function freePlace(widgets, w, h) {
  const size = fit({ x: 0, y: 0, w, h });
  for (let y = 0; ; y++) {
    for (let x = 0; x + size.w <= COLUMNS; x++) {
      const candidate = { ...size, x, y };
      if (!widgets.some(widget => overlaps(candidate, widget))) return candidate;
    }
  }
}

/**
 * The grid cell under a point of the grid's element, given its rectangle, the height of one row, and the gap between
 * cells and the padding around them (all in pixels).
 */
export function cellAt(point, rect, rowHeight, gap = 0, padding = 0) {
  const columnPitch = (rect.width - 2 * padding + gap) / COLUMNS;
  const column = Math.floor((point.x - rect.left - padding) / columnPitch);
  const row = Math.floor((point.y - rect.top - padding) / (rowHeight + gap));
  return { x: clamp(column, 0, COLUMNS - 1), y: Math.max(0, row) };
}
