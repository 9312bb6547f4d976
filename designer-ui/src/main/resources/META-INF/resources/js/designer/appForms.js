// The form definitions of one app, as the designers list and link them: key, name, fields, and where each
// stands between draft and published version. The listing has no names, so each definition is read as well.
import { api } from '../api.js';

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
