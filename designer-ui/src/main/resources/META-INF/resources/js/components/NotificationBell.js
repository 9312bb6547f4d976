// The header's bell: the unread count, and on click the newest notifications with "mark all read" and a link to
// the full list. The count is fetched again on every navigation and every 30 seconds.
import { ref, watch, onMounted, onBeforeUnmount } from 'vue';
import { api } from '../api.js';
import { t, locale, formatDate } from '../i18n.js';
import { route, navigate } from '../router.js';
import { unreadNotifications, refreshUnreadNotifications } from '../notificationCount.js';
import { pickText, routeLink, badgeText } from '../notifications.js';
import UiIcon from './UiIcon.js';

const REFRESH_MS = 30_000;
const NEWEST = 6;

export default {
  name: 'NotificationBell',
  components: { UiIcon },
  setup() {
    const open = ref(false);
    const items = ref(null);
    const failed = ref(false);
    const root = ref(null);

    async function loadNewest() {
      failed.value = false;
      try {
        items.value = (await api.get(`/api/notifications?page=0&size=${NEWEST}`)).items;
      } catch {
        failed.value = true;
      }
    }
    function toggle() {
      open.value = !open.value;
      if (open.value) {
        refreshUnreadNotifications();
        loadNewest();
      }
    }
    async function openItem(item) {
      open.value = false;
      if (!item.read) {
        await api.post(`/api/notifications/${item.id}/read`).catch(() => {});
        refreshUnreadNotifications();
      }
      const link = routeLink(item);
      if (link) navigate(link.slice(1));
    }
    async function readAll() {
      await api.post('/api/notifications/read-all').catch(() => {});
      await Promise.all([refreshUnreadNotifications(), loadNewest()]);
    }

    watch(route, () => {
      open.value = false;
      refreshUnreadNotifications();
    }, { immediate: true });
    let timer = null;
    const closeOutside = event => {
      if (root.value && !root.value.contains(event.target)) open.value = false;
    };
    onMounted(() => {
      timer = setInterval(refreshUnreadNotifications, REFRESH_MS);
      document.addEventListener('click', closeOutside);
    });
    onBeforeUnmount(() => {
      clearInterval(timer);
      document.removeEventListener('click', closeOutside);
    });

    return { t, locale, formatDate, pickText, badgeText, unreadNotifications, open, items, failed, root, toggle, openItem,
      readAll };
  },
  template: /* html */ `
    <div class="bell" ref="root">
      <button type="button" class="bell-button" data-test="bell" :aria-expanded="open" @click="toggle"
              :aria-label="t('notifications.bell', { count: unreadNotifications.value })" :title="t('notifications.title')">
        <UiIcon name="bell" :size="19" />
        <span v-if="unreadNotifications.value" class="bell-count" data-test="bell-count">{{ badgeText(unreadNotifications.value) }}</span>
      </button>
      <div v-if="open" class="dropdown bell-panel" data-test="bell-panel">
        <div class="bell-head">
          <strong>{{ t('notifications.title') }}</strong>
          <button v-if="unreadNotifications.value" type="button" class="link-button small" data-test="bell-read-all" @click="readAll">{{ t('notifications.readAll') }}</button>
        </div>
        <p v-if="failed" class="muted small bell-empty">{{ t('notifications.unavailable') }}</p>
        <p v-else-if="!items" class="muted small bell-empty">{{ t('common.loading') }}</p>
        <p v-else-if="!items.length" class="muted small bell-empty" data-test="bell-empty">{{ t('notifications.empty') }}</p>
        <button v-for="item in items || []" :key="item.id" type="button" class="bell-item" :class="{ unread: !item.read }"
                data-test="bell-item" :data-read="item.read" @click="openItem(item)">
          <span class="bell-item-title">{{ pickText(item.title, locale) }}</span>
          <span v-if="item.body" class="bell-item-body">{{ pickText(item.body, locale) }}</span>
          <span class="muted small">{{ formatDate(item.createdAt) }}</span>
        </button>
        <a class="bell-all" href="#/notifications" data-test="bell-all" @click="open = false">{{ t('notifications.all') }}</a>
      </div>
    </div>`,
};
