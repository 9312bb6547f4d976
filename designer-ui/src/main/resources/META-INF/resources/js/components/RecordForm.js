// A record as a form: the definition's tabs, sections and multi-column rows, one control per field, sub-tables
// as editable line items, formulas computed live as values change (the server recomputes and keeps its own
// result), visibleWhen / requiredWhen conditions applied, and the server's errors placed on the field or cell
// their JSON Pointer names. Used by the record page and by the form designer's preview.
import { ref, computed } from 'vue';
import { t, localName } from '../i18n.js';
import { layoutOf, computeFormulas, holds, blankRow, errorsByPointer, numeric } from '../records.js';
import FieldInput from './record/FieldInput.js';

const SubTable = {
  name: 'SubTable',
  components: { FieldInput },
  props: {
    field: Object, rows: Array, computedRows: Array, app: String, form: String,
    readonly: Boolean, offline: Boolean, errors: Object, readOnlyKeys: Array,
  },
  emits: ['update:rows'],
  setup(props, { emit }) {
    const columns = computed(() => props.field.columns || []);
    const atMax = computed(() => props.field.maxRows && (props.rows || []).length >= props.field.maxRows);
    const atMin = computed(() => (props.rows || []).length <= (props.field.minRows || 0));
    function change(i, key, value) {
      const rows = (props.rows || []).map(row => ({ ...row }));
      rows[i][key] = value;
      emit('update:rows', rows);
    }
    const add = () => emit('update:rows', [...(props.rows || []), blankRow(props.field)]);
    const remove = i => emit('update:rows', (props.rows || []).filter((_, j) => j !== i));
    const cellError = (i, key) => props.errors[`/${props.field.key}/${i}/${key}`];
    const locked = column => props.readonly || column.readOnly || props.readOnlyKeys.includes(props.field.key);
    return { t, localName, columns, atMax, atMin, change, add, remove, cellError, locked, numeric };
  },
  template: /* html */ `
    <div class="subtable" :data-test="'subtable-' + field.key">
      <div class="subtable-scroll">
        <table class="table subtable-table">
          <thead><tr>
            <th class="row-number">#</th>
            <th v-for="c in columns" :key="c.key" :class="{ numeric: numeric(c) }">
              {{ localName(c.label, c.key) }}<span v-if="c.required && !readonly" class="required-mark">*</span></th>
            <th v-if="!readonly" class="row-actions"></th>
          </tr></thead>
          <tbody>
            <tr v-for="(row, i) in rows" :key="i" :data-test="'row-' + i">
              <td class="row-number">{{ i + 1 }}</td>
              <td v-for="c in columns" :key="c.key" :class="{ numeric: numeric(c) }" :data-label="localName(c.label, c.key)">
                <FieldInput :field="c" :model-value="(computedRows[i] || row)[c.key] ?? null" :app="app" :form="form"
                            :path="field.key + '.' + c.key" :readonly="locked(c)" :offline="offline"
                            :invalid="!!cellError(i, c.key)" @update:model-value="v => change(i, c.key, v)" />
                <p v-if="cellError(i, c.key)" class="field-error">{{ cellError(i, c.key) }}</p>
              </td>
              <td v-if="!readonly" class="row-actions">
                <button type="button" class="icon-button" :disabled="atMin" :aria-label="t('record.removeRow')"
                        :data-test="'remove-row-' + i" @click="remove(i)">×</button>
              </td>
            </tr>
            <tr v-if="!rows || !rows.length"><td :colspan="columns.length + 2" class="muted center">{{ t('record.noRows') }}</td></tr>
          </tbody>
        </table>
      </div>
      <button v-if="!readonly" type="button" class="button button-small" :disabled="atMax" data-test="add-row"
              @click="add">+ {{ t('record.addRow') }}</button>
    </div>`,
};

export default {
  name: 'RecordForm',
  components: { FieldInput, SubTable },
  props: {
    /** The form definition (as published, or the designer's draft). */
    form: { type: Object, required: true },
    modelValue: { type: Object, required: true },
    /** [{pointer, message}] from the server or the page. */
    errors: { type: Array, default: () => [] },
    readonly: { type: Boolean, default: false },
    /** Field keys this user may only read (their permission). */
    readOnlyKeys: { type: Array, default: () => [] },
    app: { type: String, default: '' },
    /** No network calls (the designer's preview of an unpublished form). */
    offline: { type: Boolean, default: false },
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const tab = ref(0);
    const tabs = computed(() => layoutOf(props.form));
    const live = computed(() => computeFormulas(props.form, props.modelValue));
    const errors = computed(() => ({ ...live.value.errors, ...errorsByPointer(props.errors) }));
    const formKey = computed(() => props.form.key);

    function change(key, value) {
      const next = { ...props.modelValue };
      if (value === null || value === undefined) next[key] = null; else next[key] = value;
      emit('update:modelValue', next);
    }
    const visible = field => field.live === false || !field.visibleWhen || holds(field.visibleWhen, live.value.values) !== false;
    const required = field => field.required || (field.requiredWhen && holds(field.requiredWhen, live.value.values) === true);
    const locked = field => props.readonly || field.readOnly || props.readOnlyKeys.includes(field.key);
    const value = field => (field.type === 'formula' && field.live !== false ? live.value.values[field.key] : props.modelValue[field.key]) ?? null;
    const rowsShown = row => row.filter(visible);
    const tabErrors = i => tabs.value[i].sections.some(s => s.rows.flat().some(f => Object.keys(errors.value)
      .some(p => p === `/${f.key}` || p.startsWith(`/${f.key}/`))));
    const computedRows = field => (field.type === 'subtable' ? live.value.values[field.key] || [] : []);
    return { t, localName, tab, tabs, errors, formKey, change, visible, required, locked, value, rowsShown, tabErrors,
      computedRows };
  },
  template: /* html */ `
    <div class="record-form">
      <div v-if="tabs.length > 1" class="tabs" role="tablist">
        <button v-for="(tb, i) in tabs" :key="tb.key" type="button" role="tab" class="tab" :class="{ active: tab === i }"
                :aria-selected="tab === i" :data-test="'tab-' + tb.key" @click="tab = i">
          {{ localName(tb.title, tb.key) }}<span v-if="tabErrors(i)" class="tab-error" :title="t('record.tabHasErrors')">!</span>
        </button>
      </div>
      <template v-for="(tb, i) in tabs" :key="tb.key">
        <div v-show="tab === i || tabs.length === 1">
          <section v-for="s in tb.sections" :key="s.key" class="form-section">
            <h2 v-if="s.title" class="form-section-title">{{ localName(s.title, s.key) }}</h2>
            <template v-for="(row, r) in s.rows" :key="r">
              <div v-if="rowsShown(row).length" class="form-row" :class="'cols-' + row.length">
                <div v-for="f in rowsShown(row)" :key="f.key" class="field record-field" :class="{ wide: f.type === 'subtable' }"
                     :data-field="f.key">
                  <span class="field-label">{{ localName(f.label, f.key) }}<span v-if="required(f) && !locked(f)"
                        class="required-mark">*</span></span>
                  <SubTable v-if="f.type === 'subtable'" :field="f" :rows="modelValue[f.key] || []" :computed-rows="computedRows(f)"
                            :app="app" :form="formKey" :readonly="locked(f)" :offline="offline" :errors="errors"
                            :read-only-keys="readOnlyKeys" @update:rows="rows => change(f.key, rows)" />
                  <FieldInput v-else :field="f" :model-value="value(f)" :app="app" :form="formKey" :path="f.key"
                              :readonly="locked(f)" :offline="offline" :invalid="!!errors['/' + f.key]"
                              @update:model-value="v => change(f.key, v)" />
                  <p v-if="f.description && !readonly" class="field-help muted small">{{ localName(f.description) }}</p>
                  <p v-if="errors['/' + f.key]" class="field-error" :data-test="'error-' + f.key">{{ errors['/' + f.key] }}</p>
                </div>
              </div>
            </template>
          </section>
        </div>
      </template>
    </div>`,
};
