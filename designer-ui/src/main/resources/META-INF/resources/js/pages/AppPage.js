// One app: its menu from the published manifest on the side; a menu target opens in the content area: a form's
// records, a dashboard, a report (where a drill-through leads), or a decision table to run over a period.
import { ref, computed, watch } from 'vue';
import { api, attempt } from '../api.js';
import { t, localName } from '../i18n.js';
import { route, href } from '../router.js';
import ErrorBox from '../components/ErrorBox.js';
import PageLayout from '../components/PageLayout.js';
import UiIcon from '../components/UiIcon.js';
import DesignEntry from '../components/designer/DesignEntry.js';
import RecordListPage from './records/RecordListPage.js';
import RecordPage from './records/RecordPage.js';
import DashboardPage from './reports/DashboardPage.js';
import DecisionPage from './rules/DecisionPage.js';
import ReportWidget from '../components/report/ReportWidget.js';
import { recordFiltersFromQuery } from '../report/dashboardFilters.js';

/** Dashboards and reports open at `#/apps/{app}/dashboards/{key}` and `…/reports/{key}`; forms at `…/form/{key}`. */
const SEGMENTS = { dashboard: 'dashboards', report: 'reports' };
const KINDS = { dashboards: 'dashboard', reports: 'report' };
const targetLink = (app, target) => href('apps', app, SEGMENTS[target.kind] || target.kind, target.key);

const MenuTree = {
  name: 'MenuTree',
  props: { items: { type: Array, required: true }, app: { type: String, required: true } },
  setup() {
    const isActive = item => item.target && (KINDS[route.value.params.kind] || route.value.params.kind) === item.target.kind
      && route.value.params.key === item.target.key;
    return { localName, targetLink, isActive };
  },
  template: /* html */ `
    <ul class="menu-tree">
      <li v-for="item in items" :key="item.key">
        <a v-if="item.target" :href="targetLink(app, item.target)" :class="{ active: isActive(item) }" :data-menu="item.key">{{ localName(item.name, item.key) }}</a>
        <span v-else class="menu-group">{{ localName(item.name, item.key) }}</span>
        <MenuTree v-if="item.children && item.children.length" :items="item.children" :app="app" />
      </li>
    </ul>`,
};

/** Every menu entry that opens something, in menu order, at any depth. */
function withTargets(items) {
  return (items || []).flatMap(item => [...(item.target ? [item] : []), ...withTargets(item.children)]);
}

export default {
  name: 'AppPage',
  components: { ErrorBox, PageLayout, MenuTree, UiIcon, RecordListPage, RecordPage, DesignEntry, DashboardPage, DecisionPage, ReportWidget },
  setup() {
    const menu = ref(null);
    const error = ref(null);
    const appKey = computed(() => route.value.params.app);
    const entries = computed(() => (menu.value ? withTargets(menu.value.menus) : []));
    const target = computed(() => (route.value.name === 'target' || route.value.name === 'record'
      ? { kind: KINDS[route.value.params.kind] || route.value.params.kind, key: route.value.params.key, id: route.value.params.id } : null));
    const targetItem = computed(() => target.value
      && entries.value.find(item => item.target.kind === target.value.kind && item.target.key === target.value.key));

    watch(appKey, async key => {
      menu.value = null;
      error.value = null;
      await attempt(error, async () => {
        menu.value = await api.get(`/api/apps/${encodeURIComponent(key)}/menu`);
      });
    }, { immediate: true });

    // Entering the app opens its home: the first menu entry the user sees (the pack orders each role's dashboard or
    // work list first). replace: the browser's Back leaves the app instead of coming back here.
    watch([entries, () => route.value.name], ([list, name]) => {
      if (name === 'app' && list.length) location.replace(targetLink(appKey.value, list[0].target));
    });

    const kindLabel = kind => t(`kind.${kind}`);
    /** A report opened on its own (a drill-through): its data under the address's filters. */
    const reportFilters = computed(() => recordFiltersFromQuery(route.value.query).map(f => `${f.field}:${f.op}:${f.value}`));
    const reportData = computed(() => {
      const params = new URLSearchParams();
      reportFilters.value.forEach(filter => params.append('filter', filter));
      const query = params.toString();
      return `/api/apps/${encodeURIComponent(appKey.value)}/reports/${encodeURIComponent(target.value.key)}/data${query ? `?${query}` : ''}`;
    });
    return { t, localName, route, menu, error, appKey, target, targetItem, entries, targetLink, kindLabel, reportFilters, reportData };
  },
  template: /* html */ `
    <PageLayout :menu-title="menu ? localName(menu.name, appKey) : appKey">
      <template #sidebar>
        <a class="sidebar-back" href="#/apps"><UiIcon name="back" :size="14" /> {{ t('nav.apps') }}</a>
        <div class="sidebar-heading">{{ menu ? localName(menu.name, appKey) : appKey }}</div>
        <DesignEntry :app="appKey" />
        <MenuTree v-if="menu" :items="menu.menus" :app="appKey" />
        <p v-if="menu && menu.menus.length === 0" class="muted small">{{ t('app.noMenus') }}</p>
      </template>
      <ErrorBox :error="error" />
      <template v-if="menu">
        <template v-if="target && target.kind === 'form'">
          <RecordPage v-if="target.id" :app="appKey" :form-key="target.key" :id="target.id" />
          <RecordListPage v-else :app="appKey" :form-key="target.key" :query="route.query" :title="targetItem ? localName(targetItem.name, target.key) : ''" />
        </template>
        <DashboardPage v-else-if="target && target.kind === 'dashboard'" :app="appKey" :dashboard-key="target.key" :query="route.query" />
        <section v-else-if="target && target.kind === 'report'" class="report-page" data-test="report-page">
          <ul v-if="reportFilters.length" class="applied-filters"><li v-for="f in reportFilters" :key="f" class="chip"><code>{{ f }}</code></li></ul>
          <ReportWidget :app="appKey" :report="target.key" :data-path="reportData" :filters="reportFilters" />
        </section>
        <DecisionPage v-else-if="target && target.kind === 'decision'" :app="appKey" :table-key="target.key"
                      :title="targetItem ? localName(targetItem.name, target.key) : ''" />
        <section v-else-if="target" class="placeholder" data-test="target-placeholder">
          <div class="page-header"><h1>{{ targetItem ? localName(targetItem.name, target.key) : target.key }}</h1></div>
          <div class="panel">
            <p><span class="badge">{{ kindLabel(target.kind) }}</span> <code>{{ target.key }}</code></p>
            <p>{{ t('app.targetPending', { kind: kindLabel(target.kind), engine: t('engine.' + target.kind) }) }}</p>
          </div>
        </section>
        <section v-else-if="!entries.length">
          <div class="page-header"><h1>{{ localName(menu.name, appKey) }}</h1></div>
          <p class="muted">{{ t('app.noMenus') }}</p>
        </section>
      </template>
    </PageLayout>`,
};
