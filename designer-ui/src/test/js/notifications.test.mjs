// The notification pages' rules (notifications.js) under Node: `node --test designer-ui/src/test/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  pickText, routeLink, badgeText, deliveryTone, mayRetry, pageQuery, DELIVERY_STATUSES,
} from '../../main/resources/META-INF/resources/js/notifications.js';
import { messages } from '../../main/resources/META-INF/resources/js/messages.js';

test('a notification reads in the reader language, else in the other one', () => {
  const title = { 'zh-CN': '新待办', en: 'New task' };
  assert.equal(pickText(title, 'zh-CN'), '新待办');
  assert.equal(pickText(title, 'en'), 'New task');
  assert.equal(pickText({ 'zh-CN': '只有中文', en: '' }, 'en'), '只有中文');
  assert.equal(pickText(null, 'en'), '');
});

test('only links to routes of this UI are followed', () => {
  assert.equal(routeLink({ link: '#/tasks/42' }), '#/tasks/42');
  assert.equal(routeLink({ link: '#/instances/abc-1' }), '#/instances/abc-1');
  assert.equal(routeLink({ link: 'https://evil.example/#/tasks/1' }), null);
  assert.equal(routeLink({ link: 'javascript:alert(1)' }), null);
  assert.equal(routeLink({ link: '#/tasks/1"onmouseover' }), null);
  assert.equal(routeLink({}), null);
});

test('the bell shows nothing for no unread notifications and caps at 99+', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(7), '7');
  assert.equal(badgeText(100), '99+');
});

test('every delivery status has a tone and words in both languages', () => {
  for (const status of DELIVERY_STATUSES) {
    assert.notEqual(deliveryTone(status), 'tone-off');
    assert.ok(messages['zh-CN'][`outbox.status.${status}`]);
    assert.ok(messages.en[`outbox.status.${status}`]);
  }
  assert.equal(deliveryTone('dead'), 'tone-bad');
});

test('a delivery not yet sent may be retried, a sent one not', () => {
  assert.equal(mayRetry({ status: 'dead' }), true);
  assert.equal(mayRetry({ status: 'pending' }), true);
  assert.equal(mayRetry({ status: 'sent' }), false);
});

test('the delivery log query names the status only when one is chosen', () => {
  assert.equal(pageQuery({ page: 2, size: 50, status: 'dead' }), 'page=2&size=50&status=dead');
  assert.equal(pageQuery({ page: 0, size: 20 }), 'page=0&size=20');
});
