// #/notifications: the signed-in user's notifications, newest first, paged; opening one marks it read and follows its
// link; each can be marked read, or all at once.
import { ref, computed, onMounted } from 'vue';
import { api, attempt } from '../api.js';
import { t, locale, formatDate } from '../i18n.js';
import { navigate } from '../router.js';
import { pageFacts } from '../flow.js';
import { pickText, routeLink, pageQuery } from '../notifications.js';
import { unreadNotifications, refreshUnreadNotifications } from '../notificationCount.js';
import PageLayout from '../components/PageLayout.js';
import ErrorBox from '../components/ErrorBox.js';

const SIZE = 20;

export default {
  name: 'NotificationsPage',
  components: { PageLayout, ErrorBox },
  setup() {
    const result = ref(null);
    const page = ref(0);
    const error = ref(null);
    const loading = ref(false);

    async function load() {
      loading.value = true;
      await attempt(error, async () => {
        result.value = await api.get(`/api/notifications?${pageQuery({ page: page.value, size: SIZE })}`);
      });
      loading.value = false;
    }
    async function markRead(item) {
      await attempt(error, async () => {
        await api.post(`/api/notifications/${item.id}/read`);
        item.read = true;
      });
      refreshUnreadNotifications();
    }
    async function readAll() {
      await attempt(error, async () => {
        await api.post('/api/notifications/read-all');
        await load();
      });
      refreshUnreadNotifications();
    }
    async function open(item) {
      if (!item.read) await markRead(item);
      const link = routeLink(item);
      if (link) navigate(link.slice(1));
    }
    function go(step) {
      page.value += step;
      load();
    }
    const facts = computed(() => pageFacts(result.value?.total, page.value, SIZE, result.value?.items.length || 0));
    onMounted(load);
    return { t, locale, formatDate, pickText, routeLink, result, error, loading, facts, page, unreadNotifications, markRead,
      readAll, open, go };
  },
  template: /* html */ `
    <PageLayout>
      <div class="page-header" data-test="notifications-page">
        <h1>{{ t('notifications.title') }}</h1>
        <div class="page-actions">
          <button type="button" class="button" data-test="read-all" :disabled="!unreadNotifications.value" @click="readAll">{{ t('notifications.readAll') }}</button>
        </div>
      </div>
      <ErrorBox :error="error" />
      <ul v-if="result" class="notice-list panel">
        <li v-for="item in result.items" :key="item.id" class="notice" :class="{ unread: !item.read }"
            data-test="notification-item" :data-read="item.read">
          <span class="notice-dot" aria-hidden="true"></span>
          <div class="notice-text">
            <a v-if="routeLink(item)" :href="routeLink(item)" class="notice-title" @click.prevent="open(item)">{{ pickText(item.title, locale) }}</a>
            <span v-else class="notice-title">{{ pickText(item.title, locale) }}</span>
            <span v-if="item.body" class="notice-body">{{ pickText(item.body, locale) }}</span>
            <span class="muted small">{{ formatDate(item.createdAt) }}</span>
          </div>
          <button v-if="!item.read" type="button" class="button button-small button-ghost" data-test="mark-read" @click="markRead(item)">{{ t('notifications.markRead') }}</button>
          <span v-else class="muted small">{{ t('notifications.read') }}</span>
        </li>
        <li v-if="!loading && !result.items.length" class="notice-empty muted" data-test="notifications-empty">{{ t('notifications.empty') }}</li>
      </ul>
      <div v-if="result && facts.pages > 1" class="pager">
        <span class="muted small">{{ t('inbox.page', { page: page + 1, pages: facts.pages, total: result.total }) }}</span>
        <button type="button" class="button button-small" :disabled="!facts.hasPrevious || loading" @click="go(-1)">‹ {{ t('records.previous') }}</button>
        <button type="button" class="button button-small" :disabled="!facts.hasNext || loading" @click="go(1)">{{ t('records.next') }} ›</button>
      </div>
    </PageLayout>`,
};
