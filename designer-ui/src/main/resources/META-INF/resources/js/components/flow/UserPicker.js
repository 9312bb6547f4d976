// Picks one person or several from the directory (GET /api/directory/users?q=), by username, which is how the
// workflow API names people.
import { ref, watch, onBeforeUnmount } from 'vue';
import { t } from '../../i18n.js';
import { people } from '../../names.js';
import { userName } from '../../flow.js';

const SEARCH_DELAY_MS = 250;

export default {
  name: 'UserPicker',
  props: {
    /** Chosen people: [{username, displayName}]. */
    modelValue: { type: Array, default: () => [] },
    multiple: Boolean,
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const q = ref('');
    const found = ref([]);
    const failed = ref(false);
    let timer;
    async function search() {
      try {
        found.value = await people(q.value.trim());
        failed.value = false;
      } catch {
        failed.value = true;
      }
    }
    watch(q, () => {
      clearTimeout(timer);
      timer = setTimeout(search, SEARCH_DELAY_MS);
    });
    search();
    onBeforeUnmount(() => clearTimeout(timer));

    const chosen = person => props.modelValue.some(p => p.username === person.username);
    function toggle(person) {
      const picked = { username: person.username, displayName: person.displayName };
      if (!props.multiple) emit('update:modelValue', [picked]);
      else if (chosen(person)) emit('update:modelValue', props.modelValue.filter(p => p.username !== person.username));
      else emit('update:modelValue', [...props.modelValue, picked]);
    }
    return { t, q, found, failed, chosen, toggle, userName };
  },
  template: /* html */ `
    <div class="user-picker" data-test="user-picker">
      <input type="search" v-model="q" :placeholder="t('flow.searchUsers')" data-test="user-search" :aria-label="t('flow.searchUsers')">
      <ul class="user-options" role="listbox" :aria-multiselectable="multiple">
        <li v-for="person in found" :key="person.id">
          <label class="check user-option" :data-user="person.username">
            <input :type="multiple ? 'checkbox' : 'radio'" name="user" :checked="chosen(person)" @change="toggle(person)">
            <span>{{ person.displayName }}</span><span class="muted small">@{{ person.username }}</span>
          </label>
        </li>
        <li v-if="!found.length" class="muted small picker-empty">{{ failed ? t('record.lookupFailed') : t('flow.noUsers') }}</li>
      </ul>
      <p v-if="modelValue.length" class="small" data-test="chosen-users">{{ t('flow.chosen', { names: modelValue.map(userName).join(t('flow.listSeparator')) }) }}</p>
    </div>`,
};
