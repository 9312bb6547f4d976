// The set-password page's own check (passwordRules.js) under Node, with the UI's real messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblem } from '../../main/resources/META-INF/resources/js/passwordRules.js';
import { messages } from '../../main/resources/META-INF/resources/js/messages.js';

test('a password of 8 characters typed twice alike is fine', () => {
  assert.equal(passwordProblem('12345678', '12345678'), null);
});

test('a password under 8 characters is too short whatever the repetition', () => {
  assert.equal(passwordProblem('1234567', '1234567'), 'setPassword.tooShort');
});

test('more than 72 bytes is too long even when fewer characters, as bcrypt counts bytes', () => {
  const chinese = '密'.repeat(25);
  assert.equal(chinese.length, 25);
  assert.equal(passwordProblem(chinese, chinese), 'setPassword.tooLong');
  assert.equal(passwordProblem('密'.repeat(24), '密'.repeat(24)), null);
});

test('two different entries are a mismatch', () => {
  assert.equal(passwordProblem('correct-horse', 'correct-horsf'), 'setPassword.mismatch');
});

test('every message the check answers exists in both languages', () => {
  for (const key of ['setPassword.tooShort', 'setPassword.tooLong', 'setPassword.mismatch']) {
    assert.ok(messages['zh-CN'][key], `zh-CN ${key}`);
    assert.ok(messages.en[key], `en ${key}`);
  }
});
