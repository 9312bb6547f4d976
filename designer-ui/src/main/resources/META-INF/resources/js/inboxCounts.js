// The inbox counts (GET /api/flow/inbox/counts) shared by the header's badge and the inbox tabs, fetched again on
// every navigation so that a task just done or just arrived shows without a reload. Until the workflow API
// answers (or where it is absent) the counts stay null and no badge is drawn.
import { reactive } from 'vue';
import { api } from './api.js';

export const inboxCounts = reactive({ value: null });

let inFlight = null;

export function refreshInboxCounts() {
  inFlight ??= api.get('/api/flow/inbox/counts')
    .then(counts => { inboxCounts.value = counts; })
    .catch(() => { inboxCounts.value = null; })
    .finally(() => { inFlight = null; });
  return inFlight;
}
