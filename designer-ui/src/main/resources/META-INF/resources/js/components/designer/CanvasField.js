// A field on the designer canvas: its label, a sketch of the control a user will fill in, and for a sub-table
// its columns, which take fields dropped into them.
import { computed, inject } from 'vue';
import { t, localName } from '../../i18n.js';
import DesignIcon from './DesignIcon.js';
import NodeTools from './NodeTools.js';
import SortableList from './SortableList.js';

const HINTS = {
  text: 'design.mock.text', textarea: 'design.mock.text', richtext: 'design.mock.text', email: 'design.mock.email',
  phone: 'design.mock.phone', url: 'design.mock.url', integer: 'design.mock.number', decimal: 'design.mock.number',
  money: 'design.mock.number', percent: 'design.mock.number', date: 'design.mock.date', datetime: 'design.mock.datetime',
  time: 'design.mock.time', select: 'design.mock.choose', multiselect: 'design.mock.choose', user: 'design.mock.user',
  org: 'design.mock.org', lookup: 'design.mock.lookup', attachment: 'design.mock.upload', image: 'design.mock.upload',
  region: 'design.mock.region',
};

const FieldMock = {
  name: 'FieldMock',
  components: { DesignIcon },
  props: { field: { type: Object, required: true } },
  setup(props) {
    const hint = computed(() => {
      const f = props.field;
      if (f.type === 'formula') return f.expression ? `= ${f.expression}` : t('design.mock.formula');
      if (f.type === 'serial') return f.pattern || '';
      if (f.type === 'money' && f.currency) return `${f.currency} 0.00`;
      if (f.type === 'percent') return '0 %';
      return HINTS[f.type] ? t(HINTS[f.type]) : '';
    });
    return { t, localName, hint };
  },
  template: /* html */ `
    <div v-if="field.type === 'radio' || field.type === 'checkbox'" class="mock-choices">
      <span v-for="option in (field.options || []).slice(0, 4)" :key="option.value" class="mock-choice">
        <i :class="field.type === 'radio' ? 'mock-radio' : 'mock-check'"></i>{{ localName(option.label, option.value) }}</span>
    </div>
    <div v-else-if="field.type === 'switch'" class="mock-switch"><i></i></div>
    <div v-else class="mock-input" :class="{ 'mock-tall': field.type === 'textarea' || field.type === 'richtext',
         'mock-drop': field.type === 'attachment' || field.type === 'image', 'mock-computed': field.type === 'formula' || field.type === 'serial' }">
      <span>{{ hint }}</span>
      <DesignIcon v-if="['select', 'multiselect', 'date', 'datetime', 'time', 'lookup', 'user', 'org'].includes(field.type)" :name="field.type" :size="14" />
    </div>`,
};

export default {
  name: 'CanvasField',
  components: { DesignIcon, FieldMock, NodeTools, SortableList },
  props: { node: { type: Object, required: true } },
  setup(props) {
    const designer = inject('designer');
    const selected = computed(() => designer.selected.value === props.node.uid);
    const invalid = computed(() => designer.hasProblems(props.node.uid));
    const select = id => designer.select(id);
    return { t, localName, designer, selected, invalid, select };
  },
  template: /* html */ `
    <div class="field-card" :class="{ selected, invalid, 'is-subtable': node.field.type === 'subtable' }" tabindex="0"
         :data-field="node.field.key" :data-uid="node.uid" @click.stop="select(node.uid)" @keydown.enter.self="select(node.uid)">
      <div class="field-card-head">
        <span class="field-card-label">{{ localName(node.field.label, node.field.key) }}<b v-if="node.field.required" class="required-mark">*</b></span>
        <span class="field-card-type"><DesignIcon :name="node.field.type" :size="13" />{{ t('fieldType.' + node.field.type) }}</span>
      </div>
      <SortableList v-if="node.columns" kind="columns" :items="node.columns" horizontal class="columns">
        <div v-for="column in node.columns" :key="column.uid" class="dz-item column-chip" tabindex="0"
             :class="{ selected: designer.selected.value === column.uid, invalid: designer.hasProblems(column.uid) }"
             :data-kind="column.field.type" data-role="column" :data-field="column.field.key" :data-uid="column.uid"
             @click.stop="select(column.uid)" @keydown.enter.self="select(column.uid)">
          <span class="column-label">{{ localName(column.field.label, column.field.key) }}<b v-if="column.field.required" class="required-mark">*</b></span>
          <span class="column-type"><DesignIcon :name="column.field.type" :size="12" />{{ t('fieldType.' + column.field.type) }}</span>
          <NodeTools v-if="designer.selected.value === column.uid" :id="column.uid" horizontal />
        </div>
        <div class="dz-slot" :class="{ 'dz-slot-wide': !node.columns.length }">{{ t(node.columns.length ? 'design.dropColumn' : 'design.dropColumns') }}</div>
      </SortableList>
      <FieldMock v-else :field="node.field" />
      <NodeTools v-if="selected" :id="node.uid" />
    </div>`,
};
