// Administration pages share one side menu listing only the pages the user may open.
import { computed } from 'vue';
import { t } from '../i18n.js';
import { route } from '../router.js';
import { isAdmin, mayManagePacks } from '../session.js';
import PageLayout from './PageLayout.js';
import UiIcon from './UiIcon.js';

export default {
  name: 'AdminLayout',
  components: { PageLayout, UiIcon },
  props: { title: { type: String, required: true } },
  setup() {
    const items = computed(() => [
      { name: 'users', path: '#/admin/users', label: t('nav.users'), icon: 'user', show: isAdmin() },
      { name: 'roles', path: '#/admin/roles', label: t('nav.roles'), icon: 'shield', show: isAdmin() },
      { name: 'orgs', path: '#/admin/orgs', label: t('nav.orgs'), icon: 'tree', show: isAdmin() },
      { name: 'tokens', path: '#/tokens', label: t('nav.tokens'), icon: 'key', show: true },
      { name: 'packs', path: '#/admin/packs', label: t('nav.packs'), icon: 'package', show: mayManagePacks() },
      { name: 'outbox', path: '#/admin/outbox', label: t('nav.outbox'), icon: 'send', show: isAdmin() },
      { name: 'webhooks', path: '#/admin/webhooks', label: t('nav.webhooks'), icon: 'link', show: isAdmin() },
    ].filter(item => item.show));
    return { t, items, route };
  },
  template: /* html */ `
    <PageLayout :menu-title="t('nav.admin')">
      <template #sidebar>
        <div class="sidebar-heading">{{ t('nav.admin') }}</div>
        <nav class="side-nav">
          <a v-for="item in items" :key="item.name" :href="item.path"
             :class="{ active: route.name === item.name }"><UiIcon :name="item.icon" :size="17" />{{ item.label }}</a>
        </nav>
      </template>
      <div class="page-header"><h1>{{ title }}</h1><div class="page-actions"><slot name="actions"></slot></div></div>
      <slot></slot>
    </PageLayout>`,
};
