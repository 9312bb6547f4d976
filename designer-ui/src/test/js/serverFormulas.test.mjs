// Which formulas the record form leaves to the server (serverFormulas.js) under Node:
// `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverFormulas } from '../../main/resources/META-INF/resources/js/serverFormulas.js';

// The dealer order's shape: line columns reading the product through its lookup, totals over them, and a field
// reading the dealer's credit through the dealer lookup.
const ORDER = { key: 'order', fields: [
  { key: 'dealer', type: 'lookup', lookup: { form: 'dealer', displayField: 'name' } },
  { key: 'lines', type: 'subtable', columns: [
    { key: 'product', type: 'lookup', lookup: { form: 'product', displayField: 'name' } },
    { key: 'quantity', type: 'integer' }, { key: 'price', type: 'money' },
    { key: 'amount', type: 'formula', expression: 'ROUND(quantity * price, 2)' },
    { key: 'list_price', type: 'formula', expression: 'product.list_price', scale: 2 },
    { key: 'below_list', type: 'formula', expression: 'IF(price < list_price, 1, 0)', scale: 0 }] },
  { key: 'total', type: 'formula', expression: 'SUM(lines.amount)' },
  { key: 'below_list_lines', type: 'formula', expression: 'SUM(lines.below_list)', scale: 0 },
  { key: 'over_credit', type: 'formula', expression: 'MAX(total - dealer.available_credit, 0)', scale: 2 },
  { key: 'dealer_code', type: 'formula', expression: 'dealer.code', resultType: 'text' }] };

test('formulas reading through a lookup, and those reading them, are left to the server', () => {
  assert.deepEqual([...serverFormulas(ORDER)].sort(),
    ['below_list_lines', 'dealer_code', 'lines.below_list', 'lines.list_price', 'over_credit']);
});

test('a formula over the record\'s own fields or a row\'s own columns is the browser\'s', () => {
  const form = { key: 'f', fields: [{ key: 'a', type: 'integer' }, { key: 'b', type: 'formula', expression: 'a * 2' },
    { key: 'rows', type: 'subtable', columns: [{ key: 'n', type: 'integer' }, { key: 'twice', type: 'formula', expression: 'n * b' }] },
    { key: 'broken', type: 'formula', expression: 'a +' }] };
  assert.deepEqual(serverFormulas(form), new Set());
});
