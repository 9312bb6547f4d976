// What the workflow pages say about the workflow REST API's answers (docs/api.md → Workflow): the words and colours
// of a record's workflow status and of each action, durations in words, a timeline entry as a sentence, which
// inbox columns each box shows. Pure functions over the JSON: the page passes its translator `t(key, params)`, so
// that Node tests run them without Vue.

export const STATUSES = ['draft', 'in_approval', 'returned', 'approved', 'rejected', 'withdrawn'];

const TONES = { draft: 'off', in_approval: 'progress', returned: 'warn', approved: 'ok', rejected: 'bad', withdrawn: 'off' };

/** A record's workflow status as the API spells it; a record never submitted has none and reads as a draft. */
export function statusOf(status) {
  return STATUSES.includes(status) ? status : 'draft';
}

/** The badge colour of a status: off (grey), progress (blue), warn (orange), ok (green), bad (red). */
export function statusTone(status) {
  return TONES[statusOf(status)];
}

export function statusLabel(status, t) {
  return t(`flow.status.${statusOf(status)}`);
}

/**
 * How each task action is taken on the approval page: `comment` required or optional, whether it needs a return
 * `target`, one `user` or several `users`, whether it sends the edited `values`, and whether it asks in a dialog
 * before it goes (everything that hands the task to someone else, or ends the workflow).
 */
const TASK_ACTIONS = {
  approve: { comment: 'optional', values: true, style: 'primary' },
  resolve: { comment: 'optional', values: true, style: 'primary' },
  reject: { comment: 'required', dialog: true, style: 'danger' },
  return: { comment: 'required', dialog: true, target: true },
  transfer: { comment: 'optional', dialog: true, user: 'one' },
  delegate: { comment: 'optional', dialog: true, user: 'one' },
  add_signer_before: { comment: 'optional', dialog: true, user: 'one' },
  add_signer_after: { comment: 'optional', dialog: true, user: 'one' },
  cc: { comment: 'optional', dialog: true, user: 'many' },
  claim: { comment: 'none', stays: true },
  unclaim: { comment: 'none' },
};

const TASK_ACTION_ORDER = Object.keys(TASK_ACTIONS);

/** How an action is taken; an action this UI does not know yet is sent as it is, with an optional comment. */
export function taskAction(action) {
  return { name: action, ...(TASK_ACTIONS[action] || { comment: 'optional' }) };
}

/** The actions the task allows now, in the order of the action bar (known ones first, then any newer ones). */
export function orderedActions(actions) {
  const allowed = actions || [];
  return [...TASK_ACTION_ORDER.filter(action => allowed.includes(action)),
    ...allowed.filter(action => !TASK_ACTION_ORDER.includes(action))].map(taskAction);
}

/** Whether the action may go with this comment: reject and return need one, so the initiator learns why. */
export function commentMissing(action, comment) {
  return taskAction(action).comment === 'required' && !(comment || '').trim();
}

export function actionLabel(action, t) {
  const key = `flow.action.${action}`;
  const label = t(key);
  return label === key ? action : label;
}

/** The return target offered first: back to the initiator when the task allows it, else the first one offered. */
export function defaultReturnTarget(targets) {
  if (!targets || !targets.length) return null;
  return (targets.find(target => target.id === 'initiator') || targets[0]).id;
}

/** A user object of the workflow API ({id, username, name}) or of the directory ({displayName}) as one name. */
export function userName(user) {
  if (!user) return '';
  return user.name || user.displayName || user.username || (user.id !== undefined ? `#${user.id}` : '');
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in words, to the two largest units (2 d 3 h, 3 h 20 min, 45 min); under a minute in seconds, so a
 * step done at once does not read as "0 min". Null for no duration.
 */
export function humanDuration(ms, t) {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < MINUTE) return t('flow.duration.seconds', { n: Math.floor(ms / 1000) });
  const units = [['days', DAY], ['hours', HOUR], ['minutes', MINUTE]];
  const parts = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length) parts.push([unit, n]);
  }
  return parts.slice(0, 2).filter(([, n]) => n > 0).map(([unit, n]) => t(`flow.duration.${unit}`, { n })).join(' ');
}

/**
 * A timeline entry as a sentence: who did what, to whom (`to`) or where to (`target`). Entries without an actor
 * are the engine's own (timers, automatic approvals) and name the system.
 */
export function timelineSentence(entry, t) {
  const actor = entry.actor ? userName(entry.actor) : t('flow.system');
  const params = {
    actor,
    target: entry.target ? entry.target.name || entry.target.id : '',
    to: (entry.to || []).map(userName).join(t('flow.listSeparator')),
    action: entry.action,
  };
  const key = `flow.timeline.${entry.action}`;
  const sentence = t(key, params);
  return sentence === key ? t('flow.timeline.other', params) : sentence;
}

/** Whether an inbox item is late: the server's verdict, else its due time against now. */
export function isOverdue(item, now = Date.now()) {
  if (item.overdue) return true;
  return Boolean(item.dueAt) && new Date(item.dueAt).getTime() < now;
}

export const BOXES = ['todo', 'done', 'started', 'cc'];

/** The columns each inbox box shows after the title and form: what the user needs to pick the next item. */
const BOX_COLUMNS = {
  todo: ['node', 'initiator', 'createdAt', 'dueAt'],
  done: ['node', 'action', 'actedAt', 'status'],
  started: ['node', 'status', 'createdAt'],
  cc: ['from', 'node', 'status', 'createdAt'],
};

export function boxColumns(box) {
  return BOX_COLUMNS[box] || BOX_COLUMNS.todo;
}

export function boxOf(name) {
  return BOXES.includes(name) ? name : 'todo';
}

/** Where a click on an inbox row goes: a to-do opens its approval page, anything else its workflow instance. */
export function itemLink(box, item) {
  // A rule's to-do is about a record, which is where the work is done.
  if (item.kind === 'todo') {
    return item.recordId ? `/apps/${encodeURIComponent(item.app)}/form/${encodeURIComponent(item.form)}/${item.recordId}` : '/inbox/todo';
  }
  if (box === 'todo' && item.taskId) return `/tasks/${encodeURIComponent(item.taskId)}`;
  return `/instances/${encodeURIComponent(item.instanceId)}`;
}

/** The inbox request's query: page and size always, the app and title search only when set. */
export function inboxQuery({ page = 0, size = 20, app = '', q = '' }) {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  if (app) params.set('app', app);
  if (q && q.trim()) params.set('q', q.trim());
  return params.toString();
}

/** Page facts for the pager: pages in all, the rows shown (1-based), and whether there is a page either side. */
export function pageFacts(total, page, size, shown) {
  const pages = Math.max(1, Math.ceil((total || 0) / size));
  const from = shown ? page * size + 1 : 0;
  return { pages, from, to: shown ? from + shown - 1 : 0, hasPrevious: page > 0, hasNext: page + 1 < pages };
}
