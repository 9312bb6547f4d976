// Who is signed in. `me` is the server's Me object, or null when nobody is.
import { reactive } from 'vue';
import { api } from './api.js';
import { setLocale } from './i18n.js';

export const session = reactive({ me: null, checked: false, returnTo: null });

export function signedIn(me) {
  session.me = me;
  if (me.locale) setLocale(me.locale);
}

export async function loadMe() {
  try {
    signedIn(await api.get('/api/me'));
  } catch (failure) {
    if (failure.status !== 401) throw failure;
    session.me = null;
  } finally {
    session.checked = true;
  }
}

export function isAdmin() {
  return Boolean(session.me?.admin);
}

/** Packs may be imported and exported by admins and analysts (docs/api.md, template packs). */
export function mayManagePacks() {
  return isAdmin() || Boolean(session.me?.roles?.includes('analyst'));
}

/** The same roles may edit and publish definitions (docs/api.md, metadata repository), so they get the designers. */
export function mayDesign() {
  return mayManagePacks();
}
