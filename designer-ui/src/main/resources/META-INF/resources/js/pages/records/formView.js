// The published form as the signed-in user may see it (GET /api/apps/{app}/forms/{form}), shared by the list
// and record pages of one form so that moving between them does not fetch it again.
import { api } from '../../api.js';

const views = new Map();

export function formView(app, form) {
  const key = `${app}/${form}`;
  if (!views.has(key)) {
    const loading = api.get(`/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form)}`);
    loading.catch(() => views.delete(key));
    views.set(key, loading);
  }
  return views.get(key);
}

/** Forgets the cached views, e.g. after a sign-in as someone else or a newer publish. */
export function forgetFormViews() {
  views.clear();
}

export function recordsPath(app, form) {
  return `/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form)}/records`;
}
