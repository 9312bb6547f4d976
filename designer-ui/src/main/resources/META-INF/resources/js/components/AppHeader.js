// Top bar: brand, main navigation (apps, the approvals inbox with the to-do count, administration), the notification
// bell and the user menu (language, tokens, sign out).
import { computed, ref, watch, onMounted, onBeforeUnmount } from 'vue';
import { api } from '../api.js';
import { t, locale, setLocale, LOCALES } from '../i18n.js';
import { route, navigate } from '../router.js';
import { session, isAdmin, mayManagePacks } from '../session.js';
import { inboxCounts, refreshInboxCounts } from '../inboxCounts.js';
import NotificationBell from './NotificationBell.js';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' };

export default {
  name: 'AppHeader',
  components: { NotificationBell },
  setup() {
    const menuOpen = ref(false);
    const root = ref(null);
    const me = computed(() => session.me);
    const initials = computed(() => (me.value.displayName || me.value.username).trim().slice(0, 1).toUpperCase());
    const adminHome = computed(() => (isAdmin() ? '#/admin/users' : mayManagePacks() ? '#/admin/packs' : null));
    const inAdmin = computed(() => ['users', 'roles', 'orgs', 'packs', 'tokens', 'outbox'].includes(route.value.name));
    const inFlow = computed(() => ['inbox', 'task', 'instance'].includes(route.value.name));
    const todo = computed(() => inboxCounts.value?.todo || 0);

    async function chooseLanguage(tag) {
      setLocale(tag);
      menuOpen.value = false;
      try {
        session.me = await api.patch('/api/me', { locale: tag });
      } catch {
        // The choice still holds on this browser (localStorage); only the account default was not updated.
      }
    }
    async function signOut() {
      menuOpen.value = false;
      try {
        await api.post('/api/auth/logout');
      } finally {
        session.me = null;
        navigate('/login');
      }
    }
    watch(route, () => {
      menuOpen.value = false;
      refreshInboxCounts();
    }, { immediate: true });
    const closeOutside = event => {
      if (root.value && !root.value.contains(event.target)) menuOpen.value = false;
    };
    onMounted(() => document.addEventListener('click', closeOutside));
    onBeforeUnmount(() => document.removeEventListener('click', closeOutside));

    return { t, locale, LOCALES, LANGUAGE_NAMES, me, initials, menuOpen, root, adminHome, inAdmin, inFlow, todo, route, chooseLanguage, signOut };
  },
  template: /* html */ `
    <header class="topbar">
      <a class="brand" href="#/apps"><span class="brand-mark" aria-hidden="true"><i></i><i></i><i></i><i></i></span>Mosaic</a>
      <nav class="topnav">
        <a href="#/apps" :class="{ active: !inAdmin && !inFlow }">{{ t('nav.apps') }}</a>
        <a href="#/inbox/todo" :class="{ active: inFlow }" data-test="nav-inbox">{{ t('nav.inbox') }}<span v-if="todo" class="count-badge count-badge-strong"
           data-test="inbox-badge">{{ todo > 99 ? '99+' : todo }}</span></a>
        <a v-if="adminHome" :href="adminHome" :class="{ active: inAdmin }">{{ t('nav.admin') }}</a>
      </nav>
      <NotificationBell />
      <div class="user-menu" ref="root">
        <button type="button" class="user-button" data-test="user-menu" :aria-expanded="menuOpen" @click="menuOpen = !menuOpen">
          <span class="avatar">{{ initials }}</span><span class="user-name">{{ me.displayName || me.username }}</span><span class="caret" aria-hidden="true">▾</span>
        </button>
        <div v-if="menuOpen" class="dropdown">
          <div class="dropdown-identity"><strong>{{ me.displayName }}</strong><span>@{{ me.username }}</span></div>
          <div class="dropdown-label">{{ t('user.language') }}</div>
          <button v-for="tag in LOCALES" :key="tag" type="button" class="dropdown-item" :data-locale="tag"
                  :class="{ checked: locale === tag }" @click="chooseLanguage(tag)">{{ LANGUAGE_NAMES[tag] }}</button>
          <hr>
          <a class="dropdown-item" href="#/tokens" @click="menuOpen = false">{{ t('nav.tokens') }}</a>
          <button type="button" class="dropdown-item" data-test="logout" @click="signOut">{{ t('user.logout') }}</button>
        </div>
      </div>
    </header>`,
};
