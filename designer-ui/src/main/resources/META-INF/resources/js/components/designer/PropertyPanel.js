// The right of the form designer: the properties of the selected node (the form itself when nothing is
// selected). Edits go straight into the designer state; the key is checked as it is typed, formulas and
// conditions by the server, and the problems the server found when saving are shown on the inputs they are about.
import { computed, inject, ref, watch } from 'vue';
import { t, localName } from '../../i18n.js';
import { KEY_PATTERN, OPTION_VALUE_PATTERN, propertiesOf, isComputed, isNumeric } from '../../designer/fieldTypes.js';
import { keyProblem, topFields, locate } from '../../designer/formTree.js';
import DesignIcon from './DesignIcon.js';
import FormulaInput from './FormulaInput.js';

/** The types a default formula may fill (the form kind's list): its number, text or date result fits them. */
const DEFAULTABLE = ['integer', 'decimal', 'money', 'percent', 'text', 'date'];

/** A property that is empty, false or blank is left out of the definition rather than written as such. */
function assign(target, prop, value) {
  if (value === '' || value === null || value === undefined || value === false || (Array.isArray(value) && !value.length)) {
    delete target[prop];
  } else {
    target[prop] = value;
  }
}

/** zh-CN and en text side by side; `optional` text may be left empty in both languages. */
const TextPair = {
  name: 'TextPair',
  props: { value: { type: Object, default: null }, name: { type: String, required: true }, label: String, optional: Boolean, invalid: Function },
  emits: ['change'],
  setup(props, { emit }) {
    function update(lang, text) {
      const next = { 'zh-CN': props.value?.['zh-CN'] || '', en: props.value?.en || '', [lang]: text };
      emit('change', props.optional && !next['zh-CN'] && !next.en ? null : next);
    }
    const missing = lang => !props.optional && !(props.value?.[lang] || '').trim();
    return { t, update, missing };
  },
  template: /* html */ `
    <div class="prop-pair">
      <label class="field"><span>{{ label }} · 中文</span>
        <input :name="name + '/zh-CN'" :data-prop="name + '/zh-CN'" :value="value ? value['zh-CN'] : ''" lang="zh-CN"
               :aria-invalid="missing('zh-CN') || (invalid && invalid(name + '/zh-CN')) ? 'true' : null"
               @input="update('zh-CN', $event.target.value)"></label>
      <label class="field"><span>{{ label }} · English</span>
        <input :name="name + '/en'" :data-prop="name + '/en'" :value="value ? value.en : ''" lang="en"
               :aria-invalid="missing('en') || (invalid && invalid(name + '/en')) ? 'true' : null"
               @input="update('en', $event.target.value)"></label>
    </div>`,
};

const OptionsEditor = {
  name: 'OptionsEditor',
  props: { options: { type: Array, required: true }, invalid: Function },
  setup(props) {
    const duplicate = i => props.options.some((other, j) => j < i && other.value === props.options[i].value);
    const bad = i => !OPTION_VALUE_PATTERN.test(props.options[i].value) || duplicate(i) || props.invalid(`options/${i}`);
    function add() {
      const taken = new Set(props.options.map(option => option.value));
      let n = props.options.length + 1;
      while (taken.has(`option_${n}`)) n++;
      props.options.push({ value: `option_${n}`, label: { 'zh-CN': `选项${n}`, en: `Option ${n}` } });
    }
    function move(i, delta) {
      if (i + delta < 0 || i + delta >= props.options.length) return;
      props.options.splice(i + delta, 0, ...props.options.splice(i, 1));
    }
    return { t, bad, add, move };
  },
  template: /* html */ `
    <div class="options-editor" data-prop="options">
      <div class="options-head"><span>{{ t('design.optionValue') }}</span><span>中文</span><span>English</span><span></span></div>
      <div v-for="(option, i) in options" :key="i" class="option-row" :data-option="i">
        <input name="optionValue" :value="option.value" :aria-invalid="bad(i) ? 'true' : null" @input="option.value = $event.target.value">
        <input name="optionZh" :value="option.label['zh-CN']" @input="option.label['zh-CN'] = $event.target.value">
        <input name="optionEn" :value="option.label.en" @input="option.label.en = $event.target.value">
        <span class="option-tools">
          <button type="button" class="icon-button" :title="t('design.moveUp')" @click="move(i, -1)">↑</button>
          <button type="button" class="icon-button" :title="t('design.remove')" :disabled="options.length < 2" @click="options.splice(i, 1)">×</button>
        </span>
      </div>
      <button type="button" class="link-button" data-test="add-option" @click="add">+ {{ t('design.addOption') }}</button>
    </div>`,
};

const FieldProperties = {
  name: 'FieldProperties',
  components: { TextPair, OptionsEditor, FormulaInput, DesignIcon },
  props: { node: { type: Object, required: true } },
  setup(props) {
    const designer = inject('designer');
    const state = designer.state;
    const field = computed(() => props.node.field);
    const place = computed(() => locate(state, props.node.uid));
    const isColumn = computed(() => place.value?.parent?.kind === 'field');
    const props_ = computed(() => propertiesOf(field.value.type));
    const has = prop => props_.value.includes(prop);
    if (has('options') && !field.value.options) field.value.options = [];
    const invalid = prop => designer.propInvalid(props.node.uid, prop);
    const problems = computed(() => designer.problemsOf(props.node.uid));

    const keyError = computed(() => {
      const siblings = (place.value?.scope || []).filter(node => node.uid !== props.node.uid);
      const problem = keyProblem(field.value.key, siblings);
      return problem && t(`design.key.${problem}`);
    });
    function setKey(value) {
      if (state.form.titleField === field.value.key) state.form.titleField = value;
      field.value.key = value;
    }
    const set = (prop, value) => assign(field.value, prop, value);
    const setNumber = (prop, text) => set(prop, text === '' ? null : Number(text));
    function setDefault(text) {
      if (field.value.type === 'switch') set('default', text === '' ? null : text === 'true');
      else if (isNumeric(field.value.type)) setNumber('default', text);
      else set('default', text);
    }
    const defaultText = computed(() => (field.value.default === undefined ? '' : String(field.value.default)));
    const defaultInput = computed(() => ({ date: 'date', time: 'time' }[field.value.type]
      || (isNumeric(field.value.type) ? 'number' : 'text')));

    /** Names a formula may start with: the form's fields, and in a sub-table also the row's columns. */
    const formulaFields = computed(() => [...new Set([
      ...(isColumn.value ? place.value.list.map(node => node.field.key) : []),
      ...topFields(state).map(node => node.field.key)])]);

    // Lookups: the forms of this app, and the fields of the one chosen.
    const targetFields = ref([]);
    watch(() => field.value.lookup?.form, async form => {
      targetFields.value = form ? await designer.fieldsOfForm(form) : [];
    }, { immediate: true });
    function setLookup(part, value) {
      field.value.lookup = { form: '', displayField: '', ...field.value.lookup, [part]: value };
      if (part === 'form') {
        field.value.lookup.displayField = '';
        delete field.value.lookup.filter;
      }
    }
    // The lookup's conditions on its target's fields: only records that meet them can be picked and saved.
    const FILTER_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains'];
    function setFilter(conditions) {
      const { filter, ...rest } = field.value.lookup || {};
      field.value.lookup = conditions.length ? { ...rest, filter: conditions } : rest;
    }
    const filterRows = computed(() => field.value.lookup?.filter || []);
    const addCondition = () => setFilter([...filterRows.value,
      { field: targetFields.value[0]?.key || '', op: 'eq', value: '' }]);
    const changeCondition = (i, part, value) => setFilter(filterRows.value.map((c, j) => (j === i ? { ...c, [part]: value } : c)));
    const removeCondition = i => setFilter(filterRows.value.filter((_, j) => j !== i));
    const acceptText = computed(() => (field.value.accept || []).join(', '));
    function setAccept(text) {
      set('accept', text.split(/[\s,;]+/).map(ext => ext.trim().toLowerCase()).filter(Boolean)
        .map(ext => (ext.startsWith('.') ? ext : `.${ext}`)));
    }
    return {
      t, localName, designer, field, isColumn, has, invalid, problems, keyError, setKey, set, setNumber, setDefault,
      defaultText, defaultInput, formulaFields, targetFields, setLookup, acceptText, setAccept, isComputed, isNumeric,
      DEFAULTABLE,
      FILTER_OPS, filterRows, addCondition, changeCondition, removeCondition,
    };
  },
  template: /* html */ `
    <div class="props-body" data-test="field-properties">
      <div class="props-title">
        <span class="palette-icon"><DesignIcon :name="field.type" :size="15" /></span>
        <div><strong>{{ t('fieldType.' + field.type) }}</strong>
          <span class="muted small">{{ isColumn ? t('design.column') : t('design.field') }}</span></div>
      </div>
      <ul v-if="problems.length" class="props-problems" data-test="node-problems">
        <li v-for="(problem, i) in problems" :key="i"><code v-if="problem.rest">{{ problem.rest }}</code>{{ problem.message }}</li>
      </ul>

      <label class="field"><span>{{ t('design.key') }}</span>
        <input name="key" data-prop="key" :value="field.key" autocomplete="off" spellcheck="false"
               :aria-invalid="keyError || invalid('key') ? 'true' : null" @input="setKey($event.target.value)">
        <small v-if="keyError" class="prop-error" data-test="key-error">{{ keyError }}</small>
      </label>
      <TextPair :value="field.label" name="label" :label="t('design.label')" :invalid="invalid" @change="field.label = $event" />

      <div v-if="has('required') || has('readOnly') || has('unique')" class="prop-checks">
        <label v-if="has('required')" class="check"><input type="checkbox" name="required" :checked="field.required" @change="set('required', $event.target.checked)">{{ t('design.required') }}</label>
        <label v-if="has('readOnly')" class="check"><input type="checkbox" name="readOnly" :checked="field.readOnly" @change="set('readOnly', $event.target.checked)">{{ t('design.readOnly') }}</label>
        <label v-if="has('unique')" class="check" :class="{ invalid: invalid('unique') }"><input type="checkbox" name="unique" :checked="field.unique" @change="set('unique', $event.target.checked)">{{ t('design.unique') }}</label>
      </div>

      <template v-if="has('expression')">
        <label class="field-label">{{ t('design.expression') }}</label>
        <FormulaInput :model-value="field.expression || ''" name="expression" :fields="formulaFields" :own-key="field.key"
                      :invalid="invalid('expression')" @update:model-value="field.expression = $event" />
        <p class="muted small prop-hint">{{ t('design.expressionHint') }}</p>
      </template>
      <div class="prop-grid">
        <label v-if="has('resultType')" class="field"><span>{{ t('design.resultType') }}</span>
          <select name="resultType" :value="field.resultType || 'number'" @change="set('resultType', $event.target.value)">
            <option v-for="kind in ['number', 'text', 'date', 'boolean']" :key="kind" :value="kind">{{ t('design.result.' + kind) }}</option>
          </select></label>
        <label v-if="has('currency')" class="field"><span>{{ t('design.currency') }}</span>
          <input name="currency" data-prop="currency" maxlength="3" :value="field.currency || ''" :aria-invalid="invalid('currency') ? 'true' : null"
                 @input="set('currency', $event.target.value.toUpperCase())"></label>
        <label v-for="prop in ['min', 'max', 'maxLength', 'precision', 'scale', 'minRows', 'maxRows', 'maxFiles', 'maxSizeMb']"
               v-show="has(prop)" :key="prop" class="field"><span>{{ t('design.' + prop) }}</span>
          <input type="number" :name="prop" :data-prop="prop" :value="field[prop] ?? ''" :aria-invalid="invalid(prop) ? 'true' : null"
                 @input="setNumber(prop, $event.target.value)"></label>
        <label v-if="has('regionLevel')" class="field"><span>{{ t('design.regionLevel') }}</span>
          <select name="regionLevel" :value="field.regionLevel || 'district'" @change="set('regionLevel', $event.target.value)">
            <option v-for="level in ['province', 'city', 'district']" :key="level" :value="level">{{ t('design.region.' + level) }}</option>
          </select></label>
      </div>
      <label v-if="has('default')" class="field"><span>{{ t('design.default') }}</span>
        <select v-if="field.type === 'select' || field.type === 'radio'" name="default" data-prop="default" :value="defaultText" @change="setDefault($event.target.value)">
          <option value="">{{ t('design.noDefault') }}</option>
          <option v-for="option in field.options || []" :key="option.value" :value="option.value">{{ localName(option.label, option.value) }}</option>
        </select>
        <select v-else-if="field.type === 'switch'" name="default" data-prop="default" :value="defaultText" @change="setDefault($event.target.value)">
          <option value="">{{ t('design.noDefault') }}</option><option value="true">{{ t('design.on') }}</option><option value="false">{{ t('design.off') }}</option>
        </select>
        <input v-else :type="defaultInput" name="default" data-prop="default" :value="defaultText" :aria-invalid="invalid('default') ? 'true' : null"
               @input="setDefault($event.target.value)"></label>
      <label v-if="has('pattern')" class="field"><span>{{ t('design.pattern') }}</span>
        <input name="pattern" data-prop="pattern" :value="field.pattern || ''" spellcheck="false" :aria-invalid="invalid('pattern') ? 'true' : null"
               @input="set('pattern', $event.target.value)">
        <small class="muted">{{ t('design.patternHint') }}</small></label>
      <label v-if="has('accept')" class="field"><span>{{ t('design.accept') }}</span>
        <input name="accept" data-prop="accept" :value="acceptText" placeholder=".pdf, .jpg" :aria-invalid="invalid('accept') ? 'true' : null"
               @change="setAccept($event.target.value)"></label>

      <template v-if="has('lookup')">
        <label class="field"><span>{{ t('design.lookupForm') }}</span>
          <select name="lookupForm" data-prop="lookup/form" :value="field.lookup?.form || ''" :aria-invalid="!field.lookup?.form || invalid('lookup') ? 'true' : null"
                  @change="setLookup('form', $event.target.value)">
            <option value="" disabled>{{ t('design.choose') }}</option>
            <option v-for="form in designer.forms.value" :key="form.key" :value="form.key">{{ form.label }}</option>
          </select></label>
        <label class="field"><span>{{ t('design.lookupDisplay') }}</span>
          <select name="lookupDisplay" data-prop="lookup/displayField" :value="field.lookup?.displayField || ''"
                  :aria-invalid="!field.lookup?.displayField || invalid('lookup') ? 'true' : null" @change="setLookup('displayField', $event.target.value)">
            <option value="" disabled>{{ t('design.choose') }}</option>
            <option v-for="target in targetFields" :key="target.key" :value="target.key">{{ target.label }}</option>
          </select>
          <small v-if="!field.lookup?.form || !field.lookup?.displayField" class="prop-error">{{ t('design.lookupMissing') }}</small></label>
        <div class="field" data-prop="lookup/filter">
          <span>{{ t('design.lookupFilter') }}</span>
          <div v-for="(condition, i) in filterRows" :key="i" class="lookup-condition" :data-test="'lookup-condition-' + i">
            <select :aria-label="t('records.filterField')" :value="condition.field" @change="changeCondition(i, 'field', $event.target.value)">
              <option v-for="target in targetFields" :key="target.key" :value="target.key">{{ target.label }}</option>
            </select>
            <select :aria-label="t('records.filterOp')" :value="condition.op" @change="changeCondition(i, 'op', $event.target.value)">
              <option v-for="op in FILTER_OPS" :key="op" :value="op">{{ t('records.op.' + op) }}</option>
            </select>
            <input :aria-label="t('records.filterValue')" :value="condition.value" maxlength="255"
                   @change="changeCondition(i, 'value', $event.target.value)">
            <button type="button" class="icon-button" :aria-label="t('records.removeFilter')" @click="removeCondition(i)">×</button>
          </div>
          <button type="button" class="button button-small" :disabled="!field.lookup?.form || filterRows.length >= 10"
                  data-test="add-lookup-condition" @click="addCondition">+ {{ t('design.addCondition') }}</button>
          <small class="muted">{{ t('design.lookupFilterHint') }}</small>
        </div>
      </template>

      <template v-if="has('options')">
        <label class="field-label">{{ t('design.options') }}</label>
        <OptionsEditor :options="field.options" :invalid="prop => invalid(prop)" />
      </template>

      <template v-if="DEFAULTABLE.includes(field.type)">
        <label class="field-label">{{ t('design.defaultExpression') }}</label>
        <FormulaInput :model-value="field.defaultExpression || ''" name="defaultExpression" :fields="formulaFields"
                      :invalid="invalid('defaultExpression')" @update:model-value="set('defaultExpression', $event)" />
        <small class="muted">{{ t('design.defaultExpressionHint') }}</small>
      </template>

      <details class="prop-conditions" :open="Boolean(field.visibleWhen || field.requiredWhen) || invalid('visibleWhen') || invalid('requiredWhen')">
        <summary>{{ t('design.conditions') }}</summary>
        <label class="field-label">{{ t('design.visibleWhen') }}</label>
        <FormulaInput :model-value="field.visibleWhen || ''" name="visibleWhen" :fields="formulaFields" :invalid="invalid('visibleWhen')"
                      @update:model-value="set('visibleWhen', $event)" />
        <template v-if="!isComputed(field.type)">
          <label class="field-label">{{ t('design.requiredWhen') }}</label>
          <FormulaInput :model-value="field.requiredWhen || ''" name="requiredWhen" :fields="formulaFields" :invalid="invalid('requiredWhen')"
                        @update:model-value="set('requiredWhen', $event)" />
        </template>
        <p class="muted small prop-hint">{{ t('design.conditionHint') }}</p>
      </details>
    </div>`,
};

/** Key and optional title of a section or tab (a tab's title is required). */
const GroupProperties = {
  name: 'GroupProperties',
  components: { TextPair },
  props: { node: { type: Object, required: true } },
  setup(props) {
    const designer = inject('designer');
    const siblings = computed(() => (props.node.kind === 'tab' ? designer.state.tabs
      : designer.state.tabs.flatMap(tab => tab.sections)).filter(other => other.uid !== props.node.uid));
    const keyError = computed(() => {
      if (!KEY_PATTERN.test(props.node.key)) return t('design.key.pattern');
      return siblings.value.some(other => other.key === props.node.key) ? t('design.key.duplicate') : null;
    });
    const invalid = prop => designer.propInvalid(props.node.uid, prop);
    return { t, designer, keyError, invalid, problems: computed(() => designer.problemsOf(props.node.uid)) };
  },
  template: /* html */ `
    <div class="props-body" :data-test="node.kind + '-properties'">
      <div class="props-title"><strong>{{ t('fieldType.' + (node.kind === 'tab' ? 'tabs' : 'section')) }}</strong></div>
      <ul v-if="problems.length" class="props-problems"><li v-for="(problem, i) in problems" :key="i"><code v-if="problem.rest">{{ problem.rest }}</code>{{ problem.message }}</li></ul>
      <label class="field"><span>{{ t('design.key') }}</span>
        <input name="key" data-prop="key" :value="node.key" spellcheck="false" :aria-invalid="keyError || invalid('key') ? 'true' : null"
               @input="node.key = $event.target.value">
        <small v-if="keyError" class="prop-error">{{ keyError }}</small></label>
      <TextPair :value="node.title" name="title" :label="t('design.title')" :optional="node.kind === 'section'" :invalid="invalid"
                @change="node.title = $event" />
      <p v-if="node.kind === 'section'" class="muted small prop-hint">{{ t('design.sectionHint') }}</p>
      <div class="props-actions">
        <button v-if="node.kind === 'tab'" type="button" class="button button-small" data-test="add-tab-after" @click="designer.add('tabs')">+ {{ t('design.addTab') }}</button>
        <button type="button" class="button button-small button-danger-ghost" data-test="remove-node" @click="designer.remove(node.uid)">
          {{ t(node.kind === 'tab' ? 'design.removeTab' : 'design.removeSection') }}</button>
      </div>
    </div>`,
};

const RowProperties = {
  name: 'RowProperties',
  props: { node: { type: Object, required: true } },
  setup() {
    return { t, designer: inject('designer') };
  },
  template: /* html */ `
    <div class="props-body" data-test="row-properties">
      <div class="props-title"><strong>{{ t('fieldType.row') }}</strong></div>
      <p class="muted">{{ t('design.rowHint', { n: node.cells.length }) }}</p>
      <div class="props-actions">
        <button type="button" class="button button-small" :disabled="!node.cells.length" @click="designer.splitRow(node.uid)">{{ t('design.splitRow') }}</button>
        <button type="button" class="button button-small button-danger-ghost" data-test="remove-node" @click="designer.remove(node.uid)">{{ t('design.removeRow') }}</button>
      </div>
    </div>`,
};

const FormProperties = {
  name: 'FormProperties',
  components: { TextPair },
  setup() {
    const designer = inject('designer');
    const form = computed(() => designer.state.form);
    const titleChoices = computed(() => topFields(designer.state).filter(node => node.field.type !== 'subtable'));
    const invalid = prop => designer.formProblems.value.some(problem => problem.rest === prop || problem.rest.startsWith(`${prop}/`));
    return { t, localName, designer, form, titleChoices, invalid, assign };
  },
  template: /* html */ `
    <div class="props-body" data-test="form-properties">
      <div class="props-title"><strong>{{ t('design.formProperties') }}</strong></div>
      <ul v-if="designer.formProblems.value.length" class="props-problems">
        <li v-for="(problem, i) in designer.formProblems.value" :key="i"><code v-if="problem.rest">/{{ problem.rest }}</code>{{ problem.message }}</li>
      </ul>
      <label class="field"><span>{{ t('design.formKey') }}</span><input name="formKey" :value="form.key" disabled></label>
      <TextPair :value="form.name" name="name" :label="t('design.formName')" :invalid="invalid" @change="form.name = $event" />
      <TextPair :value="form.description" name="description" :label="t('design.description')" optional :invalid="invalid"
                @change="assign(form, 'description', $event)" />
      <label class="field"><span>{{ t('design.titleField') }}</span>
        <select name="titleField" :value="form.titleField || ''" :aria-invalid="invalid('titleField') ? 'true' : null"
                @change="assign(form, 'titleField', $event.target.value)">
          <option value="">{{ t('design.noTitleField') }}</option>
          <option v-for="node in titleChoices" :key="node.uid" :value="node.field.key">{{ localName(node.field.label, node.field.key) }} ({{ node.field.key }})</option>
        </select>
        <small class="muted">{{ t('design.titleFieldHint') }}</small></label>
    </div>`,
};

export default {
  name: 'PropertyPanel',
  components: { FieldProperties, GroupProperties, RowProperties, FormProperties },
  setup() {
    const designer = inject('designer');
    const node = computed(() => (designer.selected.value ? locate(designer.state, designer.selected.value)?.node : null));
    return { t, node };
  },
  template: /* html */ `
    <aside class="props" data-test="properties" :aria-label="t('design.properties')">
      <FieldProperties v-if="node && node.kind === 'field'" :key="node.uid" :node="node" />
      <GroupProperties v-else-if="node && (node.kind === 'section' || node.kind === 'tab')" :key="node.uid" :node="node" />
      <RowProperties v-else-if="node && node.kind === 'row'" :key="node.uid" :node="node" />
      <FormProperties v-else />
    </aside>`,
};
