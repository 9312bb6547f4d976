// #/admin/webhooks (admins): the webhooks rules and processes notify — address, signing secret (write-only), payload
// preset and language — with a test delivery through the outbox, and the internal hosts webhooks may reach.
import { ref, onMounted } from 'vue';
import { api, attempt } from '../../api.js';
import { t } from '../../i18n.js';
import { showToast } from '../../toast.js';
import AdminLayout from '../../components/AdminLayout.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';

const PRESETS = ['json', 'dingtalk', 'wecom'];
const LOCALES = ['zh-CN', 'en'];

/** Problems of a refused save by the member they name (`/url` → url). */
function problemsOf(error) {
  const found = {};
  for (const problem of error?.problems || []) {
    const member = (problem.pointer || '').replace(/^\//, '').split('/')[0] || 'other';
    (found[member] = found[member] || []).push(problem.message);
  }
  return found;
}

export default {
  name: 'WebhooksPage',
  components: { AdminLayout, ErrorBox, ModalDialog },
  setup() {
    const hooks = ref([]);
    const hosts = ref({ hosts: [], configured: [] });
    const hostText = ref('');
    const hostProblems = ref({});
    const error = ref(null);
    const editing = ref(null);
    const problems = ref({});
    const saving = ref(false);

    async function load() {
      await attempt(error, async () => {
        [hooks.value, hosts.value] = await Promise.all([api.get('/api/admin/webhooks'), api.get('/api/admin/webhooks/allowed-hosts')]);
        hostText.value = hosts.value.hosts.join('\n');
      });
    }
    function create() {
      problems.value = {};
      editing.value = { isNew: true, key: '', url: '', secret: '', preset: 'json', locale: 'zh-CN', hasSecret: false };
    }
    function edit(hook) {
      problems.value = {};
      editing.value = { ...hook, isNew: false, secret: '', clearSecret: false };
    }
    async function save() {
      const hook = editing.value;
      const body = { url: hook.url, preset: hook.preset, locale: hook.locale };
      // An empty box keeps the current secret unless the administrator asked to remove it.
      if (hook.secret) body.secret = hook.secret;
      else if (hook.clearSecret) body.secret = '';
      saving.value = true;
      try {
        await api.put(`/api/admin/webhooks/${encodeURIComponent(hook.key)}`, body);
        editing.value = null;
        showToast(t('webhooks.saved'));
        await load();
      } catch (failure) {
        problems.value = problemsOf(failure);
        if (!failure.problems?.length) problems.value = { other: [failure.message] };
      } finally {
        saving.value = false;
      }
    }
    async function remove(hook) {
      if (!window.confirm(t('webhooks.confirmRemove', { key: hook.key }))) return;
      await attempt(error, async () => {
        await api.del(`/api/admin/webhooks/${encodeURIComponent(hook.key)}`);
        await load();
      });
    }
    async function test(hook) {
      await attempt(error, async () => {
        await api.post(`/api/admin/webhooks/${encodeURIComponent(hook.key)}/test`);
        showToast(t('webhooks.testSent'));
      });
    }
    async function saveHosts() {
      hostProblems.value = {};
      const list = hostText.value.split(/[\n,]/).map(host => host.trim()).filter(Boolean);
      try {
        hosts.value = await api.put('/api/admin/webhooks/allowed-hosts', { hosts: list });
        hostText.value = hosts.value.hosts.join('\n');
        showToast(t('webhooks.hostsSaved'));
      } catch (failure) {
        hostProblems.value = { list: (failure.problems || [{ message: failure.message }]).map(p => p.message) };
      }
    }
    onMounted(load);
    return { t, PRESETS, LOCALES, hooks, hosts, hostText, hostProblems, error, editing, problems, saving, create, edit,
      save, remove, test, saveHosts };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.webhooks')">
      <template #actions>
        <button type="button" class="button button-primary" data-test="webhook-new" @click="create">+ {{ t('webhooks.new') }}</button>
      </template>
      <p class="muted outbox-intro">{{ t('webhooks.intro') }}</p>
      <ErrorBox :error="error" />
      <div class="table-wrap">
        <table class="table webhook-table">
          <thead><tr>
            <th>{{ t('webhooks.key') }}</th><th>{{ t('webhooks.url') }}</th><th>{{ t('webhooks.preset') }}</th>
            <th>{{ t('webhooks.secret') }}</th><th></th>
          </tr></thead>
          <tbody>
            <tr v-for="hook in hooks" :key="hook.key" data-test="webhook-row" :data-key="hook.key" :data-source="hook.source">
              <td :data-label="t('webhooks.key')"><code>{{ hook.key }}</code>
                <span v-if="hook.source === 'config'" class="badge tone-off" :title="t('webhooks.fromConfigHint')">{{ t('webhooks.fromConfig') }}</span></td>
              <td :data-label="t('webhooks.url')" class="webhook-url">{{ hook.url }}</td>
              <td :data-label="t('webhooks.preset')">{{ t('webhooks.preset.' + hook.preset) }} · {{ hook.locale }}</td>
              <td :data-label="t('webhooks.secret')">
                <span class="badge" :class="hook.hasSecret ? 'tone-ok' : 'tone-warn'">{{ hook.hasSecret ? t('webhooks.signed') : t('webhooks.unsigned') }}</span></td>
              <td class="row-actions nowrap">
                <button type="button" class="button button-small" data-test="webhook-test" @click="test(hook)">{{ t('webhooks.test') }}</button>
                <template v-if="hook.source === 'admin'">
                  <button type="button" class="button button-small" data-test="webhook-edit" @click="edit(hook)">{{ t('common.edit') }}</button>
                  <button type="button" class="button button-small button-danger-ghost" data-test="webhook-remove" @click="remove(hook)">{{ t('common.remove') }}</button>
                </template>
              </td>
            </tr>
            <tr v-if="!hooks.length"><td colspan="5" class="empty-cell" data-test="webhook-empty">{{ t('webhooks.empty') }}</td></tr>
          </tbody>
        </table>
      </div>

      <section class="panel webhook-hosts" data-test="webhook-hosts">
        <h2>{{ t('webhooks.hosts') }}</h2>
        <p class="muted small">{{ t('webhooks.hostsIntro') }}</p>
        <textarea name="hosts" rows="4" spellcheck="false" placeholder="erp.intranet&#10;10.0.8.15" v-model="hostText"
                  :aria-invalid="hostProblems.list ? 'true' : null"></textarea>
        <small v-for="m in hostProblems.list" class="prop-error">{{ m }}</small>
        <p v-if="hosts.configured.length" class="muted small">{{ t('webhooks.hostsConfigured') }}: <code>{{ hosts.configured.join(', ') }}</code></p>
        <div class="form-actions"><button type="button" class="button" data-test="webhook-hosts-save" @click="saveHosts">{{ t('common.save') }}</button></div>
      </section>

      <ModalDialog v-if="editing" :title="editing.isNew ? t('webhooks.new') : t('webhooks.edit', { key: editing.key })" @close="editing = null">
        <form class="form-grid" data-test="webhook-form" @submit.prevent="save">
          <label class="field span-2"><span>{{ t('webhooks.key') }}</span>
            <input name="key" v-model.trim="editing.key" :disabled="!editing.isNew" spellcheck="false" placeholder="erp_orders"
                   :aria-invalid="problems.key ? 'true' : null"><small v-for="m in problems.key" class="prop-error">{{ m }}</small></label>
          <label class="field span-2"><span>{{ t('webhooks.url') }}</span>
            <input name="url" v-model.trim="editing.url" spellcheck="false" placeholder="https://erp.example.com/hooks/orders"
                   :aria-invalid="problems.url ? 'true' : null"><small v-for="m in problems.url" class="prop-error">{{ m }}</small></label>
          <label class="field span-2"><span>{{ t('webhooks.secret') }}</span>
            <input name="secret" type="password" autocomplete="new-password" v-model="editing.secret"
                   :placeholder="editing.hasSecret ? t('webhooks.secretKept') : t('webhooks.secretNone')"
                   :aria-invalid="problems.secret ? 'true' : null"><small v-for="m in problems.secret" class="prop-error">{{ m }}</small></label>
          <label v-if="editing.hasSecret" class="checkbox span-2"><input type="checkbox" name="clearSecret" v-model="editing.clearSecret"> {{ t('webhooks.clearSecret') }}</label>
          <label class="field"><span>{{ t('webhooks.preset') }}</span>
            <select name="preset" v-model="editing.preset" :aria-invalid="problems.preset ? 'true' : null">
              <option v-for="p in PRESETS" :key="p" :value="p">{{ t('webhooks.preset.' + p) }}</option></select></label>
          <label class="field"><span>{{ t('webhooks.locale') }}</span>
            <select name="locale" v-model="editing.locale"><option v-for="l in LOCALES" :key="l" :value="l">{{ l }}</option></select></label>
          <p v-for="m in problems.other" class="prop-error span-2">{{ m }}</p>
          <div class="form-actions span-2">
            <button type="button" class="button button-ghost" @click="editing = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary" data-test="webhook-save" :disabled="saving">{{ t('common.save') }}</button>
          </div>
        </form>
      </ModalDialog>
    </AdminLayout>`,
};
