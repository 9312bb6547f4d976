// The signed-in user's unread notification count (GET /api/notifications/unread-count), shared by the header's bell
// and the notifications page; fetched again on every navigation and every 30 s by the header.
import { reactive } from 'vue';
import { api } from './api.js';

export const unreadNotifications = reactive({ value: 0 });

let inFlight = null;

export function refreshUnreadNotifications() {
  inFlight ??= api.get('/api/notifications/unread-count')
    .then(answer => { unreadNotifications.value = answer.count; })
    .catch(() => { unreadNotifications.value = 0; })
    .finally(() => { inFlight = null; });
  return inFlight;
}
