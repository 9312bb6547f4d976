// Content with an optional side menu; below 800 px the menu folds into a drawer behind a toggle.
import { ref } from 'vue';
import { t } from '../i18n.js';

export default {
  name: 'PageLayout',
  props: { menuTitle: { type: String, default: '' } },
  setup() {
    const open = ref(false);
    function closeOnLink(event) {
      if (event.target.closest('a')) open.value = false;
    }
    return { t, open, closeOnLink };
  },
  template: /* html */ `
    <div class="layout" :class="{ 'has-sidebar': $slots.sidebar, 'sidebar-open': open }">
      <template v-if="$slots.sidebar">
        <button type="button" class="sidebar-toggle" :aria-expanded="open" @click="open = !open">
          <span class="hamburger" aria-hidden="true"></span>{{ menuTitle || t('common.menu') }}
        </button>
        <aside class="sidebar" @click="closeOnLink"><slot name="sidebar"></slot></aside>
        <div class="sidebar-scrim" @click="open = false"></div>
      </template>
      <main class="content"><slot></slot></main>
    </div>`,
};
