// Chosen values as removable chips, and a list to add more from: users, roles and fields in the designers' panels.
import { computed } from 'vue';
import { t } from '../../i18n.js';

export default {
  name: 'ChipPicker',
  props: { modelValue: { type: Array, default: () => [] }, options: { type: Array, required: true }, name: String, invalid: Boolean },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const labelOf = value => props.options.find(option => option.value === value)?.label || String(value);
    const left = computed(() => props.options.filter(option => !props.modelValue.includes(option.value)));
    function add(event) {
      const value = event.target.value;
      event.target.value = '';
      if (value) emit('update:modelValue', [...props.modelValue, value]);
    }
    const remove = value => emit('update:modelValue', props.modelValue.filter(chosen => chosen !== value));
    return { t, labelOf, left, add, remove };
  },
  template: /* html */ `
    <div class="chip-picker" :data-test="'pick-' + name" :class="{ invalid }">
      <span v-for="value in modelValue" :key="value" class="chip" :data-value="value">{{ labelOf(value) }}
        <button type="button" class="chip-remove" :title="t('common.remove')" @click="remove(value)">×</button></span>
      <select :name="name" :aria-invalid="invalid ? 'true' : null" @change="add">
        <option value="">{{ t('flow.add') }}</option>
        <option v-for="option in left" :key="option.value" :value="option.value">{{ option.label }}</option>
      </select>
    </div>`,
};
