// Hash routing: '#/apps/dms' → { name: 'app', params: { app: 'dms' } }. One name may have several patterns
// (`#/inbox`, `#/inbox/{box}`), so that the page stays mounted while only its parameters change.
import { ref } from 'vue';

const ROUTES = [
  ['login', '/login'],
  ['setPassword', '/set-password', { public: true }],
  ['launcher', '/apps'],
  ['app', '/apps/:app'],
  ['target', '/apps/:app/:kind/:key'],
  ['record', '/apps/:app/:kind/:key/:id'],
  ['tokens', '/tokens'],
  ['inbox', '/inbox'],
  ['inbox', '/inbox/:box'],
  ['task', '/tasks/:taskId'],
  ['instance', '/instances/:instanceId'],
  ['notifications', '/notifications'],
  ['users', '/admin/users', { admin: true }],
  ['roles', '/admin/roles', { admin: true }],
  ['orgs', '/admin/orgs', { admin: true }],
  ['packs', '/admin/packs', { packs: true }],
  ['outbox', '/admin/outbox', { admin: true }],
  ['webhooks', '/admin/webhooks', { admin: true }],
  ['design', '/design/:app', { design: true }],
  ['formDesigner', '/design/:app/forms/:key', { design: true }],
  ['flowDesigner', '/design/:app/flows/:key', { design: true }],
  ['ruleDesigner', '/design/:app/rules/:key', { design: true }],
  ['decisionDesigner', '/design/:app/decisions/:key', { design: true }],
  ['reportDesigner', '/design/:app/reports/:key', { design: true }],
  ['dashboardDesigner', '/design/:app/dashboards/:key', { design: true }],
].map(([name, pattern, meta = {}]) => ({ name, meta, parts: pattern.split('/').filter(Boolean) }));

/** The route a path names; `query` is what follows `?` in the address (e.g. a record list's filters). */
function match(path, query = '') {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const route of ROUTES) {
    if (route.parts.length !== parts.length) continue;
    const params = {};
    const fits = route.parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = parts[i];
        return true;
      }
      return part === parts[i];
    });
    if (fits) return { name: route.name, params, meta: route.meta, path, query };
  }
  return { name: 'notFound', params: {}, meta: {}, path, query };
}

function currentPath() {
  return location.hash.replace(/^#/, '').split('?')[0] || '/apps';
}

function currentQuery() {
  const hash = location.hash;
  return hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
}

export const route = ref(match(currentPath(), currentQuery()));

let leaveGuard = null;

/**
 * While a page holds unsaved work: `guard(nextRoute)` answering false keeps the user where they are (the address
 * goes back too). Answers the function that removes the guard.
 */
export function guardLeaving(guard) {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

window.addEventListener('hashchange', () => {
  const next = match(currentPath(), currentQuery());
  if (leaveGuard && next.path !== route.value.path && leaveGuard(next) === false) {
    // replaceState fires no hashchange, so this does not come back here.
    history.replaceState(null, '', `#${route.value.path}${route.value.query ? `?${route.value.query}` : ''}`);
    return;
  }
  route.value = next;
});

/** Goes to `path`, which may end in a query (`/apps/a/form/f?filter=…`). */
export function navigate(path) {
  if (location.hash.replace(/^#/, '') === path) {
    route.value = match(currentPath(), currentQuery());
  } else {
    location.hash = path;
  }
}

/** Builds a hash link from path segments, encoding each one. */
export function href(...segments) {
  return '#/' + segments.map(encodeURIComponent).join('/');
}
