// A record's workflow status as a coloured badge; `data-status` carries the status for tests and styles.
import { t } from '../../i18n.js';
import { statusOf, statusTone, statusLabel } from '../../flow.js';

export default {
  name: 'StatusBadge',
  props: { status: { type: String, default: null } },
  setup: () => ({ t, statusOf, statusTone, statusLabel }),
  template: /* html */ `
    <span class="badge flow-badge" :class="'tone-' + statusTone(status)" :data-status="statusOf(status)">{{ statusLabel(status, t) }}</span>`,
};
