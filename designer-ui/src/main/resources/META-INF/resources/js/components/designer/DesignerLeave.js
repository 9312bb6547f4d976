// The end of every designer: on a screen too narrow to design on, a way back to the design home; and, while the
// user is about to leave unsaved work (`pending`), the dialog that asks whether to stay.
import { t } from '../../i18n.js';
import ModalDialog from '../ModalDialog.js';

export default {
  name: 'DesignerLeave',
  components: { ModalDialog },
  props: {
    backHref: { type: String, required: true },
    backLabel: { type: String, required: true },
    pending: { type: String, default: null },
  },
  emits: ['stay', 'leave'],
  setup() {
    return { t };
  },
  template: /* html */ `
    <div class="designer-narrow panel">
      <h2>{{ t('design.narrowTitle') }}</h2>
      <p class="muted">{{ t('design.narrowText') }}</p>
      <a class="button" :href="backHref">{{ backLabel }}</a>
    </div>
    <ModalDialog v-if="pending" :title="t('design.leaveTitle')" @close="$emit('stay')">
      <p>{{ t('design.leaveText') }}</p>
      <div class="form-actions">
        <button type="button" class="button button-ghost" data-test="stay" @click="$emit('stay')">{{ t('design.stay') }}</button>
        <button type="button" class="button button-danger" data-test="leave" @click="$emit('leave')">{{ t('design.leave') }}</button>
      </div>
    </ModalDialog>`,
};
