// #/admin/outbox: the delivery log of notifications (admins): every delivery with its channel, target, status,
// attempts and last error, filtered by status, newest first; a dead or waiting delivery can be retried now.
import { ref, computed, onMounted } from 'vue';
import { api, attempt } from '../../api.js';
import { t, locale, formatDate } from '../../i18n.js';
import { pageFacts } from '../../flow.js';
import { pickText, deliveryTone, mayRetry, pageQuery, DELIVERY_STATUSES } from '../../notifications.js';
import { showToast } from '../../toast.js';
import AdminLayout from '../../components/AdminLayout.js';
import ErrorBox from '../../components/ErrorBox.js';

const SIZE = 50;

export default {
  name: 'OutboxPage',
  components: { AdminLayout, ErrorBox },
  setup() {
    const status = ref('');
    const page = ref(0);
    const result = ref(null);
    const error = ref(null);
    const loading = ref(false);
    const retrying = ref(null);

    async function load() {
      loading.value = true;
      await attempt(error, async () => {
        result.value = await api.get(`/api/admin/outbox?${pageQuery({ page: page.value, size: SIZE, status: status.value })}`);
      });
      loading.value = false;
    }
    function filter() {
      page.value = 0;
      load();
    }
    function go(step) {
      page.value += step;
      load();
    }
    async function retry(delivery) {
      retrying.value = delivery.id;
      await attempt(error, async () => {
        Object.assign(delivery, await api.post(`/api/admin/outbox/${delivery.id}/retry`));
        showToast(t('outbox.retried'));
      });
      retrying.value = null;
    }
    const facts = computed(() => pageFacts(result.value?.total, page.value, SIZE, result.value?.items.length || 0));
    onMounted(load);
    return { t, locale, formatDate, pickText, deliveryTone, mayRetry, DELIVERY_STATUSES, status, page, result, error,
      loading, retrying, facts, filter, go, retry, load };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.outbox')">
      <template #actions>
        <button type="button" class="button" :disabled="loading" data-test="outbox-refresh" @click="load">{{ t('outbox.refresh') }}</button>
      </template>
      <p class="muted outbox-intro">{{ t('outbox.intro') }}</p>
      <div class="inbox-filters">
        <select v-model="status" :aria-label="t('outbox.status')" data-test="outbox-status" @change="filter">
          <option value="">{{ t('outbox.allStatuses') }}</option>
          <option v-for="s in DELIVERY_STATUSES" :key="s" :value="s">{{ t('outbox.status.' + s) }}</option>
        </select>
      </div>
      <ErrorBox :error="error" />
      <div v-if="result" class="table-wrap">
        <table class="table outbox-table">
          <thead><tr>
            <th>{{ t('outbox.column.createdAt') }}</th>
            <th>{{ t('outbox.column.notification') }}</th>
            <th>{{ t('outbox.column.channel') }}</th>
            <th>{{ t('outbox.column.status') }}</th>
            <th class="center">{{ t('outbox.column.attempts') }}</th>
            <th>{{ t('outbox.column.error') }}</th>
            <th></th>
          </tr></thead>
          <tbody>
            <tr v-for="d in result.items" :key="d.id" data-test="outbox-row" :data-status="d.status" :data-id="d.id">
              <td class="nowrap" :data-label="t('outbox.column.createdAt')">{{ formatDate(d.createdAt) }}</td>
              <td :data-label="t('outbox.column.notification')">
                <div>{{ pickText(d.title, locale) }}</div>
                <div class="muted small"><code>{{ d.topic }}</code></div>
              </td>
              <td :data-label="t('outbox.column.channel')">
                <div>{{ t('outbox.channel.' + d.channel) }}</div>
                <div class="muted small">{{ d.target }}</div>
              </td>
              <td :data-label="t('outbox.column.status')">
                <span class="badge" :class="deliveryTone(d.status)">{{ t('outbox.status.' + d.status) }}</span>
                <div v-if="d.status === 'sent'" class="muted small nowrap">{{ formatDate(d.sentAt) }}</div>
                <div v-else-if="d.status === 'pending' && d.nextAttemptAt" class="muted small">{{ t('outbox.next', { at: formatDate(d.nextAttemptAt) }) }}</div>
              </td>
              <td class="center" :data-label="t('outbox.column.attempts')" data-test="outbox-attempts">{{ d.attempts }}</td>
              <td :data-label="t('outbox.column.error')"><span v-if="d.lastError" class="outbox-error" data-test="outbox-error">{{ d.lastError }}</span></td>
              <td class="row-actions">
                <button v-if="mayRetry(d)" type="button" class="button button-small" data-test="outbox-retry"
                        :disabled="retrying === d.id" @click="retry(d)">{{ t('outbox.retry') }}</button>
              </td>
            </tr>
            <tr v-if="!loading && !result.items.length"><td colspan="7" class="empty-cell" data-test="outbox-empty">{{ t('outbox.empty') }}</td></tr>
          </tbody>
        </table>
      </div>
      <div v-if="result && facts.pages > 1" class="pager">
        <span class="muted small">{{ t('inbox.page', { page: page + 1, pages: facts.pages, total: result.total }) }}</span>
        <button type="button" class="button button-small" :disabled="!facts.hasPrevious || loading" @click="go(-1)">‹ {{ t('records.previous') }}</button>
        <button type="button" class="button button-small" :disabled="!facts.hasNext || loading" @click="go(1)">{{ t('records.next') }} ›</button>
      </div>
    </AdminLayout>`,
};
