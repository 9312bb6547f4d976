// A destructive action that asks "sure?" in place instead of a browser confirm() popup.
import { ref } from 'vue';
import { t } from '../i18n.js';

export default {
  name: 'ConfirmButton',
  props: { label: { type: String, required: true }, busy: Boolean },
  emits: ['confirm'],
  setup(props, { emit }) {
    const asking = ref(false);
    function confirm() {
      asking.value = false;
      emit('confirm');
    }
    return { t, asking, confirm };
  },
  template: /* html */ `
    <span class="confirm-button">
      <button v-if="!asking" type="button" class="button button-small button-danger-ghost" :disabled="busy" @click="asking = true">{{ label }}</button>
      <template v-else>
        <button type="button" class="button button-small button-danger" data-confirm @click="confirm">{{ t('common.confirmAction', { action: label }) }}</button>
        <button type="button" class="button button-small button-ghost" @click="asking = false">{{ t('common.cancel') }}</button>
      </template>
    </span>`,
};
