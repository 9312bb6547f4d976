// One field's control, by type, for record pages, sub-table cells and the designer's preview. Values are
// record JSON as the records API takes it: numbers as numbers, dates as ISO text, references as ids, files as
// [{id, name, size, contentType}]. Text that is not a number is passed on as typed, so that the server's
// validation names the problem rather than the browser silently dropping it.
import { ref, computed, onMounted, watch } from 'vue';
import { api, uploadFile } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { display } from '../../records.js';
import { nameOf, rememberName, orgOptions, people } from '../../names.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A search-as-you-type picker of a lookup's candidates; the dashboard filter bar uses it too. */
export const LookupPicker = {
  name: 'LookupPicker',
  props: { field: Object, modelValue: null, app: String, form: String, path: String, invalid: Boolean },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const query = ref('');
    const open = ref(false);
    const candidates = ref([]);
    const failed = ref(false);
    let timer;
    const shown = computed(() => (props.modelValue ? nameOf(props.app, props.field, props.modelValue) ?? '…' : ''));
    let asked = 0;
    async function search() {
      failed.value = false;
      // Only the answer to the latest question counts: an earlier, slower one must not replace it.
      const question = ++asked;
      try {
        const found = await api.get(`/api/apps/${encodeURIComponent(props.app)}/forms/${encodeURIComponent(props.form)}`
          + `/lookup/${encodeURIComponent(props.path)}?size=20&q=${encodeURIComponent(query.value)}`);
        if (question === asked) candidates.value = found;
      } catch {
        if (question !== asked) return;
        candidates.value = [];
        failed.value = true;
      }
    }
    function typed() {
      open.value = true;
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    }
    function focus() {
      open.value = true;
      search();
    }
    function pick(candidate) {
      rememberName(props.app, props.field, candidate.id, candidate.display);
      emit('update:modelValue', candidate.id);
      query.value = '';
      open.value = false;
    }
    function clear() {
      emit('update:modelValue', null);
    }
    return { t, query, open, candidates, failed, shown, typed, focus, pick, clear };
  },
  template: /* html */ `
    <div class="picker" @focusout="e => { if (!e.currentTarget.contains(e.relatedTarget)) open = false; }">
      <div class="picker-value" v-if="modelValue && !open">
        <span :title="shown">{{ shown }}</span>
        <button type="button" class="icon-button" :aria-label="t('record.clear')" @click="clear">×</button>
      </div>
      <input v-else v-model="query" :name="path" :aria-invalid="invalid || null" :placeholder="t('record.searchLookup')"
             autocomplete="off" @input="typed" @focus="focus" :data-test="'lookup-' + path">
      <ul v-if="open" class="picker-list" role="listbox">
        <li v-for="candidate in candidates" :key="candidate.id">
          <button type="button" @mousedown.prevent="pick(candidate)" :data-test="'pick-' + candidate.id">{{ candidate.display }}</button>
        </li>
        <li v-if="!candidates.length" class="muted small picker-empty">{{ failed ? t('record.lookupFailed') : t('record.noMatches') }}</li>
      </ul>
    </div>`,
};

const RichText = {
  name: 'RichText',
  props: { modelValue: String, name: String },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const editor = ref(null);
    // The server sanitises what it stores; this only edits the sanitised HTML it served, or what the user types.
    onMounted(() => { editor.value.innerHTML = props.modelValue || ''; });
    watch(() => props.modelValue, value => {
      if (editor.value && value !== editor.value.innerHTML) editor.value.innerHTML = value || '';
    });
    function command(name) {
      document.execCommand(name, false, null);
      editor.value.focus();
      changed();
    }
    function link() {
      const url = prompt('https://');
      if (url && /^(https?:|mailto:)/i.test(url)) document.execCommand('createLink', false, url);
      changed();
    }
    function changed() {
      const html = editor.value.innerHTML;
      emit('update:modelValue', html === '' || html === '<br>' ? null : html);
    }
    return { t, editor, command, link, changed };
  },
  template: /* html */ `
    <div class="richtext">
      <div class="richtext-tools">
        <button type="button" @click="command('bold')" :title="t('record.bold')"><b>B</b></button>
        <button type="button" @click="command('italic')" :title="t('record.italic')"><i>I</i></button>
        <button type="button" @click="command('underline')" :title="t('record.underline')"><u>U</u></button>
        <button type="button" @click="command('insertUnorderedList')" :title="t('record.bullets')">•</button>
        <button type="button" @click="command('insertOrderedList')" :title="t('record.numbered')">1.</button>
        <button type="button" @click="link" :title="t('record.link')">🔗</button>
      </div>
      <div ref="editor" class="richtext-body" contenteditable="true" :data-name="name" @input="changed"></div>
    </div>`,
};

export default {
  name: 'FieldInput',
  components: { LookupPicker, RichText },
  props: {
    field: { type: Object, required: true },
    modelValue: { default: null },
    app: { type: String, default: '' },
    form: { type: String, default: '' },
    /** `lines.product` for a sub-table column: names the control and the lookup and upload endpoints. */
    path: { type: String, required: true },
    readonly: { type: Boolean, default: false },
    invalid: { type: Boolean, default: false },
    /** No uploads, lookups or directory calls: the designer's preview has no published form to ask. */
    offline: { type: Boolean, default: false },
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const text = ref('');
    const users = ref([]);
    const orgs = ref([]);
    const uploading = ref(null);
    const uploadError = ref('');
    const f = computed(() => props.field);

    watch(() => props.modelValue, value => {
      if (value === null || value === undefined) text.value = '';
      else if (typeof value === 'number') {
        if (!NUMBER.test(text.value) || Number(text.value) !== value) text.value = String(value);
      } else if (typeof value === 'string') text.value = value;
    }, { immediate: true });

    onMounted(async () => {
      if (props.readonly || props.offline) return;
      if (f.value.type === 'user') users.value = await people('').catch(() => []);
      if (f.value.type === 'org') orgs.value = await orgOptions().catch(() => []);
    });

    const set = value => emit('update:modelValue', value);
    function number(event) {
      text.value = event.target.value.trim();
      set(text.value === '' ? null : NUMBER.test(text.value) ? Number(text.value) : text.value);
    }
    const plainText = event => set(event.target.value === '' ? null : event.target.value);
    function toggle(value, on) {
      const chosen = new Set(props.modelValue || []);
      if (on) chosen.add(value); else chosen.delete(value);
      const ordered = (f.value.options || []).map(o => o.value).filter(v => chosen.has(v));
      set(ordered.length ? ordered : null);
    }
    const dateTime = event => set(event.target.value ? new Date(event.target.value).toISOString() : null);
    function region(part, value) {
      const next = { ...(props.modelValue || {}) };
      next[part] = value;
      set(Object.values(next).some(Boolean) ? next : null);
    }
    const regionParts = computed(() => ({ province: ['province'], city: ['province', 'city'] }[f.value.regionLevel]
      || ['province', 'city', 'district']));

    async function upload(event) {
      const files = [...event.target.files];
      event.target.value = '';
      uploadError.value = '';
      for (const file of files) {
        try {
          uploading.value = 0;
          const stored = await uploadFile(`/api/apps/${encodeURIComponent(props.app)}/forms/${encodeURIComponent(props.form)}`
            + `/files?field=${encodeURIComponent(props.path)}`, file, fraction => { uploading.value = fraction; });
          set([...(props.modelValue || []), stored]);
        } catch (failure) {
          uploadError.value = `${file.name}: ${failure.problems?.[0]?.message || failure.message}`;
        } finally {
          uploading.value = null;
        }
      }
    }
    const fileUrl = (file, inline) => `/api/apps/${encodeURIComponent(props.app)}/forms/${encodeURIComponent(props.form)}`
      + `/files/${encodeURIComponent(file.id)}${inline ? '?inline=true' : ''}`;
    const removeFile = file => {
      const rest = (props.modelValue || []).filter(other => other.id !== file.id);
      set(rest.length ? rest : null);
    };
    const accept = computed(() => (f.value.type === 'image' ? 'image/*' : (f.value.accept || []).join(',')));
    const shown = computed(() => display(f.value, props.modelValue,
      (field, id) => (props.offline ? `#${id}` : nameOf(props.app, field, id))));
    const placeholder = computed(() => localName(f.value.placeholder, ''));
    const inputType = computed(() => ({ email: 'email', phone: 'tel', url: 'url' }[f.value.type] || 'text'));

    return { t, localName, text, users, orgs, uploading, uploadError, f, set, number, plainText, toggle, dateTime,
      toLocalInput, region, regionParts, upload, fileUrl, removeFile, accept, shown, placeholder, inputType };
  },
  template: /* html */ `
    <div class="field-input" :data-test="'input-' + path" :data-type="f.type">
      <template v-if="readonly || f.type === 'formula' || f.type === 'serial'">
        <div v-if="f.type === 'richtext'" class="readonly-value richtext-view" v-html="modelValue || ''"></div>
        <div v-else-if="(f.type === 'attachment' || f.type === 'image') && modelValue && modelValue.length" class="file-list">
          <a v-for="file in modelValue" :key="file.id" class="file-chip" :href="fileUrl(file, false)">
            <img v-if="f.type === 'image'" :src="fileUrl(file, true)" :alt="file.name">{{ file.name }}</a>
        </div>
        <div v-else class="readonly-value" :class="{ computed: f.type === 'formula' || f.type === 'serial' }"
             :data-test="'value-' + path">{{ shown || (f.type === 'serial' && !readonly ? t('record.serialOnSave') : '—') }}</div>
      </template>
      <textarea v-else-if="f.type === 'textarea'" :name="path" :value="text" :aria-invalid="invalid || null"
                :maxlength="f.maxLength || 4000" :placeholder="placeholder" rows="3" @input="plainText"></textarea>
      <RichText v-else-if="f.type === 'richtext'" :name="path" :model-value="modelValue" @update:model-value="set" />
      <input v-else-if="['integer','decimal','money','percent'].includes(f.type)" :name="path" :value="text"
             :aria-invalid="invalid || null" inputmode="decimal" :placeholder="placeholder || (f.currency || '')" @input="number"
             class="number-input">
      <input v-else-if="f.type === 'date'" type="date" :name="path" :value="modelValue || ''" :aria-invalid="invalid || null"
             @input="plainText">
      <input v-else-if="f.type === 'datetime'" type="datetime-local" :name="path" :value="toLocalInput(modelValue)"
             :aria-invalid="invalid || null" @input="dateTime">
      <input v-else-if="f.type === 'time'" type="time" :name="path" :value="modelValue || ''" :aria-invalid="invalid || null"
             @input="plainText">
      <select v-else-if="f.type === 'select'" :name="path" :value="modelValue ?? ''" :aria-invalid="invalid || null"
              @change="plainText">
        <option value="">{{ t('record.choose') }}</option>
        <option v-for="o in f.options" :key="o.value" :value="o.value">{{ localName(o.label, o.value) }}</option>
      </select>
      <div v-else-if="f.type === 'radio'" class="checkbox-row" role="radiogroup">
        <label v-for="o in f.options" :key="o.value" class="check">
          <input type="radio" :name="path" :value="o.value" :checked="modelValue === o.value" @change="set(o.value)">
          {{ localName(o.label, o.value) }}</label>
      </div>
      <div v-else-if="f.type === 'multiselect' || f.type === 'checkbox'" class="checkbox-row">
        <label v-for="o in f.options" :key="o.value" class="check">
          <input type="checkbox" :name="path" :checked="(modelValue || []).includes(o.value)"
                 @change="toggle(o.value, $event.target.checked)"> {{ localName(o.label, o.value) }}</label>
      </div>
      <label v-else-if="f.type === 'switch'" class="switch">
        <input type="checkbox" :name="path" :checked="modelValue === true" @change="set($event.target.checked)">
        <span class="switch-track"></span><span>{{ modelValue ? t('record.yes') : t('record.no') }}</span>
      </label>
      <select v-else-if="f.type === 'user'" :name="path" :value="modelValue ?? ''" :aria-invalid="invalid || null"
              @change="set($event.target.value ? Number($event.target.value) : null)">
        <option value="">{{ t('record.choose') }}</option>
        <option v-if="modelValue && !users.some(u => u.id === modelValue)" :value="modelValue">{{ shown }}</option>
        <option v-for="u in users" :key="u.id" :value="u.id">{{ u.displayName }} ({{ u.username }})</option>
      </select>
      <select v-else-if="f.type === 'org'" :name="path" :value="modelValue ?? ''" :aria-invalid="invalid || null"
              @change="set($event.target.value ? Number($event.target.value) : null)">
        <option value="">{{ t('record.choose') }}</option>
        <option v-for="o in orgs" :key="o.id" :value="o.id">{{ '\u00a0\u00a0'.repeat(o.depth) + o.name }}</option>
      </select>
      <LookupPicker v-else-if="f.type === 'lookup' && !offline" :field="f" :model-value="modelValue" :app="app" :form="form"
                    :path="path" :invalid="invalid" @update:model-value="set" />
      <div v-else-if="f.type === 'region'" class="region-input">
        <input v-for="part in regionParts" :key="part" :name="path + '.' + part" :value="(modelValue || {})[part] || ''"
               :placeholder="t('record.region.' + part)" :aria-invalid="invalid || null" @input="region(part, $event.target.value)">
      </div>
      <div v-else-if="f.type === 'attachment' || f.type === 'image'" class="file-input">
        <div class="file-list">
          <span v-for="file in modelValue || []" :key="file.id" class="file-chip">
            <img v-if="f.type === 'image' && !offline" :src="fileUrl(file, true)" :alt="file.name">
            <a v-if="!offline" :href="fileUrl(file, false)">{{ file.name }}</a><span v-else>{{ file.name }}</span>
            <button type="button" class="icon-button" :aria-label="t('record.remove')" @click="removeFile(file)">×</button>
          </span>
        </div>
        <label class="button button-small" :class="{ disabled: offline }">
          <input type="file" class="visually-hidden" :name="path" :accept="accept" multiple :disabled="offline"
                 @change="upload">{{ f.type === 'image' ? t('record.addImage') : t('record.addFile') }}</label>
        <div v-if="uploading !== null" class="progress-track"><div class="progress-bar" :style="{ width: (uploading * 100) + '%' }"></div></div>
        <p v-if="uploadError" class="field-error">{{ uploadError }}</p>
      </div>
      <input v-else :type="inputType" :name="path" :value="text" :aria-invalid="invalid || null"
             :maxlength="f.maxLength || 255" :placeholder="placeholder" @input="plainText">
    </div>`,
};
