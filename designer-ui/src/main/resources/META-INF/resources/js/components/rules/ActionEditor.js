// One action of a rule, with the members its type takes (rules.schema.json): set a field from a formula, reject the
// save with a message on a field, notify people by channel, create or update a record of a form from formulas,
// start a process, create a to-do. Recipients are users, roles, person fields of the record and its initiator.
import { computed, inject } from 'vue';
import { t, localName, zhEnName } from '../../i18n.js';
import { ACTION_TYPES, CHANNELS, actionOfType, assignNode, valueRows, valuesOf, conditionFields, problemsAt } from '../../designer/ruleSet.js';
import ChipPicker from '../designer/ChipPicker.js';
import FormulaInput from '../designer/FormulaInput.js';
import ConditionNode from './ConditionNode.js';
import TextPair from './TextPair.js';

/** Fields that name people a notification can reach. */
const PERSON_TYPES = ['user', 'org', 'email'];

const Recipients = {
  name: 'Recipients',
  components: { ChipPicker },
  props: { to: { type: Object, required: true }, invalid: Boolean },
  emits: ['update:to'],
  setup(props, { emit }) {
    const rules = inject('rules');
    const users = computed(() => rules.users.value.map(user => ({ value: user.username, label: `${user.displayName} (${user.username})` })));
    const roles = computed(() => rules.roles.value.map(role => ({ value: role.key, label: `${zhEnName(role)} (${role.key})` })));
    const fields = computed(() => rules.fields.value.filter(field => PERSON_TYPES.includes(field.type))
      .map(field => ({ value: field.path, label: `${localName(field.label, field.key)} (${field.path})` })));
    /** An empty list is no list: the schema wants at least one member, and an empty one says nothing. */
    function set(member, value) {
      const next = { ...props.to };
      if (value === false || (Array.isArray(value) && !value.length)) delete next[member];
      else next[member] = value;
      emit('update:to', next);
    }
    return { t, users, roles, fields, set };
  },
  template: /* html */ `
    <div class="recipients" :class="{ invalid }" data-test="recipients">
      <span class="field-label">{{ t('rules.recipients') }}</span>
      <div class="recipient-line"><span class="muted small">{{ t('rules.toRoles') }}</span>
        <ChipPicker name="roles" :model-value="to.roles || []" :options="roles" @update:model-value="v => set('roles', v)" /></div>
      <div class="recipient-line"><span class="muted small">{{ t('rules.toUsers') }}</span>
        <ChipPicker name="users" :model-value="to.users || []" :options="users" @update:model-value="v => set('users', v)" /></div>
      <div class="recipient-line"><span class="muted small">{{ t('rules.toFields') }}</span>
        <ChipPicker name="fields" :model-value="to.fields || []" :options="fields" @update:model-value="v => set('fields', v)" /></div>
      <label class="check small"><input type="checkbox" name="initiator" :checked="!!to.initiator" @change="set('initiator', $event.target.checked)"> {{ t('rules.toInitiator') }}</label>
    </div>`,
};

/** A formula's text for a literal value the file may hold instead (`set_field` with `value`). */
function literalFormula(value) {
  if (value === true) return 'TRUE';
  if (value === false) return 'FALSE';
  return typeof value === 'string' ? JSON.stringify(value) : String(value ?? '');
}

export default {
  name: 'ActionEditor',
  components: { ChipPicker, ConditionNode, FormulaInput, Recipients, TextPair },
  props: { action: { type: Object, required: true }, pointer: { type: String, required: true }, index: Number },
  emits: ['remove', 'changed'],
  setup(props, { emit }) {
    const rules = inject('rules');
    const problems = computed(() => problemsAt(rules.problems.value, props.pointer, { within: true }));
    const invalid = member => problems.value.some(problem => problem.pointer === `${props.pointer}/${member}`
      || problem.pointer.startsWith(`${props.pointer}/${member}/`));
    const ownFields = computed(() => rules.formFields.value.filter(field => field.type !== 'subtable'));
    const target = computed(() => rules.forms.value.find(form => form.key === props.action.form));
    const targetFields = computed(() => (target.value?.fields || []).filter(field => field.type !== 'subtable'));
    const matchFields = computed(() => conditionFields(target.value?.fields || []));
    const rows = computed(() => valueRows(props.action.values));
    const fieldLabel = field => `${localName(field.label, field.key)} (${field.key})`;
    const formulaValue = computed(() => props.action.expression ?? literalFormula(props.action.value));

    function changeType(type) {
      assignNode(props.action, actionOfType(type, props.action));
      emit('changed');
    }
    function setFormula(text) {
      delete props.action.value;
      props.action.expression = text;
    }
    function setMember(member, value) {
      if (value === undefined || value === '') delete props.action[member];
      else props.action[member] = value;
    }
    function toggleChannel(channel, on) {
      const chosen = new Set(props.action.channels);
      if (on) chosen.add(channel);
      else chosen.delete(channel);
      props.action.channels = CHANNELS.filter(candidate => chosen.has(candidate));
      if (!chosen.has('webhook')) delete props.action.webhook;
    }
    function setRow(i, member, value) {
      const list = rows.value.map(row => ({ ...row }));
      list[i][member] = value;
      props.action.values = valuesOf(list);
    }
    function addRow() {
      const used = new Set(rows.value.map(row => row.field));
      const free = targetFields.value.find(field => !used.has(field.key));
      props.action.values = valuesOf([...rows.value, { field: free?.key || '', expression: '' }]);
      emit('changed');
    }
    function removeRow(i) {
      props.action.values = valuesOf(rows.value.filter((_, j) => j !== i));
      emit('changed');
    }
    function chooseForm(key) {
      props.action.form = key;
      emit('changed');
    }
    return {
      t, localName, rules, problems, invalid, ownFields, targetFields, matchFields, rows, fieldLabel, formulaValue, changeType, setFormula,
      setMember, toggleChannel, setRow, addRow, removeRow, chooseForm, emit, ACTION_TYPES, CHANNELS,
    };
  },
  template: /* html */ `
    <div class="action-card" :class="{ invalid: problems.length }" data-test="action" :data-pointer="pointer" :data-index="index" :data-type="action.type">
      <div class="action-head">
        <span class="action-number">{{ index + 1 }}</span>
        <select name="actionType" :value="action.type" @change="changeType($event.target.value)">
          <option v-for="type in ACTION_TYPES" :key="type" :value="type">{{ t('rules.action.' + type) }}</option>
        </select>
        <button type="button" class="icon-button" data-test="remove-action" :title="t('common.remove')" @click="emit('remove')">×</button>
      </div>
      <ul v-if="problems.length" class="cond-problems" data-test="action-problems"><li v-for="(p, i) in problems" :key="i">
        <code v-if="p.pointer !== pointer">{{ p.pointer.slice(pointer.length + 1) }}</code>{{ p.message }}</li></ul>

      <template v-if="action.type === 'set_field'">
        <label class="field"><span>{{ t('rules.field') }}</span>
          <select name="field" :value="action.field" :aria-invalid="invalid('field') ? 'true' : null" @change="setMember('field', $event.target.value)">
            <option value="" disabled>{{ t('rules.chooseField') }}</option>
            <option v-for="f in ownFields" :key="f.key" :value="f.key">{{ fieldLabel(f) }}</option></select></label>
        <div class="field"><span>{{ t('rules.newValue') }}</span>
          <FormulaInput name="expression" :fields="rules.fieldKeys.value" :model-value="formulaValue" :invalid="invalid('expression')"
                        @update:model-value="setFormula" /></div>
      </template>

      <template v-else-if="action.type === 'reject'">
        <label class="field"><span>{{ t('rules.rejectField') }}</span>
          <select name="field" :value="action.field || ''" @change="setMember('field', $event.target.value)">
            <option value="">{{ t('rules.wholeRecord') }}</option>
            <option v-for="f in ownFields" :key="f.key" :value="f.key">{{ fieldLabel(f) }}</option></select></label>
        <TextPair name="message" :label="t('rules.message')" :model-value="action.message" :invalid="invalid('message')"
                  @update:model-value="v => action.message = v" />
      </template>

      <template v-else-if="action.type === 'notify'">
        <div class="field"><span>{{ t('rules.channels') }}</span>
          <div class="prop-checks" :class="{ invalid: invalid('channels') }">
            <label v-for="channel in CHANNELS" :key="channel"><input type="checkbox" name="channels" :value="channel"
                   :checked="action.channels.includes(channel)" @change="toggleChannel(channel, $event.target.checked)"> {{ t('rules.channel.' + channel) }}</label>
          </div></div>
        <label v-if="action.channels.includes('webhook')" class="field"><span>{{ t('rules.webhook') }}</span>
          <input name="webhook" :value="action.webhook || ''" spellcheck="false" placeholder="wecom_sales" :list="'webhook-keys-' + index" :aria-invalid="invalid('webhook') ? 'true' : null"
                 @input="setMember('webhook', $event.target.value.trim())"><datalist :id="'webhook-keys-' + index"><option v-for="hook in rules.webhooks?.value || []" :key="hook.key" :value="hook.key">{{ hook.preset }}</option></datalist></label>
        <Recipients :to="action.to" :invalid="invalid('to')" @update:to="v => action.to = v" />
        <TextPair name="title" optional :label="t('rules.title')" :model-value="action.title" :invalid="invalid('title')"
                  @update:model-value="v => setMember('title', v)" />
        <TextPair name="message" :label="t('rules.message')" :model-value="action.message" :invalid="invalid('message')"
                  @update:model-value="v => action.message = v" />
      </template>

      <template v-else-if="action.type === 'create_record' || action.type === 'update_record'">
        <label class="field"><span>{{ t('rules.targetForm') }}</span>
          <select name="form" :value="action.form" :aria-invalid="invalid('form') ? 'true' : null" @change="chooseForm($event.target.value)">
            <option value="" disabled>{{ t('rules.chooseForm') }}</option>
            <option v-for="f in rules.forms.value" :key="f.key" :value="f.key">{{ localName(f.name, f.key) }} ({{ f.key }})</option></select></label>
        <div v-if="action.type === 'update_record'" class="field"><span>{{ t('rules.match') }}</span>
          <ConditionNode :node="action.match" :pointer="pointer + '/match'" :fields="matchFields" root
                         @remove="action.match = { expression: 'id = record.id' }" @changed="emit('changed')" /></div>
        <div class="field" :class="{ invalid: invalid('values') }"><span>{{ t('rules.values') }}</span>
          <div v-for="(row, i) in rows" :key="i" class="value-row" data-test="value-row">
            <select name="valueField" :value="row.field" @change="setRow(i, 'field', $event.target.value)">
              <option value="" disabled>{{ t('rules.chooseField') }}</option>
              <option v-for="f in targetFields" :key="f.key" :value="f.key">{{ fieldLabel(f) }}</option></select>
            <span class="muted">←</span>
            <FormulaInput :name="'value-' + (row.field || i)" :fields="rules.fieldKeys.value" :model-value="row.expression"
                          @update:model-value="v => setRow(i, 'expression', v)" />
            <button type="button" class="icon-button" :title="t('common.remove')" @click="removeRow(i)">×</button>
          </div>
          <button type="button" class="button button-small button-ghost value-add" data-test="add-value" @click="addRow">+ {{ t('rules.addValue') }}</button>
        </div>
      </template>

      <template v-else-if="action.type === 'start_process'">
        <label class="field"><span>{{ t('rules.process') }}</span>
          <select name="process" :value="action.process" :aria-invalid="invalid('process') ? 'true' : null" @change="setMember('process', $event.target.value)">
            <option value="" disabled>{{ t('rules.chooseProcess') }}</option>
            <option v-if="action.process && !rules.processes.value.includes(action.process)" :value="action.process">{{ action.process }}</option>
            <option v-for="key in rules.processes.value" :key="key" :value="key">{{ key }}</option></select></label>
      </template>

      <template v-else-if="action.type === 'create_todo'">
        <Recipients :to="action.to" :invalid="invalid('to')" @update:to="v => action.to = v" />
        <TextPair name="title" :label="t('rules.todoTitle')" :model-value="action.title" :invalid="invalid('title')"
                  @update:model-value="v => action.title = v" />
        <TextPair name="message" optional :label="t('rules.message')" :model-value="action.message" :invalid="invalid('message')"
                  @update:model-value="v => setMember('message', v)" />
        <label class="field field-narrow"><span>{{ t('rules.dueInDays') }}</span>
          <input name="dueInDays" type="number" min="0" max="3650" :value="action.dueInDays ?? ''"
                 @input="setMember('dueInDays', $event.target.value === '' ? undefined : Number($event.target.value))"></label>
      </template>
    </div>`,
};
