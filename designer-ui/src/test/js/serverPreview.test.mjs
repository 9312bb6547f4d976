// What the server's preview puts into a record being filled in (serverPreview.js) under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPreview, previewRequest, withPreview } from '../../main/resources/META-INF/resources/js/serverPreview.js';

const ORDER = {
  fields: [
    { key: 'dealer', type: 'lookup', lookup: { form: 'dealer', displayField: 'name' } },
    { key: 'credit', type: 'formula', expression: 'dealer.credit_limit' },
    { key: 'lines', type: 'subtable', columns: [
      { key: 'product', type: 'lookup', lookup: { form: 'product', displayField: 'name' } },
      { key: 'quantity', type: 'integer' },
      { key: 'price', type: 'money', defaultExpression: 'list_price' },
      { key: 'list_price', type: 'formula', expression: 'product.list_price' },
      { key: 'amount', type: 'formula', expression: 'quantity * price' },
    ] },
  ],
};

test('only a form with server-only formulas or defaults asks for a preview', () => {
  assert.equal(needsPreview(ORDER), true);
  assert.equal(needsPreview({ fields: [{ key: 'a', type: 'integer' }, { key: 'b', type: 'formula', expression: 'a * 2' }] }), false);
  assert.equal(needsPreview({ fields: [{ key: 'a', type: 'text', defaultExpression: '"x"' }] }), true);
  assert.equal(needsPreview(null), false);
});

test('server-only formulas take the server values, a blank default is filled, a typed price stays', () => {
  const record = { dealer: 1, lines: [{ product: 7, quantity: 2, price: null }, { product: 8, quantity: 1, price: 5 }] };
  const values = { credit: 1000, lines: [{ price: 80, list_price: 80, amount: 160 }, { price: 5, list_price: 10, amount: 5 }] };

  const { record: next, filled } = withPreview(ORDER, record, values, {});

  assert.equal(next.credit, 1000);
  assert.deepEqual(next.lines.map(l => [l.price, l.list_price]), [[80, 80], [5, 10]]);
  // amount is the browser's own formula: the preview does not overwrite it
  assert.equal(next.lines[0].amount, undefined);
  assert.deepEqual(filled, { '/lines/0/price': 80 });
  assert.equal(record.lines[0].price, null, 'the record given is not changed');
  // A page's record is a (Vue) proxy, which structuredClone would refuse.
  assert.equal(withPreview(ORDER, new Proxy(record, {}), values, {}).record.lines[0].price, 80);
  assert.equal(previewRequest(ORDER, new Proxy(record, {}), {}).lines[0].product, 7);
});

test('a default the preview filled is asked again and replaced when the product changes, unless the user typed over it', () => {
  const filled = { '/lines/0/price': 80 };
  const changedProduct = { lines: [{ product: 9, quantity: 2, price: 80 }] };
  assert.equal(previewRequest(ORDER, changedProduct, filled).lines[0].price, null);
  const repriced = withPreview(ORDER, changedProduct, { lines: [{ price: 12, list_price: 12 }] }, filled);
  assert.equal(repriced.record.lines[0].price, 12);
  assert.deepEqual(repriced.filled, { '/lines/0/price': 12 });

  const typed = { lines: [{ product: 9, quantity: 2, price: 75 }] };
  assert.equal(previewRequest(ORDER, typed, filled).lines[0].price, 75);
  const kept = withPreview(ORDER, typed, { lines: [{ price: 75, list_price: 12 }] }, filled);
  assert.equal(kept.record.lines[0].price, 75);
  assert.deepEqual(kept.filled, {});

  // A preview the server could not compute (a wrong value, a dealer not the user's) leaves the shown values alone.
  const untouched = withPreview(ORDER, { credit: 500, lines: [{ product: 9, price: 75, list_price: 12 }] }, {}, {});
  assert.deepEqual(untouched.record, { credit: 500, lines: [{ product: 9, price: 75, list_price: 12 }] });

  // A product taken away again: the filled price goes with it.
  const cleared = withPreview(ORDER, { lines: [{ product: null, price: 80 }] }, { lines: [{ price: null }] }, filled);
  assert.equal(cleared.record.lines[0].price, null);
});
