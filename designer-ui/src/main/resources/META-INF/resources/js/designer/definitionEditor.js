// What the rule set and decision table designers share: one JSON definition edited in place, loaded from the
// metadata repository, saved as a pretty-printed draft and published; undo and redo over snapshots; the server's
// problems (a refused save or publish) and warnings (an accepted save that still has something to say, such as a
// decision table's gaps); the unsaved-work guard and the keyboard (Ctrl+S, Ctrl+Z, Ctrl+Y).
import { ref, reactive, computed, watch, onMounted, onBeforeUnmount } from 'vue';
import { api, JsonText } from '../api.js';
import { t } from '../i18n.js';
import { History } from './history.js';
import { useFeedback } from './feedback.js';
import { useLeaveGuard } from './leaveGuard.js';
import { definitionText } from './ruleSet.js';

/** Typing is recorded for undo once it pauses; the page records structural changes at once through `commit`. */
const RECORD_PAUSE_MS = 400;

export function definitionPath(app, kind, key) {
  return `/api/apps/${encodeURIComponent(app)}/definitions/${kind}/${encodeURIComponent(key)}`;
}

/**
 * The designer keyboard: Ctrl+S saves (unless `blocked()`), Ctrl+Z undoes and Ctrl+Y or Ctrl+Shift+Z redoes outside
 * text fields (where the field's own undo serves).
 */
export function useDesignerKeys({ save, undo, redo, blocked }) {
  const typing = target => target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable);
  function onKey(event) {
    if (!(event.ctrlKey || event.metaKey)) return;
    const letter = event.key.toLowerCase();
    if (letter === 's') {
      event.preventDefault();
      if (!blocked()) save();
    } else if (!typing(event.target) && (letter === 'z' || letter === 'y')) {
      event.preventDefault();
      if (letter === 'y' || event.shiftKey) redo();
      else undo();
    }
  }
  onMounted(() => document.addEventListener('keydown', onKey));
  onBeforeUnmount(() => document.removeEventListener('keydown', onKey));
}

/**
 * One definition of `kind` in a designer. A page editing two definitions together (a report and its dataset) asks
 * for `{ standalone: false }` and brings its own keyboard, undo and leave guard over both.
 */
export function useDefinitionEditor(kind, appKey, key, { standalone = true } = {}) {
  const doc = ref(null);
  const loaded = ref(false);
  const { loadFailure, notice, failure, problems, clear } = useFeedback();
  const standing = reactive({ exists: false, hasDraft: false, publishedVersion: null });
  const busy = ref(false);
  const warnings = ref([]);
  const savedText = ref('');
  const history = reactive(new History());

  const text = computed(() => (doc.value ? definitionText(doc.value) : ''));
  const dirty = computed(() => loaded.value && text.value !== savedText.value);
  const path = () => definitionPath(appKey.value, kind, key.value);

  let recordTimer = null;
  function commit() {
    clearTimeout(recordTimer);
    if (doc.value) history.record(text.value);
  }
  watch(text, () => {
    clearTimeout(recordTimer);
    recordTimer = setTimeout(commit, RECORD_PAUSE_MS);
  });
  function undo() {
    commit();
    const previous = history.undo();
    if (previous) doc.value = JSON.parse(previous);
  }
  function redo() {
    commit();
    const next = history.redo();
    if (next) doc.value = JSON.parse(next);
  }

  async function load() {
    loaded.value = false;
    loadFailure.value = null;
    clear();
    warnings.value = [];
    try {
      const definition = await api.get(path());
      doc.value = JSON.parse(definition.content);
      Object.assign(standing, { exists: true, hasDraft: definition.hasDraft, publishedVersion: definition.publishedVersion });
    } catch (answer) {
      loadFailure.value = answer;
      return;
    }
    savedText.value = text.value;
    history.reset(text.value);
    loaded.value = true;
  }
  watch([appKey, key], ([app, which]) => {
    if (app && which) load();
  }, { immediate: true });

  function refused(answer) {
    failure.value = answer;
    problems.value = answer.problems?.length ? answer.problems : [{ pointer: '', message: answer.message }];
  }
  async function save() {
    busy.value = true;
    clear();
    const sent = text.value;
    try {
      const definition = await api.put(path(), new JsonText(sent));
      Object.assign(standing, { exists: true, hasDraft: definition.hasDraft, publishedVersion: definition.publishedVersion });
      savedText.value = sent;
      warnings.value = definition.warnings || [];
      notice.value = { kind: 'saved', text: t('design.saved') };
      return true;
    } catch (answer) {
      refused(answer);
      return false;
    } finally {
      busy.value = false;
    }
  }
  async function publish() {
    if (dirty.value && !(await save())) return null;
    busy.value = true;
    notice.value = null;
    try {
      const version = await api.post(`${path()}/publish`, {});
      Object.assign(standing, { exists: true, hasDraft: false, publishedVersion: version.version });
      notice.value = { kind: 'published', text: t('rules.publishedNotice', { n: version.version }) };
      return version.version;
    } catch (answer) {
      refused(answer);
      return null;
    } finally {
      busy.value = false;
    }
  }
  /** The draft the server simulates must be the one on screen: unsaved work is saved first. */
  async function saveIfDirty() {
    return !dirty.value || save();
  }

  const mayPublish = computed(() => loaded.value && !busy.value && (dirty.value || standing.hasDraft));
  const status = computed(() => {
    if (dirty.value) return { text: t('design.status.unsaved'), css: 'change-update' };
    if (standing.publishedVersion == null) return { text: t('design.status.draftOnly'), css: 'change-update' };
    if (standing.hasDraft) return { text: t('design.status.publishedWithDraft', { n: standing.publishedVersion }), css: 'change-update' };
    return { text: t('design.status.published', { n: standing.publishedVersion }), css: 'badge-ok' };
  });

  const { pendingLeave, leave } = standalone ? useLeaveGuard(dirty) : {};
  if (standalone) useDesignerKeys({ save, undo, redo, blocked: () => busy.value || !loaded.value });
  onBeforeUnmount(() => clearTimeout(recordTimer));

  return {
    doc, loaded, loadFailure, standing, busy, notice, failure, problems, warnings, dirty, history, status, mayPublish,
    load, save, publish, saveIfDirty, commit, undo, redo, pendingLeave, leave, refused, text, clear,
  };
}
