// The rule set designer (#/design/{app}/rules/{key}): on the left the rule set's settings (name, form, trigger) and
// its rules; in the middle the selected one — the trigger picker, or a rule's condition builder and actions; on the
// right the simulation panel. Save draft and publish go through the metadata repository; the server's problems are
// listed above and shown on the rule, condition node or action their pointers name.
import { ref, computed, provide, watch } from 'vue';
import { api } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { route, href } from '../../router.js';
import { appForms } from '../../designer/appForms.js';
import { useDefinitionEditor } from '../../designer/definitionEditor.js';
import {
  TRIGGER_TYPES, TASK_TRIGGERS, triggerOfType, scheduleOf, conditionFields, newComparison, actionOfType, nextRuleKey,
  ruleOfPointer, problemsAt,
} from '../../designer/ruleSet.js';
import ChipPicker from '../../components/designer/ChipPicker.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import ActionEditor from '../../components/rules/ActionEditor.js';
import ConditionNode from '../../components/rules/ConditionNode.js';
import SimulationPanel from '../../components/rules/SimulationPanel.js';
import TextPair from '../../components/rules/TextPair.js';

const DATE_TYPES = ['date', 'datetime'];

export default {
  name: 'RuleDesignerPage',
  components: { ActionEditor, ChipPicker, ConditionNode, DesignerBar, DesignerLeave, DesignerMessages, SimulationPanel, TextPair },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const ruleSetKey = computed(() => route.value.params.key);
    const editor = useDefinitionEditor('rules', appKey, ruleSetKey);
    const { doc, problems, commit } = editor;
    const selected = ref('settings');
    const forms = ref([]);
    const users = ref([]);
    const roles = ref([]);
    const processes = ref([]);
    const webhooks = ref([]);
    const sideFailure = ref(null);
    api.get('/api/webhooks').then(list => { webhooks.value = list; }).catch(() => {});

    watch(appKey, async app => {
      try {
        const [formList, userList, roleList, flows] = await Promise.all([
          appForms(app), api.get('/api/directory/users?size=200'), api.get('/api/directory/roles'),
          api.get(`/api/apps/${encodeURIComponent(app)}/definitions?kind=process`),
        ]);
        forms.value = formList;
        users.value = userList;
        roles.value = roleList;
        processes.value = flows.map(flow => flow.key);
      } catch (failure) {
        sideFailure.value = failure;
      }
    }, { immediate: true });
    watch(editor.loaded, loaded => {
      if (loaded && selected.value !== 'settings' && !doc.value.rules[selected.value]) selected.value = 'settings';
    });

    const form = computed(() => forms.value.find(candidate => candidate.key === doc.value?.form) || null);
    const formFields = computed(() => form.value?.fields || []);
    const fields = computed(() => conditionFields(formFields.value, forms.value));
    const fieldKeys = computed(() => formFields.value.map(field => field.key));
    provide('rules', { problems, fields, formFields, fieldKeys, forms, users, roles, processes, webhooks });

    const rule = computed(() => (typeof selected.value === 'number' ? doc.value?.rules[selected.value] : null));
    const rulePointer = computed(() => `/rules/${selected.value}`);

    // Trigger.
    const trigger = computed(() => doc.value.trigger);
    const scheduleMode = computed(() => (trigger.value.relativeTo ? 'relative' : 'cron'));
    const dateFields = computed(() => formFields.value.filter(field => DATE_TYPES.includes(field.type)));
    const fieldOptions = computed(() => fields.value.map(field => ({ value: field.path, label: `${localName(field.label, field.key)} (${field.path})` })));
    function setTriggerType(type) {
      doc.value.trigger = triggerOfType(trigger.value, type, fields.value.map(field => field.path));
      commit();
    }
    function setSchedule(mode) {
      doc.value.trigger = scheduleOf(trigger.value, mode, dateFields.value[0]?.key);
      commit();
    }
    /** Days before a date are stored negative, after it positive. */
    function setDays(amount, direction) {
      const days = Math.abs(Number(amount) || 0);
      trigger.value.relativeTo.days = direction === 'before' ? -days : days;
    }
    function setTask(task) {
      if (task.trim()) trigger.value.task = task.trim();
      else delete trigger.value.task;
    }

    // Rules.
    function addRule() {
      const rules = doc.value.rules;
      const n = rules.length + 1;
      rules.push({
        key: nextRuleKey(rules), name: { 'zh-CN': `规则 ${n}`, en: `Rule ${n}` },
        condition: { all: [newComparison(fields.value[0])] }, actions: [actionOfType('notify')],
      });
      selected.value = rules.length - 1;
      commit();
    }
    function removeRule(index) {
      doc.value.rules.splice(index, 1);
      selected.value = doc.value.rules.length ? Math.min(index, doc.value.rules.length - 1) : 'settings';
      commit();
    }
    function moveRule(index, delta) {
      const rules = doc.value.rules;
      const to = index + delta;
      if (to < 0 || to >= rules.length) return;
      rules.splice(to, 0, ...rules.splice(index, 1));
      selected.value = to;
      commit();
    }
    function setPriority(text) {
      if (text === '' || !Number.isInteger(Number(text))) delete rule.value.priority;
      else rule.value.priority = Number(text);
    }
    function addCondition() {
      rule.value.condition = { all: [newComparison(fields.value[0])] };
      commit();
    }
    function removeCondition() {
      delete rule.value.condition;
      commit();
    }
    function addAction() {
      rule.value.actions.push(actionOfType('notify'));
      commit();
    }
    function removeAction(index) {
      rule.value.actions.splice(index, 1);
      commit();
    }

    // Problems.
    const located = computed(() => problems.value.map(problem => ({ ...problem, ...ruleOfPointer(problem.pointer) })));
    const settingsProblems = computed(() => located.value.filter(problem => problem.rule == null));
    const ruleProblemCount = index => located.value.filter(problem => problem.rule === index).length;
    const triggerProblems = computed(() => problemsAt(problems.value, '/trigger', { within: true }));
    // The rule's own: at it, its key, name and priority, or its list of actions as a whole (each action shows its own).
    const ruleOwnProblems = computed(() => problemsAt(problems.value, rulePointer.value, { members: ['key', 'name', 'priority'] })
      .concat(problems.value.filter(problem => problem.pointer === `${rulePointer.value}/actions`)));
    const invalidAt = pointer => problems.value.some(problem => problem.pointer === pointer || problem.pointer?.startsWith(`${pointer}/`));
    function describe(problem) {
      if (problem.rule == null) return problem.pointer?.startsWith('/trigger') ? t('rules.trigger') : t('rules.settings');
      const target = doc.value.rules[problem.rule];
      return target ? `${localName(target.name, target.key)} (${target.key})` : `#${problem.rule + 1}`;
    }
    function showProblem(problem) {
      selected.value = problem.rule == null ? 'settings' : problem.rule;
    }
    watch(problems, list => {
      const first = list.map(problem => ruleOfPointer(problem.pointer)).find(place => place.rule != null);
      if (first && doc.value.rules[first.rule]) selected.value = first.rule;
      else if (list.length) selected.value = 'settings';
    });

    const simulationForm = computed(() => (form.value ? { key: form.value.key, fields: form.value.fields } : null));
    const ruleNames = computed(() => Object.fromEntries((doc.value?.rules || []).map(r => [r.key, localName(r.name, r.key)])));

    return {
      t, localName, href, appKey, ruleSetKey, ...editor, selected, forms, sideFailure, form, fields, rule, rulePointer, trigger,
      scheduleMode, dateFields, fieldOptions, setTriggerType, setSchedule, setDays, setTask, addRule, removeRule, moveRule,
      setPriority, addCondition, removeCondition, addAction, removeAction, located, settingsProblems, ruleProblemCount,
      triggerProblems, ruleOwnProblems, invalidAt, describe, showProblem, simulationForm, ruleNames, TRIGGER_TYPES, TASK_TRIGGERS,
    };
  },
  template: /* html */ `
    <div class="designer rule-designer" data-test="rule-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('rules.allRules')" :can-undo="history.canUndo" :can-redo="history.canRedo"
                   :may-save="loaded && !busy" :may-publish="mayPublish" @undo="undo" @redo="redo" @save="save" @publish="publish">
        <strong>{{ doc ? localName(doc.name, ruleSetKey) : ruleSetKey }}</strong>
        <span class="muted small">{{ t('rules.ruleSet') }} · <code>{{ ruleSetKey }}</code></span>
        <span v-if="loaded" class="badge" :class="status.css" data-test="status" :data-version="standing.publishedVersion">{{ status.text }}</span>
      </DesignerBar>

      <DesignerMessages :load-failure="loadFailure" :notice="notice" :failure="failure" @retry="load" @close="failure = null">
        <ul v-if="located.length" class="problems">
          <li v-for="(problem, i) in located" :key="i" :data-pointer="problem.pointer" :data-rule="problem.rule">
            <button type="button" class="link-button" @click="showProblem(problem)">{{ describe(problem) }}</button>
            <code v-if="problem.pointer">{{ problem.pointer }}</code><span>{{ problem.message }}</span>
          </li>
        </ul>
      </DesignerMessages>

      <div v-if="loaded && doc" class="rule-body">
        <nav class="rule-side" data-test="rule-list">
          <button type="button" class="rule-item rule-settings" :class="{ selected: selected === 'settings', invalid: settingsProblems.length }"
                  data-test="select-settings" @click="selected = 'settings'">
            <span class="rule-item-name">{{ t('rules.settings') }}</span>
            <span class="muted small">{{ t('rules.trigger.' + doc.trigger.type) }}</span>
          </button>
          <div class="rule-side-head"><span>{{ t('rules.rules') }}</span>
            <button type="button" class="button button-small" data-test="add-rule" @click="addRule">+ {{ t('rules.addRule') }}</button></div>
          <button v-for="(r, i) in doc.rules" :key="i" type="button" class="rule-item" :class="{ selected: selected === i, invalid: ruleProblemCount(i) }"
                  data-test="rule-item" :data-rule="r.key" @click="selected = i">
            <span class="rule-item-name">{{ localName(r.name, r.key) }}</span>
            <span class="muted small"><code>{{ r.key }}</code><template v-if="r.priority != null"> · {{ t('rules.priority') }} {{ r.priority }}</template></span>
            <span v-if="ruleProblemCount(i)" class="badge badge-error rule-item-badge">{{ ruleProblemCount(i) }}</span>
          </button>
        </nav>

        <main class="rule-main">
          <section v-if="selected === 'settings'" class="rule-card" data-test="settings">
            <h2>{{ t('rules.settings') }}</h2>
            <TextPair name="name" :label="t('rules.ruleSetName')" :model-value="doc.name" :invalid="invalidAt('/name')" @update:model-value="v => doc.name = v" />
            <label class="field"><span>{{ t('rules.form') }}</span>
              <select name="form" :value="doc.form" :aria-invalid="invalidAt('/form') ? 'true' : null" @change="doc.form = $event.target.value; commit()">
                <option v-if="!form" :value="doc.form">{{ doc.form }}</option>
                <option v-for="f in forms" :key="f.key" :value="f.key">{{ localName(f.name, f.key) }} ({{ f.key }})</option>
              </select></label>
            <div class="trigger" data-test="trigger" :class="{ invalid: triggerProblems.length }">
              <label class="field"><span>{{ t('rules.trigger') }}</span>
                <select name="triggerType" :value="trigger.type" @change="setTriggerType($event.target.value)">
                  <option v-for="type in TRIGGER_TYPES" :key="type" :value="type">{{ t('rules.trigger.' + type) }}</option>
                </select></label>
              <p class="muted small trigger-hint">{{ t('rules.triggerHint.' + trigger.type) }}</p>
              <div v-if="trigger.type === 'field_changed'" class="field"><span>{{ t('rules.changedFields') }}</span>
                <ChipPicker name="triggerFields" :model-value="trigger.fields || []" :options="fieldOptions"
                            @update:model-value="v => { trigger.fields = v; commit(); }" /></div>
              <template v-if="trigger.type === 'schedule'">
                <div class="segmented" role="group">
                  <button type="button" :class="{ active: scheduleMode === 'cron' }" data-test="schedule-cron" @click="setSchedule('cron')">{{ t('rules.scheduleCron') }}</button>
                  <button type="button" :class="{ active: scheduleMode === 'relative' }" data-test="schedule-relative" @click="setSchedule('relative')">{{ t('rules.scheduleRelative') }}</button>
                </div>
                <label v-if="scheduleMode === 'cron'" class="field trigger-member"><span>{{ t('rules.cron') }}</span>
                  <input name="cron" spellcheck="false" :value="trigger.cron" :aria-invalid="invalidAt('/trigger/cron') ? 'true' : null" @input="trigger.cron = $event.target.value">
                  <small class="muted">{{ t('rules.cronHint') }}</small></label>
                <div v-else class="relative-to trigger-member">
                  <input name="days" type="number" min="0" max="3650" :value="Math.abs(trigger.relativeTo.days)"
                         @input="setDays($event.target.value, trigger.relativeTo.days < 0 ? 'before' : 'after')">
                  <span>{{ t('rules.days') }}</span>
                  <select name="direction" :value="trigger.relativeTo.days < 0 ? 'before' : 'after'" @change="setDays(Math.abs(trigger.relativeTo.days), $event.target.value)">
                    <option value="before">{{ t('rules.before') }}</option><option value="after">{{ t('rules.after') }}</option></select>
                  <select name="dateField" :value="trigger.relativeTo.field" @change="trigger.relativeTo.field = $event.target.value">
                    <option value="" disabled>{{ t('rules.chooseDateField') }}</option>
                    <option v-for="f in dateFields" :key="f.key" :value="f.key">{{ localName(f.label, f.key) }} ({{ f.key }})</option></select>
                </div>
              </template>
              <label v-if="TASK_TRIGGERS.includes(trigger.type)" class="field trigger-member"><span>{{ t('rules.task') }}</span>
                <input name="task" spellcheck="false" :value="trigger.task || ''" placeholder="review" @input="setTask($event.target.value)">
                <small class="muted">{{ t('rules.taskHint') }}</small></label>
              <ul v-if="triggerProblems.length" class="cond-problems"><li v-for="(p, i) in triggerProblems" :key="i">{{ p.message }}</li></ul>
            </div>
          </section>

          <section v-else-if="rule" class="rule-card" data-test="rule-editor" :data-rule="rule.key" :data-pointer="rulePointer">
            <div class="rule-card-head">
              <h2>{{ localName(rule.name, rule.key) }}</h2>
              <span class="rule-card-tools">
                <button type="button" class="icon-button" data-test="rule-up" :title="t('rules.moveUp')" :disabled="selected === 0" @click="moveRule(selected, -1)">↑</button>
                <button type="button" class="icon-button" data-test="rule-down" :title="t('rules.moveDown')" :disabled="selected === doc.rules.length - 1" @click="moveRule(selected, 1)">↓</button>
                <button type="button" class="button button-small button-danger-ghost" data-test="remove-rule" :disabled="doc.rules.length < 2" @click="removeRule(selected)">{{ t('rules.removeRule') }}</button>
              </span>
            </div>
            <ul v-if="ruleOwnProblems.length" class="cond-problems" data-test="rule-problems"><li v-for="(p, i) in ruleOwnProblems" :key="i">{{ p.message }}</li></ul>
            <div class="rule-ident">
              <label class="field"><span>{{ t('rules.ruleKey') }}</span>
                <input name="ruleKey" spellcheck="false" :value="rule.key" :aria-invalid="invalidAt(rulePointer + '/key') ? 'true' : null" @input="rule.key = $event.target.value.trim()"></label>
              <label class="field"><span>{{ t('rules.priority') }}</span>
                <input name="priority" type="number" min="-1000" max="1000" :value="rule.priority ?? ''" :placeholder="t('rules.priorityHint')" @change="setPriority($event.target.value)"></label>
            </div>
            <TextPair name="ruleName" :label="t('rules.ruleName')" :model-value="rule.name" :invalid="invalidAt(rulePointer + '/name')" @update:model-value="v => rule.name = v" />

            <h3 class="rule-part">{{ t('rules.when') }}</h3>
            <ConditionNode v-if="rule.condition" :node="rule.condition" :pointer="rulePointer + '/condition'" :fields="fields" root
                           @remove="removeCondition" @changed="commit" />
            <div v-else class="cond-always"><span class="muted">{{ t('rules.always') }}</span>
              <button type="button" class="button button-small" data-test="add-condition" @click="addCondition">+ {{ t('rules.addCondition') }}</button></div>

            <h3 class="rule-part">{{ t('rules.then') }}</h3>
            <ActionEditor v-for="(action, i) in rule.actions" :key="i + ':' + action.type" :action="action" :index="i" :pointer="rulePointer + '/actions/' + i"
                          @remove="removeAction(i)" @changed="commit" />
            <button type="button" class="button button-small" data-test="add-action" @click="addAction">+ {{ t('rules.addAction') }}</button>
          </section>
        </main>

        <SimulationPanel kind="rules" :app="appKey" :definition-key="ruleSetKey" :form="simulationForm" :prepare="saveIfDirty" :names="ruleNames" />
      </div>
      <p v-if="!loaded && !loadFailure" class="designer-message muted">{{ t('common.loading') }}</p>
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('rules.allRules')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
