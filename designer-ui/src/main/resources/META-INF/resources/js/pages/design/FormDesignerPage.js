// The form designer (#/design/{app}/forms/{key}): palette, canvas and property panel over a working copy of the
// form definition (designer/formTree.js), with undo and redo, save as draft, publish, the server's problems shown
// on the fields they point at, a preview with test data, and a warning before unsaved work is left behind.
import { ref, reactive, computed, watch, provide, onMounted, onBeforeUnmount } from 'vue';
import { api, JsonText } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { route, href } from '../../router.js';
import { useFeedback } from '../../designer/feedback.js';
import { useLeaveGuard } from '../../designer/leaveGuard.js';
import { History } from '../../designer/history.js';
import { appForms, definitionPath, newFormName } from '../../designer/appForms.js';
import {
  emptyState, fromDefinition, toDefinition, nodeForPointer, locate, topFields, tabOf, addNear, dropNew, moveItem,
  removeNode, moveBy, duplicateField, splitRow,
} from '../../designer/formTree.js';
import DesignCanvas from '../../components/designer/DesignCanvas.js';
import DesignIcon from '../../components/designer/DesignIcon.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import FieldPalette from '../../components/designer/FieldPalette.js';
import FormPreview from '../../components/designer/FormPreview.js';
import PropertyPanel from '../../components/designer/PropertyPanel.js';

/** Typing is recorded for undo once it pauses; dropping, moving and removing are recorded at once. */
const RECORD_PAUSE_MS = 400;

export default {
  name: 'FormDesignerPage',
  components: { DesignCanvas, DesignIcon, DesignerBar, DesignerLeave, DesignerMessages, FieldPalette, FormPreview, PropertyPanel },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const formKey = computed(() => route.value.params.key);
    const state = reactive(emptyState('', { 'zh-CN': '', en: '' }));
    const loaded = ref(false);
    const { loadFailure, notice, failure, problems, clear } = useFeedback();
    const standing = reactive({ exists: false, hasDraft: false, publishedVersion: null });
    const selected = ref(null);
    const activeTab = ref(0);
    const dragging = ref(false);
    const view = ref('design');
    const busy = ref(false);
    const pointers = ref({});
    const forms = ref([]);
    const history = reactive(new History());
    const savedText = ref(null);

    const current = computed(() => toDefinition(state));
    const currentText = computed(() => JSON.stringify(current.value.definition));
    const dirty = computed(() => loaded.value && currentText.value !== savedText.value);

    // Undo and redo.
    const snapshot = () => JSON.stringify({ form: state.form, tabbed: state.tabbed, tabs: state.tabs });
    let recordTimer = null;
    function commit() {
      clearTimeout(recordTimer);
      history.record(snapshot());
    }
    watch(snapshot, () => {
      clearTimeout(recordTimer);
      recordTimer = setTimeout(commit, RECORD_PAUSE_MS);
    });
    function restore(text) {
      Object.assign(state, JSON.parse(text));
      if (selected.value && !locate(state, selected.value)) selected.value = null;
      activeTab.value = Math.min(activeTab.value, state.tabs.length - 1);
    }
    function undo() {
      commit();
      const previous = history.undo();
      if (previous) restore(previous);
    }
    function redo() {
      commit();
      const next = history.redo();
      if (next) restore(next);
    }

    // Loading.
    async function load() {
      loaded.value = false;
      loadFailure.value = null;
      clear();
      selected.value = null;
      activeTab.value = 0;
      view.value = 'design';
      try {
        const definition = await api.get(definitionPath(appKey.value, formKey.value));
        Object.assign(state, fromDefinition(JSON.parse(definition.content)));
        Object.assign(standing, { exists: true, hasDraft: definition.hasDraft, publishedVersion: definition.publishedVersion });
      } catch (problem) {
        if (problem.status !== 404) {
          loadFailure.value = problem;
          return;
        }
        // Not saved yet: a new form, named as the design home's "New form" asked.
        Object.assign(state, emptyState(formKey.value, newFormName(appKey.value, formKey.value)));
        Object.assign(standing, { exists: false, hasDraft: false, publishedVersion: null });
      }
      savedText.value = currentText.value;
      history.reset(snapshot());
      loaded.value = true;
      appForms(appKey.value).then(list => {
        forms.value = list;
      }, () => {
        forms.value = [];
      });
    }
    watch([appKey, formKey], ([app, key]) => {
      if (app && key) load();
    }, { immediate: true });

    // Problems the server found, on the nodes their pointers name.
    const located = computed(() => problems.value.map(problem => ({ ...problem, at: nodeForPointer(pointers.value, problem.pointer) })));
    const problemUids = computed(() => {
      const uids = new Set();
      for (const problem of located.value) {
        if (!problem.at) continue;
        uids.add(problem.at.uid);
        const tab = state.tabbed ? tabOf(state, problem.at.uid) : -1;
        if (tab >= 0) uids.add(state.tabs[tab].uid);
      }
      return uids;
    });
    const formProblems = computed(() => located.value.filter(problem => !problem.at || !locate(state, problem.at.uid))
      .map(problem => ({ rest: (problem.pointer || '').replace(/^\//, ''), message: problem.message })));
    function problemsOf(uid) {
      return located.value.filter(problem => problem.at?.uid === uid).map(problem => ({ rest: problem.at.rest, message: problem.message }));
    }
    const propInvalid = (uid, prop) => problemsOf(uid).some(problem => problem.rest === prop || problem.rest.startsWith(`${prop}/`));
    function describe(problem) {
      const node = problem.at && locate(state, problem.at.uid)?.node;
      if (!node) return problem.pointer || t('design.theForm');
      if (node.kind === 'field') return `${localName(node.field.label, node.field.key)} (${node.field.key})`;
      if (node.kind === 'row') return t('fieldType.row');
      return node.title ? localName(node.title, node.key) : node.key;
    }

    function select(uid) {
      selected.value = uid;
      if (uid && state.tabbed) {
        const tab = tabOf(state, uid);
        if (tab >= 0) activeTab.value = tab;
      }
    }
    function changed(node) {
      if (node) select(node.kind === 'tab' ? node.sections[0].uid : node.uid);
      if (node?.kind === 'tab') activeTab.value = state.tabs.indexOf(node);
      commit();
    }

    const designer = {
      state, selected, activeTab, dragging, forms: computed(() => forms.value.filter(form => form.key !== state.form.key)
        .concat([{ key: state.form.key, name: state.form.name }])
        .map(form => ({ key: form.key, label: `${localName(form.name, form.key)} (${form.key})` }))),
      select,
      hasProblems: uid => problemUids.value.has(uid),
      problemsOf,
      propInvalid,
      formProblems,
      add(kind) {
        changed(addNear(state, kind, selected.value, activeTab.value));
      },
      dropped(from, oldIndex, to, newIndex, kind) {
        changed(from.kind === 'palette' ? dropNew(state, kind, to, newIndex, activeTab.value) : moveItem(state, from, oldIndex, to, newIndex));
      },
      remove(uid) {
        if (removeNode(state, uid)) {
          if (selected.value === uid || !locate(state, selected.value)) selected.value = null;
          activeTab.value = Math.min(activeTab.value, state.tabs.length - 1);
          commit();
        }
      },
      moveBy(uid, delta) {
        if (moveBy(state, uid, delta)) commit();
      },
      duplicate(uid) {
        changed(duplicateField(state, uid));
      },
      splitRow(uid) {
        splitRow(state, uid);
        selected.value = null;
        commit();
      },
      /** The fields a lookup may show: this form's own, or another form's as last saved. */
      async fieldsOfForm(key) {
        const fields = key === state.form.key ? topFields(state).map(node => node.field)
          : forms.value.find(form => form.key === key)?.fields || [];
        return fields.filter(field => field.type !== 'subtable')
          .map(field => ({ key: field.key, label: `${localName(field.label, field.key)} (${field.key})` }));
      },
    };
    provide('designer', designer);

    // Saving and publishing.
    const path = () => definitionPath(appKey.value, formKey.value);
    function refused(answer, map) {
      failure.value = answer;
      problems.value = answer.problems || [];
      pointers.value = map;
      const first = located.value.find(problem => problem.at && locate(state, problem.at.uid));
      if (first) select(first.at.uid);
    }
    let lastSavedPointers = {};
    async function save() {
      const { definition, pointers: map } = current.value;
      const text = JSON.stringify(definition);
      busy.value = true;
      notice.value = null;
      failure.value = null;
      try {
        const saved = await api.put(path(), new JsonText(JSON.stringify(definition, null, 2)));
        savedText.value = text;
        lastSavedPointers = map;
        problems.value = [];
        Object.assign(standing, { exists: true, hasDraft: saved.hasDraft, publishedVersion: saved.publishedVersion });
        notice.value = { kind: 'saved', text: t('design.saved') };
        return true;
      } catch (answer) {
        refused(answer, map);
        return false;
      } finally {
        busy.value = false;
      }
    }
    async function publish() {
      if ((dirty.value || !standing.exists) && !(await save())) return;
      busy.value = true;
      notice.value = null;
      try {
        const version = await api.post(`${path()}/publish`, {});
        Object.assign(standing, { hasDraft: false, publishedVersion: version.version });
        notice.value = { kind: 'published', text: t('design.publishedNotice', { n: version.version }) };
      } catch (answer) {
        refused(answer, lastSavedPointers);
      } finally {
        busy.value = false;
      }
    }
    const mayPublish = computed(() => loaded.value && !busy.value && (dirty.value || standing.hasDraft || !standing.exists));
    const status = computed(() => {
      if (!standing.exists) return { text: t('design.status.new'), css: 'change-update' };
      if (dirty.value) return { text: t('design.status.unsaved'), css: 'change-update' };
      if (standing.hasDraft) {
        return standing.publishedVersion == null ? { text: t('design.status.draftOnly'), css: 'change-update' }
          : { text: t('design.status.publishedWithDraft', { n: standing.publishedVersion }), css: 'change-update' };
      }
      return { text: t('design.status.published', { n: standing.publishedVersion }), css: 'badge-ok' };
    });

    const { pendingLeave, leave } = useLeaveGuard(dirty);

    function onKey(event) {
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      if (mod && key === 's') {
        event.preventDefault();
        if (!busy.value && loaded.value) save();
        return;
      }
      // Inside a text box the keys keep their usual meaning (undo typing, delete a character).
      if (event.target.closest?.('input, textarea, select, [contenteditable]') || pendingLeave.value || view.value !== 'design') return;
      if (mod && !event.shiftKey && key === 'z') {
        event.preventDefault();
        undo();
      } else if (mod && (key === 'y' || (event.shiftKey && key === 'z'))) {
        event.preventDefault();
        redo();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.value) {
        event.preventDefault();
        designer.remove(selected.value);
      } else if (event.key === 'Escape') {
        selected.value = null;
      }
    }
    onMounted(() => document.addEventListener('keydown', onKey));
    onBeforeUnmount(() => {
      clearTimeout(recordTimer);
      document.removeEventListener('keydown', onKey);
    });

    return {
      t, localName, href, appKey, state, standing, loaded, loadFailure, view, busy, notice, failure, located, describe, history,
      dirty, status, mayPublish, pendingLeave, current, undo, redo, save, publish, leave, select, load,
    };
  },
  template: /* html */ `
    <div class="designer" data-test="form-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('design.allForms')" :can-undo="history.canUndo && view === 'design'"
                   :can-redo="history.canRedo && view === 'design'" :may-save="loaded && !busy" :may-publish="mayPublish"
                   @undo="undo" @redo="redo" @save="save" @publish="publish">
        <strong>{{ loaded ? localName(state.form.name, state.form.key) : '…' }}</strong>
        <span v-if="loaded" class="badge" :class="status.css" data-test="status" :data-version="standing.publishedVersion"
              :data-draft="standing.hasDraft ? 'true' : 'false'">{{ status.text }}</span>
        <template #views>
          <div class="segmented" role="tablist">
            <button type="button" role="tab" :aria-selected="view === 'design'" :class="{ active: view === 'design' }" data-test="view-design"
                    @click="view = 'design'"><DesignIcon name="design" :size="14" />{{ t('design.viewDesign') }}</button>
            <button type="button" role="tab" :aria-selected="view === 'preview'" :class="{ active: view === 'preview' }" data-test="view-preview"
                    :disabled="!loaded" @click="view = 'preview'"><DesignIcon name="eye" :size="14" />{{ t('design.viewPreview') }}</button>
          </div>
        </template>
      </DesignerBar>

      <DesignerMessages :load-failure="loadFailure" :notice="notice" :failure="failure" @retry="load" @close="failure = null">
        <ul v-if="located.length" class="problems">
          <li v-for="(problem, i) in located" :key="i">
            <button type="button" class="link-button" :data-pointer="problem.pointer" @click="problem.at ? select(problem.at.uid) : select(null); view = 'design'">{{ describe(problem) }}</button>
            <code v-if="problem.pointer">{{ problem.pointer }}</code><span>{{ problem.message }}</span>
          </li>
        </ul>
      </DesignerMessages>
      <template v-if="loaded">
        <div v-show="view === 'design'" class="designer-body">
          <FieldPalette />
          <DesignCanvas />
          <PropertyPanel />
        </div>
        <FormPreview v-if="view === 'preview'" :definition="current.definition" :app="appKey" />
      </template>
      <p v-if="!loaded && !loadFailure" class="designer-message muted">{{ t('common.loading') }}</p>
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('design.allForms')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
