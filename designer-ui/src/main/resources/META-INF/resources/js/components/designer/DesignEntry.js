// The way from an app into its designers, shown only to those who may edit definitions (admins, analysts).
import { t } from '../../i18n.js';
import { href } from '../../router.js';
import { mayDesign } from '../../session.js';
import DesignIcon from './DesignIcon.js';

export default {
  name: 'DesignEntry',
  components: { DesignIcon },
  props: { app: { type: String, required: true } },
  setup: () => ({ t, href, mayDesign }),
  template: /* html */ `
    <a v-if="mayDesign()" class="design-entry" :href="href('design', app)" data-test="design-app"><DesignIcon name="design" :size="15" />{{ t('design.entry') }}</a>`,
};
