// One node of a rule's condition tree, and through itself its children: an AND / OR group, a NOT, a comparison
// (field → operator → value, typed by the field; on a sub-table column, over some row, every row, the row count or
// the column's total) or a formula. Edits change the rule set in place; the server's problems show on the node they point at.
import { computed, inject } from 'vue';
import { t, localName } from '../../i18n.js';
import {
  conditionKind, childrenOf, addChild, toggleGroup, toggleNot, assignNode, operatorsFor, valueShape, valueType, withOperator,
  withField, typedValue, typedList, problemsAt, existsSummary, ROW_MODES,
} from '../../designer/ruleSet.js';
import ChipPicker from '../designer/ChipPicker.js';
import FormulaInput from '../designer/FormulaInput.js';

export default {
  name: 'ConditionNode',
  components: { ChipPicker, FormulaInput },
  props: {
    node: { type: Object, required: true },
    pointer: { type: String, required: true },
    /** What the condition may compare: `conditionFields` of the form it reads. */
    fields: { type: Array, required: true },
    root: Boolean,
  },
  emits: ['remove', 'changed'],
  setup(props, { emit }) {
    const rules = inject('rules');
    const kind = computed(() => conditionKind(props.node));
    const children = computed(() => childrenOf(props.node));
    const childPointer = i => (kind.value === 'not' ? `${props.pointer}/not` : `${props.pointer}/${kind.value}/${i}`);
    const field = computed(() => props.fields.find(candidate => candidate.path === props.node.field));
    const shape = computed(() => valueShape(props.node.op));
    const type = computed(() => valueType(field.value, props.node.rows));
    const fieldKeys = computed(() => [...new Set(props.fields.map(candidate => candidate.table || candidate.path))]);
    const columns = computed(() => props.fields.filter(candidate => candidate.column));
    const problems = computed(() => problemsAt(rules.problems.value, props.pointer, { members: ['field', 'op', 'value', 'rows', 'expression', 'exists'] }));
    const exists = computed(() => (kind.value === 'exists' ? existsSummary(props.node.exists) : null));
    const fieldLabel = candidate => (candidate.column
      ? `${localName(candidate.tableLabel, candidate.table)} › ${localName(candidate.label, candidate.column)}`
      : candidate.via ? `${localName(candidate.viaLabel, candidate.via)} › ${localName(candidate.label, candidate.key)}`
        : localName(candidate.label, candidate.key));
    const options = computed(() => (field.value?.options || []).map(option => ({ value: option.value, label: localName(option.label, option.value) })));

    function changed() {
      emit('changed');
    }
    function chooseField(path) {
      assignNode(props.node, withField(props.node, props.fields.find(candidate => candidate.path === path)));
      changed();
    }
    function chooseOp(op) {
      assignNode(props.node, withOperator(props.node, op, field.value));
      changed();
    }
    function chooseRows(rows) {
      assignNode(props.node, withField(props.node, field.value, rows));
      changed();
    }
    // Values are taken when the box is left (change), since a number read while typing would turn `1.` into `1`.
    function setValue(input) {
      props.node.value = typedValue(field.value, input, props.node.rows);
    }
    function setBound(i, input) {
      const pair = [...(props.node.value || ['', ''])];
      pair[i] = typedValue(field.value, input, props.node.rows);
      props.node.value = pair;
    }
    function setList(input) {
      props.node.value = typedList(field.value, input, props.node.rows);
    }
    function add(what) {
      addChild(props.node, what, props.fields);
      changed();
    }
    function swapGroup() {
      toggleGroup(props.node);
      changed();
    }
    function negate() {
      toggleNot(props.node);
      changed();
    }
    /** A root that is not a group becomes the first member of an AND group, so that more can follow. */
    function group() {
      assignNode(props.node, { all: [{ ...props.node }] });
      changed();
    }
    function removeChildAt(i) {
      const list = props.node.all || props.node.any;
      list.splice(i, 1);
      if (!list.length) emit('remove');
      else changed();
    }
    const listText = value => (Array.isArray(value) ? value.join(', ') : '');
    return {
      t, kind, exists, children, childPointer, field, shape, type, fieldKeys, columns, problems, fieldLabel, options, chooseField, chooseRows,
      chooseOp, setValue, setBound, setList, add, swapGroup, negate, group, removeChildAt, listText, changed, operatorsFor, ROW_MODES, emit,
    };
  },
  template: /* html */ `
    <div v-if="kind === 'all' || kind === 'any'" class="cond-group" :class="'cond-' + kind" data-test="condition-group" :data-pointer="pointer" :data-kind="kind">
      <div class="cond-group-head">
        <div class="segmented cond-joiner" role="group">
          <button type="button" :class="{ active: kind === 'all' }" data-test="joiner-all" @click="kind === 'all' || swapGroup()">{{ t('rules.and') }}</button>
          <button type="button" :class="{ active: kind === 'any' }" data-test="joiner-any" @click="kind === 'any' || swapGroup()">{{ t('rules.or') }}</button>
        </div>
        <span class="muted small">{{ kind === 'all' ? t('rules.allHold') : t('rules.anyHolds') }}</span>
        <span class="cond-tools">
          <button type="button" class="link-button small" data-test="toggle-not" @click="negate">{{ t('rules.not') }}</button>
          <button v-if="!root" type="button" class="icon-button" data-test="remove-condition" :title="t('common.remove')" @click="emit('remove')">×</button>
        </span>
      </div>
      <ul v-if="problems.length" class="cond-problems" data-test="condition-problems"><li v-for="(p, i) in problems" :key="i">{{ p.message }}</li></ul>
      <div class="cond-children">
        <ConditionNode v-for="(child, i) in children" :key="i" :node="child" :pointer="childPointer(i)" :fields="fields"
                       @remove="removeChildAt(i)" @changed="changed" />
      </div>
      <div class="cond-add">
        <button type="button" class="button button-small button-ghost" data-test="add-compare" @click="add('compare')">+ {{ t('rules.addComparison') }}</button>
        <button type="button" class="button button-small button-ghost" data-test="add-rows" :disabled="!columns.length" @click="add('rows')">+ {{ t('rules.addRows') }}</button>
        <button type="button" class="button button-small button-ghost" data-test="add-expression" @click="add('expression')">+ {{ t('rules.addFormula') }}</button>
        <button type="button" class="button button-small button-ghost" data-test="add-group" @click="add(kind === 'all' ? 'any' : 'all')">+ {{ kind === 'all' ? t('rules.addOrGroup') : t('rules.addAndGroup') }}</button>
      </div>
    </div>

    <div v-else-if="kind === 'not'" class="cond-not" data-test="condition-not" :data-pointer="pointer">
      <div class="cond-not-head"><span class="badge cond-not-badge">{{ t('rules.notBadge') }}</span>
        <button type="button" class="link-button small" data-test="toggle-not" @click="negate">{{ t('rules.unNot') }}</button>
        <button v-if="!root" type="button" class="icon-button" data-test="remove-condition" :title="t('common.remove')" @click="emit('remove')">×</button></div>
      <ConditionNode :node="node.not" :pointer="childPointer(0)" :fields="fields" @remove="emit('remove')" @changed="changed" />
    </div>

    <div v-else class="cond-leaf" :class="{ invalid: problems.length }" data-test="condition" :data-pointer="pointer" :data-kind="kind">
      <div class="cond-row">
        <template v-if="kind === 'compare'">
          <select v-if="field && field.column" name="rows" class="cond-rows" :value="node.rows || 'any'" @change="chooseRows($event.target.value)">
            <option v-for="mode in ROW_MODES" :key="mode" :value="mode">{{ t('rules.rows.' + mode) }}</option>
          </select>
          <select name="field" class="cond-field" :value="node.field" :aria-invalid="problems.length ? 'true' : null" @change="chooseField($event.target.value)">
            <option v-if="!field" :value="node.field">{{ node.field }}</option>
            <option v-for="f in fields" :key="f.path" :value="f.path">{{ fieldLabel(f) }}</option>
          </select>
          <select name="op" class="cond-op" :value="node.op" @change="chooseOp($event.target.value)">
            <option v-for="op in operatorsFor(field, node.rows)" :key="op" :value="op">{{ t('rules.op.' + op) }}</option>
          </select>
          <template v-if="shape === 'single'">
            <select v-if="type === 'boolean'" name="value" class="cond-value" :value="String(node.value)" @change="setValue($event.target.value)">
              <option value="true">{{ t('rules.yes') }}</option><option value="false">{{ t('rules.no') }}</option></select>
            <select v-else-if="type === 'option' && options.length" name="value" class="cond-value" :value="node.value" @change="setValue($event.target.value)">
              <option v-for="o in options" :key="o.value" :value="o.value">{{ o.label }}</option></select>
            <input v-else name="value" class="cond-value" :type="type === 'date' ? 'date' : 'text'" :inputmode="type === 'number' ? 'decimal' : null"
                   :value="node.value ?? ''" @change="setValue($event.target.value)">
          </template>
          <span v-else-if="shape === 'pair'" class="cond-value cond-pair">
            <input name="value-min" :type="type === 'date' ? 'date' : 'text'" :value="(node.value || [])[0] ?? ''" @change="setBound(0, $event.target.value)">
            <span class="muted">–</span>
            <input name="value-max" :type="type === 'date' ? 'date' : 'text'" :value="(node.value || [])[1] ?? ''" @change="setBound(1, $event.target.value)">
          </span>
          <template v-else-if="shape === 'list'">
            <ChipPicker v-if="type === 'option' && options.length" class="cond-value" name="values" :model-value="node.value || []" :options="options"
                        @update:model-value="v => { node.value = v; changed(); }" />
            <input v-else name="values" class="cond-value" :placeholder="t('rules.listHint')" :value="listText(node.value)" @change="setList($event.target.value)">
          </template>
        </template>
        <div v-else-if="kind === 'exists'" class="cond-exists" data-test="condition-exists">
          <strong>{{ t('rules.exists', { form: exists.form }) }}</strong>
          <ul class="cond-exists-where">
            <li v-for="(w, i) in exists.where" :key="i"><code>{{ w.field }}</code> {{ t('rules.op.' + w.op) }} <code>{{ w.value }}</code></li>
          </ul>
          <div v-if="exists.when" class="small">{{ t('rules.existsWhen') }} <code>{{ exists.when }}</code></div>
          <div class="small muted">
            <span v-if="exists.excludeSelf">{{ t('rules.existsExcludeSelf') }} · </span>
            <span v-if="exists.as">{{ t('rules.existsAs', { as: exists.as }) }} · </span>{{ t('rules.existsReadOnly') }}
          </div>
        </div>
        <FormulaInput v-else class="cond-formula" name="expression" :fields="fieldKeys" :model-value="node.expression"
                      :invalid="problems.length > 0" @update:model-value="v => node.expression = v" />
        <span class="cond-tools">
          <button type="button" class="link-button small" data-test="toggle-not" :title="t('rules.notTitle')" @click="negate">{{ t('rules.not') }}</button>
          <button v-if="root" type="button" class="link-button small" data-test="make-group" @click="group">{{ t('rules.makeGroup') }}</button>
          <button type="button" class="icon-button" data-test="remove-condition" :title="t('common.remove')" @click="emit('remove')">×</button>
        </span>
      </div>
      <ul v-if="problems.length" class="cond-problems" data-test="condition-problems"><li v-for="(p, i) in problems" :key="i">{{ p.message }}</li></ul>
    </div>`,
};
