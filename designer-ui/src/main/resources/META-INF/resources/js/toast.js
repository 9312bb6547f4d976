// Short confirmations that outlive the page that raised them (an approval sends the user back to the inbox,
// which then says what was done). Shown by components/ToastHost.js.
import { reactive } from 'vue';

const SHOWN_MS = 5000;
let next = 1;

export const toasts = reactive([]);

export function showToast(text, tone = 'ok') {
  const toast = { id: next++, text, tone };
  toasts.push(toast);
  setTimeout(() => dismissToast(toast.id), SHOWN_MS);
}

export function dismissToast(id) {
  const at = toasts.findIndex(toast => toast.id === id);
  if (at >= 0) toasts.splice(at, 1);
}
