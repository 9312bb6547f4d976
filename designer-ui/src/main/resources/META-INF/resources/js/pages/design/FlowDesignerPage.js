// The process designer (#/design/{app}/flows/{key}): the bpmn-js modeler on the process's BPMN and, beside it, the
// properties of the selected element, which write the process binding (designer/flowBinding.js) kept in step with
// the diagram. Save puts both drafts; publish publishes the process, then its binding. The server's problems are
// marked on the elements they are about and listed above the canvas.
import { ref, reactive, computed, provide, watch, nextTick, markRaw, onMounted, onBeforeUnmount } from 'vue';
import { api, JsonText, XmlText } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { route, href } from '../../router.js';
import { loadBpmn } from '../../bpmnLoader.js';
import { appForms } from '../../designer/appForms.js';
import { definitionPath, formFields } from '../../designer/appFlows.js';
import { useFeedback } from '../../designer/feedback.js';
import { useLeaveGuard } from '../../designer/leaveGuard.js';
import {
  newBinding, syncBinding, renameElement, bindingText, problemElement, problemText,
} from '../../designer/flowBinding.js';
import * as diagramOf from '../../designer/bpmnDiagram.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import FlowPropertyPanel from '../../components/designer/FlowPropertyPanel.js';

const KINDS = ['process', 'flow'];

export default {
  name: 'FlowDesignerPage',
  components: { DesignerBar, DesignerLeave, DesignerMessages, FlowPropertyPanel },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const flowKey = computed(() => route.value.params.key);
    const canvasEl = ref(null);
    const loaded = ref(false);
    const { loadFailure, notice, failure, problems, clear } = useFeedback();
    const standing = reactive({ process: {}, flow: {} });
    const binding = ref(newBinding('', ''));
    const diagram = ref({ userTasks: [], flows: [], gateways: [] });
    const selected = ref(null);
    const processName = ref('');
    const forms = ref([]);
    const form = reactive({ fields: [], published: true, failure: null });
    const users = ref([]);
    const roles = ref([]);
    const busy = ref(false);
    const stack = reactive({ canUndo: false, canRedo: false, version: 0, savedVersion: 0 });
    const savedBinding = ref('');
    // Settings of tasks and conditions of flows the diagram lost, for an undo to bring back.
    const memory = { tasks: {}, flows: {} };
    let modeler = null;

    const dirty = computed(() => loaded.value && (stack.version !== stack.savedVersion || bindingText(binding.value) !== savedBinding.value));

    function drawConditions() {
      diagramOf.showConditions(modeler, Object.fromEntries((binding.value.flows || []).map(flow => [flow.id, flow.condition])));
    }

    function refresh() {
      diagram.value = diagramOf.describeDiagram(modeler);
      syncBinding(binding.value, diagram.value, memory);
      drawConditions();
      processName.value = diagramOf.processName(modeler);
      const chosen = modeler.get('selection').get();
      selected.value = chosen.length === 1 ? diagramOf.describeElement(chosen[0]) : null;
    }

    async function createModeler() {
      const BpmnJS = await loadBpmn('modeler');
      modeler = markRaw(new BpmnJS({ container: canvasEl.value, keyboard: { bindTo: document } }));
      // Tests drive the diagram through the modeler on its container; the page exposes nothing global.
      canvasEl.value.bpmnModeler = modeler;
      const events = modeler.get('eventBus');
      events.on('selection.changed', ({ newSelection }) => {
        selected.value = newSelection.length === 1 ? diagramOf.describeElement(newSelection[0]) : null;
      });
      events.on('element.updateId', ({ element, newId }) => renameElement(binding.value, element.id, newId));
      events.on('commandStack.changed', () => {
        const commands = modeler.get('commandStack');
        stack.canUndo = commands.canUndo();
        stack.canRedo = commands.canRedo();
        stack.version++;
        refresh();
      });
    }

    async function load() {
      loaded.value = false;
      loadFailure.value = null;
      clear();
      try {
        const [process, flow] = await Promise.all(KINDS.map(kind => api.get(definitionPath(appKey.value, kind, flowKey.value))
          .catch(answer => (kind === 'flow' && answer.status === 404 ? null : Promise.reject(answer)))));
        standing.process = { exists: true, hasDraft: process.hasDraft, publishedVersion: process.publishedVersion };
        standing.flow = flow ? { exists: true, hasDraft: flow.hasDraft, publishedVersion: flow.publishedVersion } : { exists: false };
        // A process imported without a binding gets one here, bound to a form once the analyst picks it.
        binding.value = flow ? JSON.parse(flow.content) : newBinding(flowKey.value, '');
        loaded.value = true;
        await nextTick();
        if (!modeler) await createModeler();
        await modeler.importXML(process.content);
        fitIfLarge();
        stack.version = stack.savedVersion = 0;
        stack.canUndo = stack.canRedo = false;
        refresh();
        savedBinding.value = bindingText(binding.value);
      } catch (answer) {
        loaded.value = false;
        loadFailure.value = answer;
        return;
      }
      Promise.all([
        appForms(appKey.value).then(list => { forms.value = list; }),
        api.get('/api/directory/users?size=200').then(list => { users.value = list; }),
        api.get('/api/directory/roles').then(list => { roles.value = list; }),
      ]).catch(answer => { failure.value = answer; });
    }

    /** A small diagram stays at its natural size; one larger than the canvas is fitted into it. */
    function fitIfLarge() {
      const canvas = modeler.get('canvas');
      const { inner, outer } = canvas.viewbox();
      if (inner.width > outer.width || inner.height > outer.height) canvas.zoom('fit-viewport', 'auto');
    }

    watch([appKey, flowKey], ([app, key]) => {
      if (app && key) load();
    }, { immediate: true });

    watch(() => binding.value.form, async key => {
      form.fields = [];
      form.failure = null;
      if (!key) return;
      try {
        Object.assign(form, await formFields(appKey.value, key));
      } catch (answer) {
        form.failure = answer;
      }
    });

    // The server's problems, each on the element it is about when it names one.
    const located = computed(() => problems.value.map(problem => ({
      ...problem, element: problemElement(problem.kind, problem, problem.binding), text: problemText(problem),
    })));
    watch(located, list => {
      if (!modeler) return;
      const byElement = {};
      for (const problem of list) {
        if (problem.element) (byElement[problem.element] ||= []).push(problem.text);
      }
      diagramOf.markProblems(modeler, byElement);
    });
    watch(() => JSON.stringify(binding.value.flows || []), () => modeler && drawConditions());
    function problemsOf(id) {
      return located.value.filter(problem => problem.element === id);
    }
    function describe(problem) {
      if (!problem.element) return problem.kind === 'process' ? t('flow.theProcess') : t('flow.theBinding');
      const task = diagram.value.userTasks.find(candidate => candidate.id === problem.element);
      return task?.name ? `${task.name} (${problem.element})` : problem.element;
    }
    function showProblem(problem) {
      if (problem.element) diagramOf.select(modeler, problem.element);
    }

    const flow = {
      binding, diagram, selected, processName, forms, form, users, roles, problemsOf,
      publishedForms: computed(() => forms.value.filter(candidate => candidate.publishedVersion != null || candidate.key === binding.value.form)
        .map(candidate => ({ key: candidate.key, label: `${localName(candidate.name, candidate.key)} (${candidate.key})` }))),
      task: id => binding.value.tasks.find(task => task.id === id),
      setProcessName: name => diagramOf.setProcessName(modeler, name),
      setName: (id, name) => diagramOf.setName(modeler, id, name),
      setId: (id, to) => diagramOf.setId(modeler, id, to),
      setMultiInstance: (id, on) => diagramOf.setMultiInstance(modeler, id, on),
      setDefaultFlow: (gateway, id, on) => diagramOf.setDefaultFlow(modeler, gateway, id, on),
      makeUserTask: id => diagramOf.makeUserTask(modeler, id),
      select: id => diagramOf.select(modeler, id),
    };
    provide('flow', flow);

    // Saving and publishing.
    function refusal(kind, answer) {
      const list = answer.problems?.length ? answer.problems : [{ pointer: '', message: answer.message }];
      const snapshot = JSON.parse(bindingText(binding.value));
      return list.map(problem => ({ ...problem, kind, binding: snapshot }));
    }
    /** Shows the first refusal's message, every refusal's problems, and selects the first element concerned. */
    function refused(refusals) {
      failure.value = refusals[0][1];
      problems.value = refusals.flatMap(([kind, answer]) => refusal(kind, answer));
      const first = located.value.find(problem => problem.element);
      if (first) showProblem(first);
    }
    async function save() {
      busy.value = true;
      clear();
      const version = stack.version;
      const bindingNow = bindingText(binding.value);
      const { xml } = await modeler.saveXML({ format: true });
      const answers = await Promise.allSettled([
        api.put(definitionPath(appKey.value, 'process', flowKey.value), new XmlText(xml)),
        api.put(definitionPath(appKey.value, 'flow', flowKey.value), new JsonText(bindingNow)),
      ]);
      busy.value = false;
      answers.forEach((answer, i) => {
        if (answer.status === 'fulfilled') {
          standing[KINDS[i]] = { exists: true, hasDraft: answer.value.hasDraft, publishedVersion: answer.value.publishedVersion };
        }
      });
      if (answers[0].status === 'fulfilled') stack.savedVersion = version;
      if (answers[1].status === 'fulfilled') savedBinding.value = bindingNow;
      const refusals = answers.flatMap((answer, i) => (answer.status === 'rejected' ? [[KINDS[i], answer.reason]] : []));
      if (refusals.length) {
        refused(refusals);
        return false;
      }
      notice.value = { kind: 'saved', text: t('design.saved') };
      return true;
    }
    async function publish() {
      if ((dirty.value || !standing.flow.exists) && !(await save())) return;
      busy.value = true;
      notice.value = null;
      for (const kind of KINDS) {
        if (!standing[kind].hasDraft) continue;
        try {
          const version = await api.post(`${definitionPath(appKey.value, kind, flowKey.value)}/publish`, {});
          standing[kind] = { exists: true, hasDraft: false, publishedVersion: version.version };
        } catch (answer) {
          busy.value = false;
          refused([[kind, answer]]);
          return;
        }
      }
      busy.value = false;
      notice.value = { kind: 'published', text: t('flow.publishedNotice', { n: standing.flow.publishedVersion }) };
    }
    const mayPublish = computed(() => loaded.value && !busy.value
      && (dirty.value || standing.process.hasDraft || standing.flow.hasDraft || !standing.flow.exists));
    const status = computed(() => {
      if (dirty.value) return { text: t('design.status.unsaved'), css: 'change-update' };
      const drafts = standing.process.hasDraft || standing.flow.hasDraft || !standing.flow.exists;
      const version = standing.flow.publishedVersion;
      if (version == null) return { text: t('design.status.draftOnly'), css: 'change-update' };
      if (drafts) return { text: t('design.status.publishedWithDraft', { n: version }), css: 'change-update' };
      return { text: t('design.status.published', { n: version }), css: 'badge-ok' };
    });

    function undo() {
      modeler.get('commandStack').undo();
    }
    function redo() {
      modeler.get('commandStack').redo();
    }

    const { pendingLeave, leave } = useLeaveGuard(dirty);
    function onKey(event) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!busy.value && loaded.value) save();
      }
    }
    onMounted(() => document.addEventListener('keydown', onKey));
    onBeforeUnmount(() => {
      document.removeEventListener('keydown', onKey);
      modeler?.destroy();
    });

    return {
      t, href, appKey, flowKey, canvasEl, loaded, loadFailure, standing, processName, busy, notice, failure, located, describe,
      showProblem, stack, dirty, status, mayPublish, save, publish, undo, redo, load, pendingLeave, leave,
    };
  },
  template: /* html */ `
    <div class="designer flow-designer" data-test="flow-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('flow.allProcesses')" :can-undo="stack.canUndo" :can-redo="stack.canRedo"
                   :may-save="loaded && !busy" :may-publish="mayPublish" @undo="undo" @redo="redo" @save="save" @publish="publish">
        <strong>{{ processName || flowKey }}</strong>
        <span v-if="loaded" class="badge" :class="status.css" data-test="status" :data-version="standing.flow.publishedVersion"
              :data-process-version="standing.process.publishedVersion">{{ status.text }}</span>
      </DesignerBar>

      <DesignerMessages :load-failure="loadFailure" :notice="notice" :failure="failure" @retry="load" @close="failure = null">
        <ul v-if="located.length" class="problems">
          <li v-for="(problem, i) in located" :key="i" :data-element="problem.element">
            <button type="button" class="link-button" :disabled="!problem.element" @click="showProblem(problem)">{{ describe(problem) }}</button>
            <code v-if="problem.pointer && problem.pointer !== problem.element">{{ problem.pointer }}</code><span>{{ problem.text }}</span>
          </li>
        </ul>
      </DesignerMessages>
      <div v-show="loaded" class="flow-body">
        <div ref="canvasEl" class="flow-canvas" data-test="bpmn-canvas"></div>
        <FlowPropertyPanel v-if="loaded" />
      </div>
      <p v-if="!loaded && !loadFailure" class="designer-message muted">{{ t('common.loading') }}</p>
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('flow.allProcesses')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
