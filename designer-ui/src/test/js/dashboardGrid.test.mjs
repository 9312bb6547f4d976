// The dashboard grid (report/dashboardGrid.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overlaps, fit, arrange, freePlace, compact, cellAt, height } from '../../main/resources/META-INF/resources/js/report/dashboardGrid.js';

const W = (key, x, y, w, h) => ({ key, x, y, w, h });
const noOverlap = widgets => widgets.every((a, i) => widgets.every((b, j) => i === j || !overlaps(a, b)));

test('widgets side by side or one above the other do not overlap; sharing a cell does', () => {
  assert.equal(overlaps(W('a', 0, 0, 6, 4), W('b', 6, 0, 6, 4)), false);
  assert.equal(overlaps(W('a', 0, 0, 6, 4), W('b', 0, 4, 6, 4)), false);
  assert.equal(overlaps(W('a', 0, 0, 6, 4), W('b', 5, 3, 2, 2)), true);
});

test('a widget is fitted to the grid: never past the right edge, above the top or smaller than a cell', () => {
  assert.deepEqual(fit(W('a', 10, -3, 6, 0)), W('a', 6, 0, 6, 1));
  assert.deepEqual(fit(W('a', 0, 0, 20, 40)), W('a', 0, 0, 12, 24));
});

test('moving a widget onto another pushes that one below it, and the layout closes its gaps', () => {
  const layout = [W('ranking', 0, 0, 6, 4), W('trend', 6, 0, 6, 4)];
  const moved = arrange(layout, 'trend', { x: 0, y: 0 });
  assert.deepEqual(moved, [W('ranking', 0, 4, 6, 4), W('trend', 0, 0, 6, 4)]);
  assert.ok(noOverlap(moved));
});

test('moving a widget down below its neighbour swaps their places', () => {
  const layout = [W('a', 0, 0, 12, 3), W('b', 0, 3, 12, 3)];
  assert.deepEqual(arrange(layout, 'a', { y: 3 }), [W('a', 0, 3, 12, 3), W('b', 0, 0, 12, 3)]);
});

test('growing a widget pushes the widgets under it further down, in a chain', () => {
  const layout = [W('a', 0, 0, 6, 2), W('b', 0, 2, 6, 2), W('c', 0, 4, 12, 2)];
  const grown = arrange(layout, 'a', { h: 5 });
  assert.deepEqual(grown, [W('a', 0, 0, 6, 5), W('b', 0, 5, 6, 2), W('c', 0, 7, 12, 2)]);
  assert.ok(noOverlap(grown));
  assert.equal(height(grown), 9);
});

test('widening a widget past the edge stops at the edge', () => {
  assert.deepEqual(arrange([W('a', 8, 0, 4, 2)], 'a', { w: 8 }), [W('a', 4, 0, 8, 2)]);
});

test('compacting lifts widgets into gaps without changing their columns', () => {
  assert.deepEqual(compact([W('a', 0, 5, 6, 2), W('b', 6, 9, 6, 2)]), [W('a', 0, 0, 6, 2), W('b', 6, 0, 6, 2)]);
});

test('a new widget goes to the first free place that fits it', () => {
  const layout = [W('a', 0, 0, 6, 4)];
  assert.deepEqual(freePlace(layout, 6, 4), { x: 6, y: 0, w: 6, h: 4 });
  assert.deepEqual(freePlace([...layout, W('b', 6, 0, 6, 4)], 12, 3), { x: 0, y: 4, w: 12, h: 3 });
});

test('a point on the grid element names the cell under it, clamped to the grid', () => {
  const rect = { left: 100, top: 50, width: 1200 };
  assert.deepEqual(cellAt({ x: 100, y: 50 }, rect, 60), { x: 0, y: 0 });
  assert.deepEqual(cellAt({ x: 750, y: 300 }, rect, 60), { x: 6, y: 4 });
  assert.deepEqual(cellAt({ x: 2000, y: 10 }, rect, 60), { x: 11, y: 0 });
});

test('the cell under a point counts the gaps between cells and the padding around them', () => {
  // 8 px padding and gaps: columns every (1200 - 16 + 8) / 12 = 99.33 px from x 108, rows every 64 px from y 58.
  const rect = { left: 100, top: 50, width: 1200 };
  assert.deepEqual(cellAt({ x: 110, y: 60 }, rect, 56, 8, 8), { x: 0, y: 0 });
  assert.deepEqual(cellAt({ x: 108 + 99.33 * 5 + 10, y: 58 + 64 * 7 + 10 }, rect, 56, 8, 8), { x: 5, y: 7 });
  assert.deepEqual(cellAt({ x: 104, y: 52 }, rect, 56, 8, 8), { x: 0, y: 0 });
});
