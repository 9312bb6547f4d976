import { ref, onMounted } from 'vue';
import { api, attempt } from '../api.js';
import { t, zhEnName } from '../i18n.js';
import { href } from '../router.js';
import { mayManagePacks } from '../session.js';
import ErrorBox from '../components/ErrorBox.js';
import PageLayout from '../components/PageLayout.js';

// Cards get a stable colour from their key so an app keeps its look between visits.
function hue(key) {
  let hash = 7;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export default {
  name: 'LauncherPage',
  components: { ErrorBox, PageLayout },
  setup() {
    const apps = ref(null);
    const error = ref(null);
    onMounted(async () => {
      await attempt(error, async () => {
        apps.value = await api.get('/api/apps');
      });
    });
    const initial = app => zhEnName(app).slice(0, 1).toUpperCase();
    return { t, apps, error, zhEnName, href, hue, initial, mayManagePacks };
  },
  template: /* html */ `
    <PageLayout>
      <div class="page-header" data-test="launcher"><h1>{{ t('launcher.title') }}</h1></div>
      <ErrorBox :error="error" />
      <p v-if="!apps && !error" class="muted">{{ t('common.loading') }}</p>
      <div v-else-if="apps && apps.length === 0" class="empty">
        <p>{{ t('launcher.empty') }}</p>
        <a v-if="mayManagePacks()" class="button button-primary" href="#/admin/packs">{{ t('launcher.importPack') }}</a>
      </div>
      <div v-else-if="apps" class="card-grid">
        <a v-for="app in apps" :key="app.key" class="app-card" :href="href('apps', app.key)" :data-app="app.key">
          <span class="app-icon" :style="{ '--hue': hue(app.key) }">{{ initial(app) }}</span>
          <span class="app-card-text">
            <strong>{{ zhEnName(app) }}</strong>
            <span class="muted">{{ app.key }} · {{ app.version ? 'v' + app.version : t('launcher.unpublished') }}</span>
          </span>
        </a>
      </div>
    </PageLayout>`,
};
