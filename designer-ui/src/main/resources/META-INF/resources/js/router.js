// Hash routing: '#/apps/dms' → { name: 'app', params: { app: 'dms' } }. One name may have several patterns
// (`#/inbox`, `#/inbox/{box}`), so that the page stays mounted while only its parameters change.
import { ref } from 'vue';

const ROUTES = [
  ['login', '/login'],
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
].map(([name, pattern, meta = {}]) => ({ name, meta, parts: pattern.split('/').filter(Boolean) }));

function match(path) {
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
    if (fits) return { name: route.name, params, meta: route.meta, path };
  }
  return { name: 'notFound', params: {}, meta: {}, path };
}

function currentPath() {
  return location.hash.replace(/^#/, '').split('?')[0] || '/apps';
}

export const route = ref(match(currentPath()));

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
  const next = match(currentPath());
  if (leaveGuard && next.path !== route.value.path && leaveGuard(next) === false) {
    // replaceState fires no hashchange, so this does not come back here.
    history.replaceState(null, '', `#${route.value.path}`);
    return;
  }
  route.value = next;
});

export function navigate(path) {
  if (currentPath() === path) {
    route.value = match(path);
  } else {
    location.hash = path;
  }
}

/** Builds a hash link from path segments, encoding each one. */
export function href(...segments) {
  return '#/' + segments.map(encodeURIComponent).join('/');
}
