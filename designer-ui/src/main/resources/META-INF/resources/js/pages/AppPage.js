// One app: its menu from the published manifest on the side; a menu target opens in the content area.
import { ref, computed, watch } from 'vue';
import { api } from '../api.js';
import { t, localName } from '../i18n.js';
import { route, href } from '../router.js';
import ErrorBox from '../components/ErrorBox.js';
import PageLayout from '../components/PageLayout.js';

const MenuTree = {
  name: 'MenuTree',
  props: { items: { type: Array, required: true }, app: { type: String, required: true } },
  setup() {
    const link = (app, item) => (item.target ? href('apps', app, item.target.kind, item.target.key) : null);
    const isActive = item => item.target && route.value.params.kind === item.target.kind && route.value.params.key === item.target.key;
    return { localName, link, isActive };
  },
  template: /* html */ `
    <ul class="menu-tree">
      <li v-for="item in items" :key="item.key">
        <a v-if="item.target" :href="link(app, item)" :class="{ active: isActive(item) }" :data-menu="item.key">{{ localName(item.name, item.key) }}</a>
        <span v-else class="menu-group">{{ localName(item.name, item.key) }}</span>
        <MenuTree v-if="item.children && item.children.length" :items="item.children" :app="app" />
      </li>
    </ul>`,
};

function findByTarget(items, kind, key) {
  for (const item of items || []) {
    if (item.target && item.target.kind === kind && item.target.key === key) return item;
    const inChildren = findByTarget(item.children, kind, key);
    if (inChildren) return inChildren;
  }
  return null;
}

export default {
  name: 'AppPage',
  components: { ErrorBox, PageLayout, MenuTree },
  setup() {
    const menu = ref(null);
    const error = ref(null);
    const appKey = computed(() => route.value.params.app);
    const target = computed(() => (route.value.name === 'target'
      ? { kind: route.value.params.kind, key: route.value.params.key } : null));
    const targetItem = computed(() => target.value && menu.value && findByTarget(menu.value.menus, target.value.kind, target.value.key));

    watch(appKey, async key => {
      menu.value = null;
      error.value = null;
      try {
        menu.value = await api.get(`/api/apps/${encodeURIComponent(key)}/menu`);
      } catch (failure) {
        error.value = failure;
      }
    }, { immediate: true });

    const kindLabel = kind => t(`kind.${kind}`);
    return { t, localName, menu, error, appKey, target, targetItem, kindLabel };
  },
  template: /* html */ `
    <PageLayout :menu-title="menu ? localName(menu.name, appKey) : appKey">
      <template #sidebar>
        <a class="sidebar-back" href="#/apps">← {{ t('nav.apps') }}</a>
        <div class="sidebar-heading">{{ menu ? localName(menu.name, appKey) : appKey }}</div>
        <MenuTree v-if="menu" :items="menu.menus" :app="appKey" />
        <p v-if="menu && menu.menus.length === 0" class="muted small">{{ t('app.noMenus') }}</p>
      </template>
      <ErrorBox :error="error" />
      <template v-if="menu">
        <section v-if="target" class="placeholder" data-test="target-placeholder">
          <div class="page-header"><h1>{{ targetItem ? localName(targetItem.name, target.key) : target.key }}</h1></div>
          <div class="panel">
            <p><span class="badge">{{ kindLabel(target.kind) }}</span> <code>{{ target.key }}</code></p>
            <p>{{ t('app.targetPending', { kind: kindLabel(target.kind), key: target.key }) }}</p>
          </div>
        </section>
        <section v-else>
          <div class="page-header"><h1>{{ localName(menu.name, appKey) }}</h1></div>
          <p class="muted">{{ menu.menus.length ? t('app.pickMenu') : t('app.noMenus') }}</p>
        </section>
      </template>
    </PageLayout>`,
};
