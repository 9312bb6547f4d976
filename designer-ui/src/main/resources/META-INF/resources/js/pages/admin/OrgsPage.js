// The organisation tree. The server gives a flat list; the tree is built here from parentId.
import { ref, computed, onMounted } from 'vue';
import { api, attempt } from '../../api.js';
import { t } from '../../i18n.js';
import { usersForPicker } from '../../directory.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import ConfirmButton from '../../components/ConfirmButton.js';
import AdminLayout from '../../components/AdminLayout.js';

const TYPES = ['company', 'region', 'team'];
// A child is usually one level below its parent: company → region → team.
const CHILD_TYPE = { company: 'region', region: 'team', team: 'team' };

const OrgNode = {
  name: 'OrgNode',
  components: { ConfirmButton },
  props: { node: { type: Object, required: true } },
  emits: ['add', 'rename', 'remove'],
  setup() {
    return { t };
  },
  template: /* html */ `
    <li class="tree-node" :data-org="node.code">
      <div class="tree-row">
        <span class="badge" :class="'type-' + node.type">{{ t('orgs.type.' + node.type) }}</span>
        <strong class="tree-name">{{ node.name }}</strong><code class="muted">{{ node.code }}</code>
        <span class="tree-actions">
          <button type="button" class="button button-small button-ghost" data-test="add-child" @click="$emit('add', node)">+ {{ t('orgs.addChild') }}</button>
          <button type="button" class="button button-small button-ghost" data-test="rename" @click="$emit('rename', node)">{{ t('orgs.rename') }}</button>
          <ConfirmButton :label="t('common.delete')" @confirm="$emit('remove', node)" />
        </span>
      </div>
      <ul v-if="node.children.length" class="tree">
        <OrgNode v-for="child in node.children" :key="child.id" :node="child"
                 @add="$emit('add', $event)" @rename="$emit('rename', $event)" @remove="$emit('remove', $event)" />
      </ul>
    </li>`,
};

export default {
  name: 'OrgsPage',
  components: { ErrorBox, ModalDialog, AdminLayout, OrgNode },
  setup() {
    const orgs = ref([]);
    const users = ref([]);
    const error = ref(null);
    const editing = ref(null);
    const formError = ref(null);

    const tree = computed(() => {
      const nodes = new Map(orgs.value.map(org => [org.id, { ...org, children: [] }]));
      const roots = [];
      for (const node of nodes.values()) {
        const parent = node.parentId != null && nodes.get(node.parentId);
        (parent ? parent.children : roots).push(node);
      }
      const byName = (a, b) => a.name.localeCompare(b.name);
      const sort = list => list.sort(byName).forEach(node => sort(node.children));
      sort(roots);
      return roots;
    });

    async function load() {
      await attempt(error, async () => {
        orgs.value = await api.get('/api/orgs');
      });
    }
    onMounted(async () => {
      await load();
      await attempt(error, async () => {
        users.value = await usersForPicker();
      });
    });

    function add(parent) {
      formError.value = null;
      editing.value = { id: null, parentId: parent ? parent.id : null, parentName: parent?.name,
        code: '', name: '', type: parent ? CHILD_TYPE[parent.type] : 'company', managerId: null };
    }
    function rename(node) {
      formError.value = null;
      const { children, ...org } = node;
      editing.value = { ...org };
    }
    async function save() {
      const { id, parentId, code, name, type, managerId } = editing.value;
      formError.value = null;
      await attempt(formError, async () => {
        if (id == null) await api.post('/api/orgs', { parentId, code, name, type, managerId });
        else await api.put(`/api/orgs/${id}`, { parentId, code, name, type, managerId });
        editing.value = null;
        error.value = null;
        load();
      });
    }
    async function remove(node) {
      error.value = null;
      await attempt(error, async () => {
        await api.del(`/api/orgs/${node.id}`);
        load();
      });
    }
    return { t, TYPES, tree, users, error, editing, formError, add, rename, save, remove };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.orgs')">
      <template #actions>
        <button type="button" class="button button-primary" data-test="new-root-org" @click="add(null)">+ {{ t('orgs.newRoot') }}</button>
      </template>
      <ErrorBox :error="error" />
      <div class="panel">
        <ul v-if="tree.length" class="tree tree-root">
          <OrgNode v-for="node in tree" :key="node.id" :node="node" @add="add" @rename="rename" @remove="remove" />
        </ul>
        <p v-else class="muted">{{ t('orgs.empty') }}</p>
      </div>
      <ModalDialog v-if="editing" :title="editing.id == null ? (editing.parentName ? t('orgs.newChildOf', { name: editing.parentName }) : t('orgs.newRoot')) : t('orgs.editUnit', { name: editing.name })"
                   @close="editing = null">
        <form class="form-grid" data-test="org-form" @submit.prevent="save">
          <ErrorBox :error="formError" class="span-2" />
          <label class="field"><span>{{ t('orgs.code') }}</span><input name="code" v-model.trim="editing.code" required></label>
          <label class="field"><span>{{ t('orgs.name') }}</span><input name="name" v-model.trim="editing.name" required></label>
          <label class="field"><span>{{ t('orgs.typeLabel') }}</span>
            <select name="type" v-model="editing.type"><option v-for="type in TYPES" :key="type" :value="type">{{ t('orgs.type.' + type) }}</option></select></label>
          <label class="field"><span>{{ t('orgs.manager') }}</span>
            <select name="managerId" v-model="editing.managerId"><option :value="null">—</option>
              <option v-for="u in users" :key="u.id" :value="u.id">{{ u.displayName }} ({{ u.username }})</option></select></label>
          <div class="form-actions span-2">
            <button type="button" class="button button-ghost" @click="editing = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary">{{ t('common.save') }}</button>
          </div>
        </form>
      </ModalDialog>
    </AdminLayout>`,
};
