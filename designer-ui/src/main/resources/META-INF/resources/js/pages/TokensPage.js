// The signed-in user's API tokens. A new token's secret is shown exactly once, right after creation.
import { ref, reactive, onMounted } from 'vue';
import { api, attempt } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { isAdmin } from '../session.js';
import ErrorBox from '../components/ErrorBox.js';
import ConfirmButton from '../components/ConfirmButton.js';
import AdminLayout from '../components/AdminLayout.js';
import UiIcon from '../components/UiIcon.js';

export default {
  name: 'TokensPage',
  components: { ErrorBox, ConfirmButton, AdminLayout, UiIcon },
  setup() {
    const tokens = ref([]);
    const error = ref(null);
    const formError = ref(null);
    const form = reactive({ name: '', scopes: ['read'], expiresInDays: 90 });
    const created = ref(null);
    const copied = ref(false);
    const secretField = ref(null);
    const scopes = isAdmin() ? ['read', 'write', 'admin'] : ['read', 'write'];

    async function load() {
      await attempt(error, async () => {
        tokens.value = await api.get('/api/tokens');
      });
    }
    onMounted(load);

    async function create() {
      formError.value = null;
      copied.value = false;
      await attempt(formError, async () => {
        const body = { name: form.name, scopes: form.scopes };
        if (form.expiresInDays) body.expiresInDays = Number(form.expiresInDays);
        created.value = await api.post('/api/tokens', body);
        form.name = '';
        load();
      });
    }
    async function copy() {
      try {
        await navigator.clipboard.writeText(created.value.token);
      } catch {
        // Without clipboard permission, select the text so the user can copy it by hand.
        secretField.value.select();
        document.execCommand('copy');
      }
      copied.value = true;
    }
    async function revoke(token) {
      error.value = null;
      await attempt(error, async () => {
        await api.del(`/api/tokens/${token.id}`);
        if (created.value?.id === token.id) created.value = null;
        load();
      });
    }
    const state = token => (token.revokedAt ? 'revoked' : token.expiresAt && new Date(token.expiresAt) < new Date() ? 'expired' : 'active');
    return { t, formatDate, tokens, error, formError, form, created, copied, secretField, scopes, create, copy, revoke, state };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.tokens')">
      <p class="muted">{{ t('tokens.intro') }}</p>
      <div v-if="created" class="alert alert-success secret-box" data-test="token-secret">
        <div class="alert-title">{{ t('tokens.createdOnce', { name: created.name }) }}</div>
        <div class="secret-row">
          <input ref="secretField" class="secret" readonly :value="created.token" @focus="$event.target.select()">
          <button type="button" class="button button-primary" data-test="copy-token" @click="copy"><UiIcon name="copy" /> {{ copied ? t('tokens.copied') : t('tokens.copy') }}</button>
        </div>
        <button type="button" class="link-button" @click="created = null">{{ t('tokens.dismiss') }}</button>
      </div>
      <form class="panel form-inline" data-test="token-form" @submit.prevent="create">
        <ErrorBox :error="formError" />
        <label class="field grow"><span>{{ t('tokens.name') }}</span><input name="name" v-model.trim="form.name" :placeholder="t('tokens.namePlaceholder')" required></label>
        <div class="field" role="group"><span class="field-label">{{ t('tokens.scopes') }}</span>
          <div class="checkbox-row"><label v-for="scope in scopes" :key="scope" class="check" :title="t('tokens.scope.' + scope)">
            <input type="checkbox" :value="scope" v-model="form.scopes" :data-scope="scope">{{ scope }}</label></div></div>
        <label class="field narrow"><span>{{ t('tokens.expiresInDays') }}</span><input name="expiresInDays" type="number" min="1" v-model="form.expiresInDays" :placeholder="t('tokens.never')"></label>
        <button type="submit" class="button button-primary" :disabled="!form.name || form.scopes.length === 0">{{ t('tokens.create') }}</button>
      </form>
      <ErrorBox :error="error" />
      <div class="table-wrap">
        <table class="table">
          <thead><tr><th>{{ t('tokens.name') }}</th><th>{{ t('tokens.prefix') }}</th><th>{{ t('tokens.scopes') }}</th>
            <th class="hide-narrow">{{ t('tokens.created') }}</th><th class="hide-narrow">{{ t('tokens.expires') }}</th><th class="hide-narrow">{{ t('tokens.lastUsed') }}</th><th>{{ t('users.status') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="token in tokens" :key="token.id" :data-token="token.name">
              <td class="nowrap"><strong>{{ token.name }}</strong></td><td><code>{{ token.prefix }}…</code></td>
              <td><span v-for="scope in token.scopes" :key="scope" class="chip">{{ scope }}</span></td>
              <td class="hide-narrow nowrap">{{ formatDate(token.createdAt) }}</td>
              <td class="hide-narrow nowrap">{{ token.expiresAt ? formatDate(token.expiresAt) : t('tokens.never') }}</td>
              <td class="hide-narrow nowrap">{{ token.lastUsedAt ? formatDate(token.lastUsedAt) : '—' }}</td>
              <td><span class="badge" :class="state(token) === 'active' ? 'badge-ok' : 'badge-off'">{{ t('tokens.state.' + state(token)) }}</span></td>
              <td class="row-actions"><ConfirmButton v-if="state(token) === 'active'" :label="t('tokens.revoke')" @confirm="revoke(token)" /></td>
            </tr>
            <tr v-if="tokens.length === 0"><td colspan="8" class="muted center">{{ t('tokens.none') }}</td></tr>
          </tbody>
        </table>
      </div>
    </AdminLayout>`,
};
