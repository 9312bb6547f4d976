// The inbox (#/inbox/{box}): to-do, done, started by me and CC to me, each with its count, a title search, an app
// filter and numbered pages. A task opens its approval page, a rule's to-do its record (and is marked done here); any
// other item opens its workflow instance.
import { ref, computed, watch } from 'vue';
import { api, attempt } from '../../api.js';
import { t, localName, zhEnName, formatDate } from '../../i18n.js';
import { route, navigate, href } from '../../router.js';
import { BOXES, boxOf, boxColumns, itemLink, inboxQuery, pageFacts, isOverdue, userName, actionLabel } from '../../flow.js';
import { inboxCounts, refreshInboxCounts } from '../../inboxCounts.js';
import ErrorBox from '../../components/ErrorBox.js';
import PageLayout from '../../components/PageLayout.js';
import StatusBadge from '../../components/flow/StatusBadge.js';

const PAGE_SIZES = [20, 50, 100];

export default {
  name: 'InboxPage',
  components: { ErrorBox, PageLayout, StatusBadge },
  setup() {
    const box = computed(() => boxOf(route.value.params.box));
    const page = ref(0);
    const size = ref(20);
    const q = ref('');
    const app = ref('');
    const apps = ref([]);
    const result = ref(null);
    const loading = ref(false);
    const error = ref(null);
    const searched = ref(false);

    async function load() {
      loading.value = true;
      error.value = null;
      const ok = await attempt(error, async () => {
        result.value = await api.get(`/api/flow/inbox/${box.value}?${inboxQuery({ page: page.value, size: size.value, app: app.value, q: q.value })}`);
      });
      if (!ok) result.value = null;
      searched.value = Boolean(app.value || q.value.trim());
      loading.value = false;
    }
    watch(box, () => {
      page.value = 0;
      load();
    }, { immediate: true });
    refreshInboxCounts();
    api.get('/api/apps').then(list => { apps.value = list; }).catch(() => {});

    const finishing = ref(null);
    /** Marks a rule's to-do done; it leaves the box of everyone it was offered to. */
    async function finish(item) {
      finishing.value = item.taskId;
      const ok = await attempt(error, () => api.post(`/api/flow/todos/${encodeURIComponent(item.taskId)}/done`));
      finishing.value = null;
      if (ok) {
        refreshInboxCounts();
        load();
      }
    }
    function search() {
      page.value = 0;
      load();
    }
    function go(delta) {
      page.value += delta;
      load();
    }
    const items = computed(() => result.value?.items || []);
    const facts = computed(() => pageFacts(result.value?.total ?? 0, page.value, size.value, items.value.length));
    const columns = computed(() => boxColumns(box.value));
    const count = name => inboxCounts.value?.[name];
    const open = item => navigate(itemLink(box.value, item));
    const appName = key => {
      const found = apps.value.find(a => a.key === key);
      return found ? zhEnName(found) : key;
    };
    const cell = (item, column) => {
      switch (column) {
        case 'node': return item.node ? item.node.name || item.node.id : '';
        case 'initiator': return userName(item.initiator);
        case 'from': return userName(item.from);
        case 'action': return item.action ? actionLabel(item.action, t) : '';
        case 'createdAt': case 'dueAt': case 'actedAt': return formatDate(item[column]);
        default: return '';
      }
    };
    return { t, localName, BOXES, PAGE_SIZES, box, page, size, q, app, apps, result, loading, error, searched, items,
      facts, columns, count, open, appName, cell, isOverdue, search, go, href, itemLink, finishing, finish };
  },
  template: /* html */ `
    <PageLayout>
      <div class="page-header" data-test="inbox"><h1>{{ t('inbox.title') }}</h1></div>
      <nav class="tabs" role="tablist">
        <a v-for="name in BOXES" :key="name" role="tab" class="tab" :class="{ active: box === name }" :href="href('inbox', name)"
           :aria-selected="box === name" :data-test="'box-' + name">{{ t('inbox.box.' + name) }}
          <span v-if="count(name)" class="count-badge" :class="{ 'count-badge-strong': name === 'todo' }" :data-test="'box-count-' + name">{{ count(name) }}</span></a>
      </nav>
      <form class="inbox-filters" @submit.prevent="search">
        <input type="search" v-model="q" :placeholder="t('inbox.search')" :aria-label="t('inbox.search')" data-test="inbox-search">
        <select v-model="app" :aria-label="t('inbox.app')" data-test="inbox-app" @change="search">
          <option value="">{{ t('inbox.allApps') }}</option>
          <option v-for="a in apps" :key="a.key" :value="a.key">{{ appName(a.key) }}</option>
        </select>
        <button type="submit" class="button">{{ t('common.search') }}</button>
      </form>
      <ErrorBox :error="error" :hint="error && error.status === 404 ? t('flow.unavailable') : ''" />
      <div v-if="result" class="table-wrap">
        <table class="table inbox-table" :data-box="box">
          <thead><tr>
            <th>{{ t('inbox.column.title') }}</th>
            <th>{{ t('inbox.column.form') }}</th>
            <th v-for="c in columns" :key="c">{{ t('inbox.column.' + c) }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="item in items" :key="item.taskId || item.instanceId" class="clickable inbox-row" :class="{ unread: box === 'cc' && item.read === false }"
                data-test="inbox-item" :data-title="localName(item.title)" @click="open(item)">
              <td :data-label="t('inbox.column.title')">
                <a class="inbox-title" :href="'#' + itemLink(box, item)" @click.stop>{{ localName(item.title) }}</a>
                <span v-if="item.kind === 'todo'" class="badge tone-progress" data-test="rule-todo">{{ t('inbox.ruleTodo') }}</span>
                <button v-if="item.kind === 'todo'" type="button" class="button button-small" data-test="todo-done"
                        :disabled="finishing === item.taskId" @click.stop="finish(item)">{{ t('inbox.todoDone') }}</button>
                <span v-if="box === 'todo' && isOverdue(item)" class="badge tone-bad" data-test="overdue">{{ t('inbox.overdue') }}</span>
                <span v-if="box === 'todo' && item.candidate" class="badge tone-warn">{{ t('inbox.candidate') }}</span>
                <span v-if="box === 'cc' && item.read === false" class="badge tone-progress">{{ t('inbox.unread') }}</span>
              </td>
              <td :data-label="t('inbox.column.form')"><span>{{ localName(item.formName, item.form) }} <span class="muted small">{{ appName(item.app) }}</span></span></td>
              <td v-for="c in columns" :key="c" :data-label="t('inbox.column.' + c)" :class="{ 'overdue-cell': c === 'dueAt' && isOverdue(item) }">
                <StatusBadge v-if="c === 'status'" :status="item.status" />
                <template v-else>{{ cell(item, c) }}</template>
              </td>
            </tr>
            <tr v-if="!loading && !items.length"><td :colspan="columns.length + 2" class="empty-cell" data-test="inbox-empty">
              {{ searched ? t('inbox.noneMatch') : t('inbox.empty.' + box) }}</td></tr>
          </tbody>
        </table>
      </div>
      <div v-if="result" class="pager">
        <span class="muted small" data-test="inbox-page">{{ t('inbox.page', { page: page + 1, pages: facts.pages, total: result.total }) }}</span>
        <span class="pager-controls">
          <select v-model.number="size" :aria-label="t('records.pageSize')" @change="search">
            <option v-for="s in PAGE_SIZES" :key="s" :value="s">{{ t('records.perPage', { size: s }) }}</option>
          </select>
          <button type="button" class="button button-small" :disabled="!facts.hasPrevious || loading" data-test="inbox-previous" @click="go(-1)">‹ {{ t('records.previous') }}</button>
          <button type="button" class="button button-small" :disabled="!facts.hasNext || loading" data-test="inbox-next" @click="go(1)">{{ t('records.next') }} ›</button>
        </span>
      </div>
    </PageLayout>`,
};
