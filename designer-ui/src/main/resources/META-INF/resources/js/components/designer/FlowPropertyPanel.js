// The right of the process designer: the properties of the selected BPMN element, or of the process when nothing
// is selected. Names, ids, multi-instance markers and default flows go into the BPMN through the modeler (so the
// modeler's undo covers them); who is assigned, what they may do and see, countersigning, SLA and conditions go
// into the process binding.
import { computed, inject, ref, watch, onBeforeUnmount } from 'vue';
import { t, localName, zhEnName } from '../../i18n.js';
import {
  ACTIONS, ASSIGNMENT_TYPES, OVERDUE_ACTIONS, COUNTERSIGN_MODES, ACCESS, ELEMENT_ID_PATTERN, assignmentOfType, durationParts,
  durationText, accessRows, accessOf, setAccess, assignmentFields, flowRole, conditionOf, setCondition, setElementName,
} from '../../designer/flowBinding.js';
import ChipPicker from './ChipPicker.js';
import FormulaInput from './FormulaInput.js';

/** Names are typed into the BPMN once typing pauses, so that one name is one step to undo. */
const NAME_PAUSE_MS = 350;

/**
 * The whole number typed, when it is one within the bounds; else null, and the model keeps its value (so that
 * clearing a number box to type another does not put a default back under the cursor).
 */
function wholeIn(text, min, max) {
  const value = Number(text);
  return text !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Name and id of an element: the name is free text, the id an XML name no other element has. */
const ElementNaming = {
  name: 'ElementNaming',
  props: { element: { type: Object, required: true } },
  setup(props) {
    const flow = inject('flow');
    const name = ref(props.element.name);
    const idProblem = ref(null);
    let timer = null;
    watch(() => props.element.name, value => {
      if (!timer) name.value = value;
    });
    function commitName() {
      clearTimeout(timer);
      timer = null;
      if (name.value !== props.element.name) flow.setName(props.element.id, name.value);
    }
    function typed(value) {
      name.value = value;
      clearTimeout(timer);
      timer = setTimeout(commitName, NAME_PAUSE_MS);
    }
    onBeforeUnmount(commitName);
    function changeId(event) {
      const to = event.target.value.trim();
      idProblem.value = ELEMENT_ID_PATTERN.test(to) ? null : t('flow.idPattern');
      if (!idProblem.value) idProblem.value = flow.setId(props.element.id, to) && t('flow.idTaken');
      if (idProblem.value) event.target.value = props.element.id;
    }
    const translated = computed(() => flow.binding.value.names?.[props.element.id] || {});
    const translate = (language, text) =>
      setElementName(flow.binding.value, props.element.id, language, text, props.element.name);
    return { t, name, typed, commitName, idProblem, changeId, translated, translate };
  },
  template: /* html */ `
    <div class="prop-pair">
      <label class="field"><span>{{ t('flow.name') }}</span>
        <input name="name" :value="name" @input="typed($event.target.value)" @blur="commitName"></label>
      <label class="field"><span>{{ t('flow.id') }}</span>
        <input name="id" :value="element.id" spellcheck="false" autocomplete="off" :aria-invalid="idProblem ? 'true' : null" @change="changeId"></label>
    </div>
    <p v-if="idProblem" class="prop-error prop-hint">{{ idProblem }}</p>
    <div class="prop-pair">
      <label class="field"><span>{{ t('flow.nameZh') }}</span>
        <input name="name-zh-CN" :value="translated['zh-CN'] || ''" :placeholder="element.name"
               @change="translate('zh-CN', $event.target.value)"></label>
      <label class="field"><span>{{ t('flow.nameEn') }}</span>
        <input name="name-en" :value="translated.en || ''" :placeholder="element.name"
               @change="translate('en', $event.target.value)"></label>
    </div>
    <p class="muted small prop-hint">{{ t('flow.namesHint') }}</p>`,
};

const TaskProperties = {
  name: 'TaskProperties',
  components: { ChipPicker, ElementNaming },
  props: { element: { type: Object, required: true } },
  setup(props) {
    const flow = inject('flow');
    const task = computed(() => flow.task(props.element.id));
    const userOptions = computed(() => flow.users.value.map(user => ({ value: user.username, label: `${user.displayName} (${user.username})` })));
    const roleOptions = computed(() => flow.roles.value.map(role => ({ value: role.key, label: `${zhEnName(role)} (${role.key})` })));
    const fieldChoices = computed(() => {
      const type = task.value.assignment.type;
      const keys = assignmentFields(flow.form.fields, type);
      const current = task.value.assignment.field;
      return current && !keys.includes(current) ? [current, ...keys] : keys;
    });
    const fieldLabel = key => {
      const field = flow.form.fields.find(candidate => candidate.key === key);
      return field ? `${localName(field.label, key)} (${key})` : key;
    };
    const rows = computed(() => accessRows(flow.form.fields));
    const due = computed(() => durationParts(task.value.sla?.due) || { amount: 2, unit: 'days' });

    function setType(type) {
      task.value.assignment = assignmentOfType(task.value.assignment, type);
    }
    function setList(member, values) {
      const assignment = { ...task.value.assignment, [member]: values };
      // Candidates need at least one of the two lists, and an empty list is no list at all.
      if (assignment.type === 'candidates' && !values.length) delete assignment[member];
      task.value.assignment = assignment;
    }
    function setFallback(type) {
      task.value.fallback = type === 'user' ? { type, user: task.value.fallback.user || 'admin' } : { type };
    }
    function toggleAction(action, on) {
      const chosen = new Set(task.value.actions);
      if (on) chosen.add(action);
      else chosen.delete(action);
      task.value.actions = ACTIONS.filter(candidate => chosen.has(candidate));
    }
    function setCountersign(mode, percentage) {
      task.value.countersign = mode === 'percentage' ? { mode, percentage: wholeIn(percentage, 1, 100) ?? 50 } : { mode };
    }
    function setPercentage(text) {
      if (wholeIn(text, 1, 100) != null) setCountersign('percentage', text);
    }
    function setLevels(text) {
      const levels = wholeIn(text, 1, 10);
      if (levels != null) task.value.assignment.levels = levels;
    }
    function setSla(on) {
      if (on) task.value.sla = { due: 'P2D', onOverdue: 'remind' };
      else delete task.value.sla;
    }
    function setDue(amount, unit) {
      if (wholeIn(amount, 1, 9999) != null) task.value.sla = { ...task.value.sla, due: durationText(amount, unit) };
    }
    const problems = computed(() => flow.problemsOf(props.element.id));
    return {
      t, localName, flow, task, userOptions, roleOptions, fieldChoices, fieldLabel, rows, due, setType, setList, setFallback,
      toggleAction, setCountersign, setPercentage, setLevels, setSla, setDue, problems, ASSIGNMENT_TYPES, ACTIONS, OVERDUE_ACTIONS, COUNTERSIGN_MODES,
      ACCESS, accessOf, setAccess,
    };
  },
  template: /* html */ `
    <div v-if="task" data-test="task-properties">
      <ElementNaming :element="element" />

      <h3 class="props-section">{{ t('flow.assignee') }}</h3>
      <label class="field"><span>{{ t('flow.assignmentType') }}</span>
        <select name="assignmentType" :value="task.assignment.type" @change="setType($event.target.value)">
          <option v-for="type in ASSIGNMENT_TYPES" :key="type" :value="type">{{ t('flow.assignment.' + type) }}</option>
        </select></label>
      <label v-if="task.assignment.type === 'initiator_manager'" class="field"><span>{{ t('flow.levels') }}</span>
        <input name="levels" type="number" min="1" max="10" :value="task.assignment.levels"
               @input="setLevels($event.target.value)">
        <small class="muted">{{ t('flow.levelsHint') }}</small></label>
      <div v-if="['users', 'candidates'].includes(task.assignment.type)" class="field">
        <span class="field-label">{{ t('flow.users') }}</span>
        <ChipPicker name="users" :model-value="task.assignment.users || []" :options="userOptions"
                    :invalid="task.assignment.type === 'users' && !(task.assignment.users || []).length"
                    @update:model-value="setList('users', $event)" /></div>
      <div v-if="['roles', 'candidates'].includes(task.assignment.type)" class="field">
        <span class="field-label">{{ t('flow.roles') }}</span>
        <ChipPicker name="roles" :model-value="task.assignment.roles || []" :options="roleOptions"
                    :invalid="task.assignment.type === 'roles' && !(task.assignment.roles || []).length"
                    @update:model-value="setList('roles', $event)" /></div>
      <p v-if="task.assignment.type === 'candidates'" class="muted small prop-hint">{{ t('flow.candidatesHint') }}</p>
      <label v-if="['org_manager', 'field_user', 'dealer_users'].includes(task.assignment.type)" class="field">
        <span>{{ t('flow.assignment.field.' + task.assignment.type) }}</span>
        <select name="assignmentField" :value="task.assignment.field" :aria-invalid="!task.assignment.field ? 'true' : null"
                @change="task.assignment.field = $event.target.value">
          <option value="" disabled>{{ t('flow.chooseField') }}</option>
          <option v-for="key in fieldChoices" :key="key" :value="key">{{ fieldLabel(key) }}</option>
        </select>
        <small v-if="!fieldChoices.length" class="muted">{{ t('flow.noFieldOfType.' + task.assignment.type) }}</small></label>
      <div class="field">
        <span class="field-label">{{ t('flow.fallback') }}</span>
        <div class="prop-checks">
          <label><input type="radio" name="fallbackType" value="user" :checked="task.fallback.type === 'user'" @change="setFallback('user')"> {{ t('flow.fallback.user') }}</label>
          <label><input type="radio" name="fallbackType" value="skip" :checked="task.fallback.type === 'skip'" @change="setFallback('skip')"> {{ t('flow.fallback.skip') }}</label>
        </div>
        <select v-if="task.fallback.type === 'user'" name="fallbackUser" :value="task.fallback.user" @change="task.fallback.user = $event.target.value">
          <option v-if="!userOptions.some(option => option.value === task.fallback.user)" :value="task.fallback.user">{{ task.fallback.user }}</option>
          <option v-for="option in userOptions" :key="option.value" :value="option.value">{{ option.label }}</option>
        </select>
      </div>

      <h3 class="props-section">{{ t('flow.actions') }}</h3>
      <div class="prop-checks flow-actions" data-test="actions">
        <label v-for="action in ACTIONS" :key="action" :class="{ invalid: action === 'approve' && !task.actions.includes('approve') }">
          <input type="checkbox" name="actions" :value="action" :checked="task.actions.includes(action)"
                 @change="toggleAction(action, $event.target.checked)"> {{ t('flow.action.' + action) }}</label>
      </div>

      <h3 class="props-section">{{ t('flow.countersign') }}</h3>
      <label class="switch-line"><input type="checkbox" name="multiInstance" :checked="element.multiInstance"
             @change="flow.setMultiInstance(element.id, $event.target.checked)"> {{ t('flow.multiInstance') }}</label>
      <div v-if="element.multiInstance && task.countersign" class="prop-pair">
        <label class="field"><span>{{ t('flow.countersignMode') }}</span>
          <select name="countersignMode" :value="task.countersign.mode" @change="setCountersign($event.target.value, task.countersign.percentage)">
            <option v-for="mode in COUNTERSIGN_MODES" :key="mode" :value="mode">{{ t('flow.countersign.' + mode) }}</option>
          </select></label>
        <label v-if="task.countersign.mode === 'percentage'" class="field"><span>{{ t('flow.percentage') }}</span>
          <input name="percentage" type="number" min="1" max="100" :value="task.countersign.percentage"
                 @input="setPercentage($event.target.value)"></label>
      </div>

      <h3 class="props-section">{{ t('flow.sla') }}</h3>
      <label class="switch-line"><input type="checkbox" name="sla" :checked="!!task.sla" @change="setSla($event.target.checked)"> {{ t('flow.slaOn') }}</label>
      <template v-if="task.sla">
        <div class="prop-pair">
          <label class="field"><span>{{ t('flow.due') }}</span>
            <input name="dueAmount" type="number" min="1" :value="due.amount" @input="setDue($event.target.value, due.unit)"></label>
          <label class="field"><span>{{ t('flow.unit') }}</span>
            <select name="dueUnit" :value="due.unit" @change="setDue(due.amount, $event.target.value)">
              <option value="hours">{{ t('flow.hours') }}</option><option value="days">{{ t('flow.days') }}</option>
            </select></label>
        </div>
        <label class="field"><span>{{ t('flow.onOverdue') }}</span>
          <select name="onOverdue" :value="task.sla.onOverdue" @change="task.sla.onOverdue = $event.target.value">
            <option v-for="action in OVERDUE_ACTIONS" :key="action" :value="action">{{ t('flow.overdue.' + action) }}</option>
          </select></label>
      </template>

      <h3 class="props-section">{{ t('flow.fieldAccess') }}</h3>
      <p v-if="!rows.length" class="muted small">{{ t('flow.noFormFields') }}</p>
      <table v-else class="access-grid" data-test="access-grid">
        <thead><tr><th>{{ t('flow.field') }}</th><th v-for="access in ACCESS" :key="access">{{ t('flow.access.' + access) }}</th></tr></thead>
        <tbody>
          <tr v-for="row in rows" :key="row.path" :data-field="row.path" :class="{ 'access-column': row.depth }">
            <td :title="row.path">{{ localName(row.label, row.path) }}</td>
            <td v-for="access in ACCESS" :key="access">
              <input type="radio" :name="'access-' + row.path" :value="access" :checked="accessOf(task, row.path) === access"
                     :aria-label="t('flow.access.' + access)" @change="setAccess(task, row.path, access)"></td>
          </tr>
        </tbody>
      </table>
    </div>`,
};

const SequenceFlowProperties = {
  name: 'SequenceFlowProperties',
  components: { ElementNaming, FormulaInput },
  props: { element: { type: Object, required: true } },
  setup(props) {
    const flow = inject('flow');
    const role = computed(() => flowRole(flow.diagram.value, props.element.id));
    const condition = computed({
      get: () => conditionOf(flow.binding.value, props.element.id),
      set: text => setCondition(flow.binding.value, props.element.id, text),
    });
    const variables = computed(() => flow.form.fields.map(field => field.key));
    return { t, flow, role, condition, variables };
  },
  template: /* html */ `
    <div data-test="flow-properties">
      <ElementNaming :element="element" />
      <template v-if="role.role">
        <label class="switch-line"><input type="checkbox" name="defaultFlow" :checked="role.role === 'default'"
               @change="flow.setDefaultFlow(role.gateway, element.id, $event.target.checked)"> {{ t('flow.defaultFlow') }}</label>
        <p class="muted small prop-hint">{{ t('flow.defaultFlowHint') }}</p>
        <template v-if="role.role === 'conditional'">
          <span class="field-label">{{ t('flow.condition') }}</span>
          <FormulaInput v-model="condition" name="condition" :fields="variables" :invalid="!condition.trim()" />
          <p class="muted small prop-hint">{{ t('flow.conditionHint') }}</p>
        </template>
      </template>
      <p v-else class="muted small">{{ t('flow.noCondition') }}</p>
    </div>`,
};

const ProcessProperties = {
  name: 'ProcessProperties',
  setup() {
    const flow = inject('flow');
    return { t, flow };
  },
  template: /* html */ `
    <div data-test="process-properties">
      <label class="field"><span>{{ t('flow.processName') }}</span>
        <input name="processName" :value="flow.processName.value" @change="flow.setProcessName($event.target.value)"></label>
      <label class="field"><span>{{ t('flow.key') }}</span><input :value="flow.binding.value.key" disabled></label>
      <label class="field"><span>{{ t('flow.startForm') }}</span>
        <select name="form" :value="flow.binding.value.form" :aria-invalid="!flow.binding.value.form ? 'true' : null"
                @change="flow.binding.value.form = $event.target.value">
          <option value="" disabled>{{ t('flow.chooseForm') }}</option>
          <option v-for="form in flow.publishedForms.value" :key="form.key" :value="form.key">{{ form.label }}</option>
        </select>
        <small class="muted">{{ t('flow.startFormHint') }}</small></label>
      <p v-if="flow.binding.value.form && !flow.form.published" class="prop-error prop-hint">{{ t('flow.formNotPublished') }}</p>
      <p class="muted small">{{ t('flow.processHint') }}</p>
    </div>`,
};

export default {
  name: 'FlowPropertyPanel',
  components: { TaskProperties, SequenceFlowProperties, ProcessProperties, ElementNaming },
  setup() {
    const flow = inject('flow');
    const element = computed(() => flow.selected.value);
    const problems = computed(() => (element.value ? flow.problemsOf(element.value.id) : []));
    const kind = computed(() => {
      const type = element.value?.type;
      if (!type) return 'process';
      if (type === 'UserTask') return 'task';
      if (type === 'SequenceFlow') return 'flow';
      if (type === 'Task') return 'plainTask';
      return 'other';
    });
    const typeName = computed(() => (element.value ? t(`flow.type.${element.value.type}`) : t('flow.type.Process')));
    return { t, flow, element, problems, kind, typeName };
  },
  template: /* html */ `
    <aside class="props flow-props" data-test="properties" :data-element="element ? element.id : ''">
      <div class="props-body">
        <div class="props-title"><div><strong>{{ typeName.startsWith('flow.type.') ? element.type : typeName }}</strong>
          <span class="muted small">{{ element ? element.id : flow.binding.value.key }}</span></div></div>
        <ul v-if="problems.length" class="props-problems" data-test="element-problems">
          <li v-for="(problem, i) in problems" :key="i"><code v-if="problem.pointer && problem.pointer !== element.id">{{ problem.pointer }}</code>{{ problem.text }}</li>
        </ul>
        <ProcessProperties v-if="kind === 'process'" />
        <TaskProperties v-else-if="kind === 'task'" :key="element.id" :element="element" />
        <SequenceFlowProperties v-else-if="kind === 'flow'" :key="element.id" :element="element" />
        <template v-else>
          <ElementNaming :key="element.id" :element="element" />
          <template v-if="kind === 'plainTask'">
            <p class="muted small">{{ t('flow.plainTaskHint') }}</p>
            <button type="button" class="button button-small" data-test="make-user-task" @click="flow.makeUserTask(element.id)">{{ t('flow.makeUserTask') }}</button>
          </template>
          <p v-else-if="element.type.endsWith('Gateway')" class="muted small">{{ t('flow.gatewayHint') }}</p>
        </template>
      </div>
    </aside>`,
};
