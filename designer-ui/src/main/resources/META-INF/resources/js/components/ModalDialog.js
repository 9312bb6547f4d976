// A centred dialog over a dimmed page; closes on Escape or the backdrop.
import { onMounted, onBeforeUnmount } from 'vue';
import { t } from '../i18n.js';
import UiIcon from './UiIcon.js';

export default {
  name: 'ModalDialog',
  props: { title: { type: String, required: true } },
  components: { UiIcon },
  emits: ['close'],
  setup(props, { emit }) {
    const onKey = event => {
      if (event.key === 'Escape') emit('close');
    };
    onMounted(() => document.addEventListener('keydown', onKey));
    onBeforeUnmount(() => document.removeEventListener('keydown', onKey));
    return { t };
  },
  template: /* html */ `
    <div class="modal-backdrop" @click.self="$emit('close')">
      <div class="modal" role="dialog" aria-modal="true" :aria-label="title">
        <header class="modal-header">
          <h2>{{ title }}</h2>
          <button type="button" class="icon-button" :title="t('common.close')" @click="$emit('close')"><UiIcon name="close" /></button>
        </header>
        <div class="modal-body"><slot></slot></div>
      </div>
    </div>`,
};
