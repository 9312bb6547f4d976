import { ref, computed, onMounted } from 'vue';
import { api, attempt } from '../../api.js';
import { t, zhEnName, locale } from '../../i18n.js';
import { usersForPicker } from '../../directory.js';
import { showToast } from '../../toast.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import AdminLayout from '../../components/AdminLayout.js';

const PAGE_SIZE = 50;

// A new user starts in the language the administrator is using.
function blankUser() {
  return { id: null, username: '', displayName: '', email: '', password: '', orgId: null, managerId: null,
    dealerId: '', roles: [], locale: locale.value, enabled: true };
}

export default {
  name: 'UsersPage',
  components: { ErrorBox, ModalDialog, AdminLayout },
  setup() {
    const query = ref('');
    const page = ref(0);
    const result = ref({ items: [], total: 0 });
    const roles = ref([]);
    const orgs = ref([]);
    const managers = ref([]);
    const error = ref(null);
    const editing = ref(null);
    const formError = ref(null);
    const saving = ref(false);

    const orgName = id => orgs.value.find(org => org.id === id)?.name || '';
    const pages = computed(() => Math.max(1, Math.ceil(result.value.total / PAGE_SIZE)));

    async function load() {
      error.value = null;
      await attempt(error, async () => {
        const q = encodeURIComponent(query.value.trim());
        result.value = await api.get(`/api/users?q=${q}&page=${page.value}&size=${PAGE_SIZE}`);
      });
    }
    function search() {
      page.value = 0;
      load();
    }
    function goTo(target) {
      page.value = target;
      load();
    }
    onMounted(async () => {
      await attempt(error, async () => {
        [roles.value, orgs.value] = await Promise.all([api.get('/api/roles'), api.get('/api/orgs')]);
      });
      load();
    });

    async function open(user) {
      formError.value = null;
      editing.value = user ? { ...blankUser(), ...user, password: '', email: user.email || '', dealerId: user.dealerId || '' }
        : blankUser();
      // Managers are picked from every user, not just the current page of the list.
      await attempt(formError, async () => {
        managers.value = await usersForPicker();
      });
    }
    async function save() {
      const user = editing.value;
      const body = {
        username: user.username, displayName: user.displayName, email: user.email || null,
        orgId: user.orgId, managerId: user.managerId, dealerId: user.dealerId || null, roles: user.roles,
        locale: user.locale,
      };
      if (user.password) body.password = user.password;
      saving.value = true;
      formError.value = null;
      try {
        if (user.id == null) {
          await api.post('/api/users', body);
        } else {
          await api.put(`/api/users/${user.id}`, { ...body, enabled: user.enabled });
        }
        editing.value = null;
        load();
      } catch (failure) {
        formError.value = failure;
      } finally {
        saving.value = false;
      }
    }

    // For someone who never set the password of an account a process opened, or who forgot theirs.
    async function sendPasswordLink() {
      const user = editing.value;
      formError.value = null;
      try {
        await api.post(`/api/users/${user.id}/password-link`, {});
        showToast(t('users.passwordLinkSent', { email: user.email }));
      } catch (failure) {
        formError.value = failure;
      }
    }

    return { t, zhEnName, query, page, pages, result, roles, orgs, managers, error, editing, formError,
      saving, orgName, search, goTo, open, save, sendPasswordLink };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.users')">
      <template #actions>
        <button type="button" class="button button-primary" data-test="new-user" @click="open(null)">+ {{ t('users.new') }}</button>
      </template>
      <form class="toolbar" @submit.prevent="search">
        <input type="search" v-model="query" :placeholder="t('users.searchPlaceholder')" :aria-label="t('common.search')">
        <button type="submit" class="button">{{ t('common.search') }}</button>
      </form>
      <ErrorBox :error="error" />
      <div class="table-wrap">
        <table class="table">
          <thead><tr><th>{{ t('users.username') }}</th><th>{{ t('users.displayName') }}</th><th class="hide-narrow">{{ t('users.email') }}</th>
            <th>{{ t('users.org') }}</th><th>{{ t('users.roles') }}</th><th>{{ t('users.status') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="user in result.items" :key="user.id" :data-user="user.username">
              <td><strong>{{ user.username }}</strong></td><td>{{ user.displayName }}</td>
              <td class="hide-narrow">{{ user.email }}</td><td>{{ orgName(user.orgId) }}</td>
              <td><span v-for="role in user.roles" :key="role" class="chip">{{ role }}</span></td>
              <td><span class="badge" :class="user.enabled ? 'badge-ok' : 'badge-off'">{{ user.enabled ? t('users.enabled') : t('users.disabled') }}</span></td>
              <td class="row-actions"><button type="button" class="button button-small button-ghost" @click="open(user)">{{ t('common.edit') }}</button></td>
            </tr>
            <tr v-if="result.items.length === 0"><td colspan="7" class="muted center">{{ t('users.none') }}</td></tr>
          </tbody>
        </table>
      </div>
      <div class="pager">
        <span class="muted">{{ t('users.total', { total: result.total }) }}</span>
        <template v-if="pages > 1">
          <button type="button" class="button button-small" :disabled="page === 0" @click="goTo(page - 1)">‹</button>
          <span>{{ page + 1 }} / {{ pages }}</span>
          <button type="button" class="button button-small" :disabled="page + 1 >= pages" @click="goTo(page + 1)">›</button>
        </template>
      </div>

      <ModalDialog v-if="editing" :title="editing.id == null ? t('users.new') : t('users.edit', { name: editing.username })" @close="editing = null">
        <form class="form-grid" data-test="user-form" @submit.prevent="save">
          <ErrorBox :error="formError" class="span-2" />
          <label class="field"><span>{{ t('users.username') }}</span>
            <input name="username" v-model.trim="editing.username" :disabled="editing.id != null" required></label>
          <label class="field"><span>{{ t('users.displayName') }}</span>
            <input name="displayName" v-model.trim="editing.displayName" required></label>
          <label class="field"><span>{{ t('users.email') }}</span>
            <input name="email" type="email" v-model.trim="editing.email"></label>
          <label class="field"><span>{{ editing.id == null ? t('users.password') : t('users.newPassword') }}</span>
            <input name="password" type="password" v-model="editing.password" autocomplete="new-password" :required="editing.id == null"></label>
          <label class="field"><span>{{ t('users.org') }}</span>
            <select name="orgId" v-model="editing.orgId">
              <option :value="null">—</option>
              <option v-for="org in orgs" :key="org.id" :value="org.id">{{ org.name }} ({{ org.code }})</option>
            </select></label>
          <label class="field"><span>{{ t('users.manager') }}</span>
            <select name="managerId" v-model="editing.managerId">
              <option :value="null">—</option>
              <option v-for="m in managers.filter(m => m.id !== editing.id)" :key="m.id" :value="m.id">{{ m.displayName }} ({{ m.username }})</option>
            </select></label>
          <label class="field"><span>{{ t('users.dealer') }}</span>
            <input name="dealerId" v-model.trim="editing.dealerId" :placeholder="t('users.dealerHint')"></label>
          <label class="field"><span>{{ t('users.locale') }}</span>
            <select name="locale" v-model="editing.locale">
              <option value="zh-CN">中文</option><option value="en">English</option>
            </select></label>
          <label v-if="editing.id != null" class="field checkbox-field"><input type="checkbox" name="enabled" v-model="editing.enabled"><span>{{ t('users.enabled') }}</span></label>
          <div class="field span-2" role="group"><span class="field-label">{{ t('users.roles') }}</span>
            <div class="checkbox-row">
              <label v-for="role in roles" :key="role.key" class="check"><input type="checkbox" :value="role.key" v-model="editing.roles" :data-role="role.key">{{ zhEnName(role) }}</label>
            </div></div>
          <div class="form-actions span-2">
            <button v-if="editing.id != null && editing.email" type="button" class="button button-ghost form-actions-start"
              data-test="send-password-link" @click="sendPasswordLink">{{ t('users.sendPasswordLink') }}</button>
            <button type="button" class="button button-ghost" @click="editing = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary" :disabled="saving">{{ t('common.save') }}</button>
          </div>
        </form>
      </ModalDialog>
    </AdminLayout>`,
};
