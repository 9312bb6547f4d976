// Roles and what they grant, per app and form: actions, row scope, and hidden or read-only fields.
import { ref, onMounted } from 'vue';
import { api, attempt } from '../../api.js';
import { t, zhEnName } from '../../i18n.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import ConfirmButton from '../../components/ConfirmButton.js';
import AdminLayout from '../../components/AdminLayout.js';
import UiIcon from '../../components/UiIcon.js';

const ACTIONS = ['create', 'read', 'update', 'delete', 'export'];
const ROW_SCOPES = ['own', 'own_org', 'org_subtree', 'own_dealer', 'all'];
const FIELD_MODES = ['hidden', 'read_only'];

// The editor keeps field rules as a list of rows so that a half-typed key never collides with another.
function toEditable(grant) {
  return { ...grant, actions: [...grant.actions], fieldRows: Object.entries(grant.fields || {}).map(([key, mode]) => ({ key, mode })) };
}
function fromEditable({ fieldRows, ...grant }) {
  return { ...grant, fields: Object.fromEntries(fieldRows.filter(row => row.key).map(row => [row.key, row.mode])) };
}

export default {
  name: 'RolesPage',
  components: { ErrorBox, ModalDialog, ConfirmButton, AdminLayout, UiIcon },
  setup() {
    const roles = ref([]);
    const apps = ref([]);
    const formsByApp = ref({});
    const error = ref(null);
    const creating = ref(null);
    const editing = ref(null);
    const formError = ref(null);

    async function load() {
      await attempt(error, async () => {
        roles.value = await api.get('/api/roles');
      });
    }
    onMounted(async () => {
      await load();
      await attempt(error, async () => {
        apps.value = await api.get('/api/apps');
      });
    });

    async function formsOf(app) {
      if (!app || formsByApp.value[app]) return;
      try {
        const forms = await api.get(`/api/apps/${encodeURIComponent(app)}/definitions?kind=form`);
        formsByApp.value = { ...formsByApp.value, [app]: forms.map(form => form.key) };
      } catch {
        // The list only suggests form keys; typing one by hand still works without it.
        formsByApp.value = { ...formsByApp.value, [app]: [] };
      }
    }

    function startCreate() {
      formError.value = null;
      creating.value = { key: '', nameZh: '', nameEn: '' };
    }
    async function create() {
      formError.value = null;
      await attempt(formError, async () => {
        await api.post('/api/roles', creating.value);
        creating.value = null;
        load();
      });
    }
    function edit(role) {
      formError.value = null;
      editing.value = { key: role.key, nameZh: role.nameZh, nameEn: role.nameEn, builtIn: role.builtIn,
        grants: role.grants.map(toEditable) };
      role.grants.forEach(grant => formsOf(grant.app));
    }
    function addGrant() {
      const app = apps.value[0]?.key || '';
      editing.value.grants.push(toEditable({ app, form: '*', actions: ['read'], rowScope: 'own', fields: {} }));
      formsOf(app);
    }
    async function saveRole() {
      const role = editing.value;
      formError.value = null;
      await attempt(formError, async () => {
        await api.put(`/api/roles/${encodeURIComponent(role.key)}`, { key: role.key, nameZh: role.nameZh, nameEn: role.nameEn });
        await api.put(`/api/roles/${encodeURIComponent(role.key)}/grants`, role.grants.map(fromEditable));
        editing.value = null;
        load();
      });
    }
    async function remove(role) {
      error.value = null;
      await attempt(error, async () => {
        await api.del(`/api/roles/${encodeURIComponent(role.key)}`);
        load();
      });
    }
    return { t, zhEnName, ACTIONS, ROW_SCOPES, FIELD_MODES, roles, apps, formsByApp, error, creating, editing, formError,
      formsOf, startCreate, create, edit, addGrant, saveRole, remove };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.roles')">
      <template #actions>
        <button type="button" class="button button-primary" data-test="new-role" @click="startCreate">+ {{ t('roles.new') }}</button>
      </template>
      <ErrorBox :error="error" />
      <div class="table-wrap">
        <table class="table">
          <thead><tr><th>{{ t('roles.key') }}</th><th>{{ t('roles.name') }}</th><th>{{ t('roles.grants') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="role in roles" :key="role.key" :data-role="role.key">
              <td><code>{{ role.key }}</code> <span v-if="role.builtIn" class="badge">{{ t('roles.builtIn') }}</span></td>
              <td class="nowrap">{{ zhEnName(role) }}</td>
              <td><span v-for="(grant, i) in role.grants" :key="i" class="chip">{{ grant.app }}/{{ grant.form }}</span>
                <span v-if="role.grants.length === 0" class="muted">—</span></td>
              <td class="row-actions">
                <button type="button" class="button button-small button-ghost" data-test="edit-role" @click="edit(role)">{{ t('common.edit') }}</button>
                <ConfirmButton v-if="!role.builtIn" :label="t('common.delete')" @confirm="remove(role)" />
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      <ModalDialog v-if="creating" :title="t('roles.new')" @close="creating = null">
        <form class="form-grid" data-test="role-form" @submit.prevent="create">
          <ErrorBox :error="formError" class="span-2" />
          <label class="field span-2"><span>{{ t('roles.key') }}</span><input name="key" v-model.trim="creating.key" pattern="[a-z][a-z0-9_]*" required></label>
          <label class="field"><span>{{ t('roles.nameZh') }}</span><input name="nameZh" v-model.trim="creating.nameZh" required></label>
          <label class="field"><span>{{ t('roles.nameEn') }}</span><input name="nameEn" v-model.trim="creating.nameEn" required></label>
          <div class="form-actions span-2">
            <button type="button" class="button button-ghost" @click="creating = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary">{{ t('common.create') }}</button>
          </div>
        </form>
      </ModalDialog>

      <ModalDialog v-if="editing" :title="t('roles.edit', { key: editing.key })" @close="editing = null">
        <form data-test="role-edit" @submit.prevent="saveRole">
          <ErrorBox :error="formError" />
          <div class="form-grid">
            <label class="field"><span>{{ t('roles.nameZh') }}</span><input v-model.trim="editing.nameZh" required></label>
            <label class="field"><span>{{ t('roles.nameEn') }}</span><input v-model.trim="editing.nameEn" required></label>
          </div>
          <h3>{{ t('roles.grants') }}</h3>
          <p v-if="editing.grants.length === 0" class="muted">{{ t('roles.noGrants') }}</p>
          <div v-for="(grant, gi) in editing.grants" :key="gi" class="grant-card">
            <div class="form-grid">
              <label class="field"><span>{{ t('roles.app') }}</span>
                <select name="app" v-model="grant.app" @change="formsOf(grant.app)">
                  <option v-for="app in apps" :key="app.key" :value="app.key">{{ zhEnName(app) }} ({{ app.key }})</option>
                </select></label>
              <label class="field"><span>{{ t('roles.form') }}</span>
                <input name="form" v-model.trim="grant.form" :list="'forms-' + gi" :placeholder="t('roles.allForms')">
                <datalist :id="'forms-' + gi"><option value="*"></option><option v-for="key in formsByApp[grant.app] || []" :key="key" :value="key"></option></datalist></label>
            </div>
            <div class="field"><span class="field-label">{{ t('roles.actions') }}</span>
              <div class="checkbox-row"><label v-for="action in ACTIONS" :key="action" class="check"><input type="checkbox" :value="action" v-model="grant.actions" :data-action="action">{{ t('action.' + action) }}</label></div></div>
            <label class="field"><span>{{ t('roles.rowScope') }}</span>
              <select name="rowScope" v-model="grant.rowScope"><option v-for="scope in ROW_SCOPES" :key="scope" :value="scope">{{ t('scope.' + scope) }}</option></select></label>
            <div v-if="grant.rowFilter && grant.rowFilter.length" class="field" data-test="row-filter">
              <span class="field-label">{{ t('roles.rowFilter') }}</span>
              <ul class="small">
                <li v-for="(c, ci) in grant.rowFilter" :key="ci"><code>{{ c.field }}</code> {{ t('roles.rowFilterOp.' + c.op) }}
                  <code>{{ c.value }}</code><span v-if="c.orBlank" class="muted"> {{ t('roles.rowFilterOrBlank') }}</span></li>
              </ul>
              <small class="muted">{{ t('roles.rowFilterHint') }}</small>
            </div>
            <div class="field"><span class="field-label">{{ t('roles.fieldRules') }}</span>
              <div v-for="(row, ri) in grant.fieldRows" :key="ri" class="field-rule">
                <input name="fieldKey" v-model.trim="row.key" :placeholder="t('roles.fieldKey')">
                <select name="fieldMode" v-model="row.mode"><option v-for="mode in FIELD_MODES" :key="mode" :value="mode">{{ t('fieldMode.' + mode) }}</option></select>
                <button type="button" class="icon-button" :title="t('common.remove')" @click="grant.fieldRows.splice(ri, 1)"><UiIcon name="close" /></button>
              </div>
              <button type="button" class="link-button" data-test="add-field-rule" @click="grant.fieldRows.push({ key: '', mode: 'hidden' })">+ {{ t('roles.addFieldRule') }}</button>
            </div>
            <div class="grant-footer"><button type="button" class="button button-small button-danger-ghost" @click="editing.grants.splice(gi, 1)">{{ t('roles.removeGrant') }}</button></div>
          </div>
          <button type="button" class="button" data-test="add-grant" :disabled="apps.length === 0" @click="addGrant">+ {{ t('roles.addGrant') }}</button>
          <p v-if="apps.length === 0" class="muted small">{{ t('roles.noApps') }}</p>
          <div class="form-actions">
            <button type="button" class="button button-ghost" @click="editing = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary">{{ t('common.save') }}</button>
          </div>
        </form>
      </ModalDialog>
    </AdminLayout>`,
};
