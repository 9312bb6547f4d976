import { toasts, dismissToast } from '../toast.js';
import { t } from '../i18n.js';

export default {
  name: 'ToastHost',
  setup: () => ({ toasts, dismissToast, t }),
  template: /* html */ `
    <div class="toasts" aria-live="polite">
      <div v-for="toast in toasts" :key="toast.id" class="toast" :class="'toast-' + toast.tone" data-test="toast" role="status">
        <span>{{ toast.text }}</span>
        <button type="button" class="icon-button" :aria-label="t('common.close')" @click="dismissToast(toast.id)">×</button>
      </div>
    </div>`,
};
