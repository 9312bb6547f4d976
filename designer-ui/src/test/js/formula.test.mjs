// Runs the shared formula vectors through formula.js under Node: `node --test designer-ui/src/test/js/`.
// The same vectors run through the server's implementation (FormulaVectorsTest) and in Chromium
// (FormulaVectorsBrowserTest), so the three agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, contextOf, typeOf, FormulaError } from '../../main/resources/META-INF/resources/js/formula.js';

const file = JSON.parse(readFileSync(fileURLToPath(new URL(
  '../../../../engine-form/src/test/resources/formula/vectors.json', import.meta.url)), 'utf8'));

test('the vectors file holds at least 120 cases', () => {
  assert.ok(file.vectors.length >= 120);
});

file.vectors.forEach((vector, index) => {
  test(`#${index + 1} ${vector.expr.slice(0, 60)}`, () => {
    const context = contextOf(vector.values || {}, file.today);
    if (vector.error) {
      assert.throws(() => parse(vector.expr).evaluate(context), error => {
        assert.ok(error instanceof FormulaError, String(error));
        assert.equal(error.code, vector.error, error.message);
        if ('position' in vector) assert.equal(error.position, vector.position, error.message);
        return true;
      });
      return;
    }
    const expression = parse(vector.expr);
    const result = expression.evaluate(context);
    assert.equal(typeOf(result), vector.type);
    if (vector.type === 'boolean') assert.equal(result, vector.result);
    else if (vector.type !== 'blank') assert.equal(String(result), vector.result);
    if (vector.references) assert.deepEqual(expression.references(), vector.references);
  });
});
