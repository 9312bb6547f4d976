// Names for the ids a record holds (users, org units, lookup targets), fetched once per page view and shared:
// a list of 50 orders for one dealer asks for that dealer once. Reactive, so a cell fills in when its name arrives.
import { reactive } from 'vue';
import { api } from './api.js';

const known = reactive({});
const pending = new Set();
let orgsLoaded = null;

function keyOf(app, field, id) {
  if (field.type === 'user') return `user:${id}`;
  if (field.type === 'org') return `org:${id}`;
  return `lookup:${app}/${field.lookup.form}/${id}`;
}

async function fetchName(app, field, id) {
  if (field.type === 'user') return (await api.get(`/api/directory/users/${id}`)).displayName;
  if (field.type === 'org') {
    orgsLoaded ??= api.get('/api/orgs').then(orgs => orgs.forEach(org => { known[`org:${org.id}`] = org.name; }));
    await orgsLoaded;
    return known[`org:${id}`];
  }
  const target = await api.get(`/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(field.lookup.form)}/records/${id}`);
  const shown = target[field.lookup.displayField];
  return shown === null || shown === undefined || shown === '' ? `#${id}` : String(shown);
}

/** The name for an id, or undefined while it is being fetched (or when the viewer may not see the target). */
export function nameOf(app, field, id) {
  if (id === null || id === undefined || id === '') return '';
  const key = keyOf(app, field, id);
  if (key in known) return known[key];
  if (!pending.has(key)) {
    pending.add(key);
    fetchName(app, field, id)
      .then(name => { known[key] = name ?? `#${id}`; })
      .catch(() => { known[key] = `#${id}`; });
  }
  return undefined;
}

/** Records a name learnt elsewhere (a picker's search result) so that it is not fetched again. */
export function rememberName(app, field, id, name) {
  known[keyOf(app, field, id)] = name;
}

/** Org units as [{id, name, depth}] in tree order, for org pickers. */
export async function orgOptions() {
  const orgs = await api.get('/api/orgs');
  orgs.forEach(org => { known[`org:${org.id}`] = org.name; });
  const children = new Map();
  orgs.forEach(org => {
    const parent = org.parentId ?? null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(org);
  });
  const out = [];
  const walk = (parent, depth) => (children.get(parent) || []).forEach(org => {
    out.push({ id: org.id, name: org.name, depth });
    walk(org.id, depth + 1);
  });
  walk(null, 0);
  return out;
}

/** Enabled users matching `q`, for user pickers. */
export async function people(q) {
  const found = await api.get(`/api/directory/users?size=50${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  found.forEach(person => { known[`user:${person.id}`] = person.displayName; });
  return found;
}
