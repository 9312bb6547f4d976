// The form definitions of one app, as the designers list and link them: key, name, fields, and where each
// stands between draft and published version. The listing has no names, so each definition is read as well.
import { api, JsonText } from '../api.js';

const path = (app, key = '') => `/api/apps/${encodeURIComponent(app)}/definitions${key ? `/form/${encodeURIComponent(key)}` : '?kind=form'}`;

export function definitionPath(app, key) {
  return path(app, key);
}

/** `[{key, name, fields, hasDraft, publishedVersion, updatedAt, updatedBy}]`, sorted by key. */
export async function appForms(app) {
  const summaries = await api.get(path(app));
  const forms = await Promise.all(summaries.map(async summary => {
    const definition = await api.get(path(app, summary.key));
    const content = JSON.parse(definition.content);
    return { ...summary, name: content.name, fields: content.fields || [] };
  }));
  return forms.sort((a, b) => a.key.localeCompare(b.key));
}

/** Where "New form" leaves the names typed in, for the designer to start the form with. */
export function rememberNewForm(app, key, name) {
  sessionStorage.setItem(`mosaic.newForm.${app}.${key}`, JSON.stringify(name));
}

export function newFormName(app, key) {
  const saved = sessionStorage.getItem(`mosaic.newForm.${app}.${key}`);
  return saved ? JSON.parse(saved) : { 'zh-CN': key, en: key };
}

const manifestPath = app => `/api/apps/${encodeURIComponent(app)}/definitions/app/${encodeURIComponent(app)}`;

/** Keys of the definitions of `kind` (forms unless said) the app's published manifest has a menu entry for, at any depth. */
export async function inAppMenu(app, kind = 'form') {
  const manifest = JSON.parse((await api.get(manifestPath(app))).content);
  const keys = new Set();
  const walk = items => (items || []).forEach(item => {
    if (item.target?.kind === kind) keys.add(item.target.key);
    walk(item.children);
  });
  walk(manifest.menus);
  return keys;
}

/**
 * Puts a published form (or a definition of another `kind`, such as a dashboard) into the app: lists it among the
 * manifest's definitions and gives it a top-level menu entry named like it, then publishes the manifest. Refused (an
 * Error with `code: 'manifest.draft'`) while the manifest has unpublished changes, which this would otherwise publish unseen.
 */
export async function addToAppMenu(app, form, kind = 'form') {
  const definition = await api.get(manifestPath(app));
  if (definition.hasDraft && definition.publishedVersion != null) {
    throw Object.assign(new Error('manifest.draft'), { code: 'manifest.draft' });
  }
  const manifest = JSON.parse(definition.content);
  manifest.definitions = manifest.definitions || [];
  if (!manifest.definitions.some(d => d.kind === kind && d.key === form.key)) {
    manifest.definitions.push({ kind, key: form.key });
  }
  manifest.menus = manifest.menus || [];
  const taken = new Set();
  const walk = items => (items || []).forEach(item => { taken.add(item.key); walk(item.children); });
  walk(manifest.menus);
  let menuKey = form.key;
  for (let n = 2; taken.has(menuKey); n++) menuKey = `${form.key.slice(0, 44)}_${n}`;
  manifest.menus.push({ key: menuKey, name: form.name, target: { kind, key: form.key } });
  await api.put(manifestPath(app), new JsonText(JSON.stringify(manifest, null, 2)));
  await api.post(`${manifestPath(app)}/publish`, { comment: `${kind} ${form.key} added to the menu` });
}
