import { createApp, computed, watch } from 'vue';
import { onUnauthorized } from './api.js';
import { t } from './i18n.js';
import { route, navigate } from './router.js';
import { session, loadMe, isAdmin, mayManagePacks, mayDesign } from './session.js';
import AppHeader from './components/AppHeader.js';
import PageLayout from './components/PageLayout.js';
import LoginPage from './pages/LoginPage.js';
import SetPasswordPage from './pages/SetPasswordPage.js';
import LauncherPage from './pages/LauncherPage.js';
import AppPage from './pages/AppPage.js';
import TokensPage from './pages/TokensPage.js';
import UsersPage from './pages/admin/UsersPage.js';
import RolesPage from './pages/admin/RolesPage.js';
import OrgsPage from './pages/admin/OrgsPage.js';
import PacksPage from './pages/admin/PacksPage.js';
import OutboxPage from './pages/admin/OutboxPage.js';
import WebhooksPage from './pages/admin/WebhooksPage.js';
import DesignHomePage from './pages/design/DesignHomePage.js';
import FormDesignerPage from './pages/design/FormDesignerPage.js';
import FlowDesignerPage from './pages/design/FlowDesignerPage.js';
import RuleDesignerPage from './pages/design/RuleDesignerPage.js';
import DecisionDesignerPage from './pages/design/DecisionDesignerPage.js';
import ReportDesignerPage from './pages/design/ReportDesignerPage.js';
import DashboardDesignerPage from './pages/design/DashboardDesignerPage.js';
import InboxPage from './pages/flow/InboxPage.js';
import TaskPage from './pages/flow/TaskPage.js';
import InstancePage from './pages/flow/InstancePage.js';
import NotificationsPage from './pages/NotificationsPage.js';
import ToastHost from './components/ToastHost.js';

const PAGES = {
  login: LoginPage, launcher: LauncherPage, app: AppPage, target: AppPage, record: AppPage, tokens: TokensPage,
  users: UsersPage, roles: RolesPage, orgs: OrgsPage, packs: PacksPage, outbox: OutboxPage, webhooks: WebhooksPage,
  design: DesignHomePage, formDesigner: FormDesignerPage, flowDesigner: FlowDesignerPage,
  ruleDesigner: RuleDesignerPage, decisionDesigner: DecisionDesignerPage, reportDesigner: ReportDesignerPage,
  dashboardDesigner: DashboardDesignerPage,
  inbox: InboxPage, task: TaskPage, instance: InstancePage, notifications: NotificationsPage,
};

const Message = {
  components: { PageLayout },
  props: { title: String, text: String },
  setup: () => ({ t }),
  template: /* html */ `
    <PageLayout><div class="empty"><h1>{{ title }}</h1><p class="muted">{{ text }}</p>
      <a class="button" href="#/apps">{{ t('nav.backToApps') }}</a></div></PageLayout>`,
};

const Root = {
  components: { AppHeader, LoginPage, SetPasswordPage, Message, ToastHost },
  setup() {
    const allowed = computed(() => (!route.value.meta.admin || isAdmin()) && (!route.value.meta.packs || mayManagePacks())
      && (!route.value.meta.design || mayDesign()));
    const page = computed(() => PAGES[route.value.name]);

    // Anyone not signed in lands on the login page and comes back to where they were going; public pages (setting a
    // password with a mailed link) are for people who cannot sign in yet.
    watch([() => session.checked, () => session.me, route], () => {
      if (!session.checked || route.value.meta.public) return;
      if (!session.me && route.value.name !== 'login') {
        session.returnTo = route.value.path;
        navigate('/login');
      } else if (session.me && route.value.name === 'login') {
        navigate('/apps');
      }
    }, { immediate: true });

    return { t, session, route, page, allowed };
  },
  template: /* html */ `
    <template v-if="session.checked">
      <SetPasswordPage v-if="route.name === 'setPassword'" />
      <LoginPage v-else-if="!session.me || route.name === 'login'" />
      <div v-else class="shell">
        <AppHeader />
        <component v-if="page && allowed" :is="page" :key="['target', 'record'].includes(route.name) ? 'app' : route.name" />
        <Message v-else-if="page" data-test="forbidden" :title="t('error.forbiddenTitle')" :text="t('error.forbiddenText')" />
        <Message v-else data-test="not-found" :title="t('error.notFoundTitle')" :text="t('error.notFoundText', { path: route.path })" />
      </div>
      <ToastHost />
    </template>
    <div v-else class="boot">{{ t('common.loading') }}</div>`,
};

onUnauthorized(() => {
  session.me = null;
});

createApp(Root).mount('#app');
// Any failure other than 401 leaves the user on the login page, where signing in reports what is wrong.
loadMe().catch(() => {});
