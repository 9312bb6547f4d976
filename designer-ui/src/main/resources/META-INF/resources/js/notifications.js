// The notification pages' pure rules (tested under Node): texts in the reader's language, which links may be
// followed, badge text, the delivery log's statuses and queries.

/** The text of `{"zh-CN": …, "en": …}` in `locale`, else in the other language. */
export function pickText(texts, locale) {
  if (!texts) return '';
  return texts[locale] || texts.en || texts['zh-CN'] || '';
}

/** A notification's link when it is a route of this UI (`#/tasks/42`); anything else is not followed. */
export function routeLink(item) {
  return typeof item?.link === 'string' && /^#\/[\w\-/.%]*$/.test(item.link) ? item.link : null;
}

/** What the bell's badge shows: nothing for none, at most "99+". */
export function badgeText(count) {
  if (!count) return '';
  return count > 99 ? '99+' : String(count);
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'];

export function deliveryTone(status) {
  return { pending: 'tone-progress', sent: 'tone-ok', dead: 'tone-bad' }[status] || 'tone-off';
}

/** A delivery not yet sent may be tried again now: a dead one after its cause is mended, a pending one sooner. */
export function mayRetry(delivery) {
  return delivery.status === 'pending' || delivery.status === 'dead';
}

export function pageQuery({ page = 0, size = 20, status = '' }) {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  if (status) params.set('status', status);
  return params.toString();
}
