// Text shown to people, in both languages the platform ships ({"zh-CN": …, "en": …}): two inputs side by side. An
// optional text left blank in both is no text at all, so the member goes away rather than failing the schema.
import { t } from '../../i18n.js';

export default {
  name: 'TextPair',
  props: {
    modelValue: { type: Object, default: undefined },
    name: { type: String, required: true },
    label: { type: String, required: true },
    optional: Boolean,
    invalid: Boolean,
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    function set(locale, value) {
      const next = { 'zh-CN': props.modelValue?.['zh-CN'] || '', en: props.modelValue?.en || '', [locale]: value };
      emit('update:modelValue', props.optional && !next['zh-CN'] && !next.en ? undefined : next);
    }
    return { t, set };
  },
  template: /* html */ `
    <div class="field text-pair" :data-test="'text-' + name">
      <span>{{ label }}<template v-if="optional"> · {{ t('rules.optional') }}</template></span>
      <div class="text-pair-inputs">
        <input :name="name + '-zh'" lang="zh-CN" placeholder="中文" :value="modelValue?.['zh-CN'] || ''"
               :aria-invalid="invalid ? 'true' : null" @input="set('zh-CN', $event.target.value)">
        <input :name="name + '-en'" lang="en" placeholder="English" :value="modelValue?.en || ''"
               :aria-invalid="invalid ? 'true' : null" @input="set('en', $event.target.value)">
      </div>
    </div>`,
};
