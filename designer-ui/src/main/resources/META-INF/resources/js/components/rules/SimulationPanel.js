// Simulation beside a rule set or decision table: sample values typed into the form (the rule set's form, or the
// table's input columns as fields) or an existing record's id, sent to the server's simulate endpoint against the
// draft (saved first when there is unsaved work); no side effects. A rule set answers which rules fired and what
// they would have done; a table, the rows that matched (the page highlights them) and its outputs.
import { ref, computed, watch, nextTick } from 'vue';
import { api } from '../../api.js';
import { t, locale, localName } from '../../i18n.js';
import { sampleRecord } from '../../designer/sampleRecord.js';
import ErrorBox from '../ErrorBox.js';
import RecordForm from '../RecordForm.js';

/** A text in both languages as the engine writes it (`zhCN`) or as definitions do (`zh-CN`), else null. */
function localized(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('en' in value)) return null;
  return { 'zh-CN': value['zh-CN'] ?? value.zhCN, en: value.en };
}

/** Whether a member says anything: null, blank, false and empty lists are left out of the effects shown. */
const said = value => value !== null && value !== undefined && value !== '' && value !== false
  && !(Array.isArray(value) && !value.length);

/** A member of an effect as one line of text: localized texts in the UI's language, lists joined. */
function describe(value) {
  const text = localized(value);
  if (text) return localName(text);
  if (Array.isArray(value)) return value.map(describe).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value).filter(([, inner]) => said(inner)).map(([key, inner]) => (inner === true ? key : `${key}: ${describe(inner)}`)).join('; ');
  }
  return String(value);
}

export default {
  name: 'SimulationPanel',
  components: { ErrorBox, RecordForm },
  props: {
    kind: { type: String, required: true },
    app: { type: String, required: true },
    definitionKey: { type: String, required: true },
    /** The form whose fields are typed in: the rule set's form, or the table's inputs as fields. */
    form: { type: Object, default: null },
    /** Saves unsaved work, answering false when the save was refused. */
    prepare: { type: Function, required: true },
    /** Names of rules (rule set) or output columns (table), by key, for the results. */
    names: { type: Object, default: () => ({}) },
  },
  emits: ['matched'],
  setup(props, { emit }) {
    const mode = ref('sample');
    const values = ref({});
    const recordId = ref('');
    const busy = ref(false);
    const error = ref(null);
    const result = ref(null);
    const resultEl = ref(null);
    const fill = () => {
      values.value = props.form ? sampleRecord(props.form, locale.value) : {};
    };
    watch(() => props.form && props.form.fields.map(field => `${field.key}:${field.type}`).join(), fill, { immediate: true });

    async function run() {
      error.value = null;
      result.value = null;
      emit('matched', []);
      if (!(await props.prepare())) return;
      busy.value = true;
      const source = mode.value === 'record' ? { recordId: Number(recordId.value) }
        : props.kind === 'rules' ? { record: values.value } : { inputs: values.value };
      const path = `/api/apps/${encodeURIComponent(props.app)}/${props.kind === 'rules' ? 'rules' : 'decisions'}/`
        + `${encodeURIComponent(props.definitionKey)}/simulate`;
      try {
        result.value = await api.post(path, { ...source, draft: true });
        if (props.kind === 'decision') emit('matched', result.value.matchedRows || []);
      } catch (failure) {
        error.value = failure;
      } finally {
        busy.value = false;
      }
      await nextTick();
      resultEl.value?.scrollIntoView({ block: 'nearest' });
    }
    const fired = computed(() => result.value?.fired || []);
    const outputs = computed(() => Object.entries(result.value?.outputs || {}));
    const effectMembers = effect => Object.entries(effect).filter(([key, value]) => key !== 'type' && said(value));
    // The engine names a firing's rule `ruleKey`; the contract said `rule`.
    const ruleOf = firing => firing.ruleKey ?? firing.rule;
    const firingName = firing => (localized(firing.name) ? localName(localized(firing.name)) : props.names[ruleOf(firing)] || ruleOf(firing));
    const typeName = type => (t(`rules.action.${type}`) === `rules.action.${type}` ? type : t(`rules.action.${type}`));
    const ready = computed(() => mode.value === 'sample' ? !!props.form : /^\d+$/.test(String(recordId.value).trim()));
    return {
      t, mode, values, recordId, busy, error, result, resultEl, fill, run, fired, outputs, effectMembers, ruleOf, firingName, typeName, describe, ready,
    };
  },
  template: /* html */ `
    <aside class="simulation" data-test="simulation">
      <div class="simulation-head">
        <h3>{{ t('rules.simulate') }}</h3>
        <div class="segmented" role="group">
          <button type="button" :class="{ active: mode === 'sample' }" data-test="sim-sample" @click="mode = 'sample'">{{ t('rules.sampleValues') }}</button>
          <button type="button" :class="{ active: mode === 'record' }" data-test="sim-record" @click="mode = 'record'">{{ t('rules.existingRecord') }}</button>
        </div>
      </div>
      <p class="muted small">{{ t('rules.simulateIntro') }}</p>
      <template v-if="mode === 'sample'">
        <div v-if="form" class="simulation-form" data-test="sim-form">
          <RecordForm :form="form" v-model="values" :app="app" offline />
        </div>
        <p v-else class="muted small">{{ t('rules.noFormToFill') }}</p>
        <button type="button" class="link-button small" data-test="sim-fill" @click="fill">{{ t('design.fillTestData') }}</button>
      </template>
      <label v-else class="field"><span>{{ t('rules.recordId') }}</span>
        <input name="recordId" inputmode="numeric" v-model="recordId" placeholder="12"></label>
      <button type="button" class="button button-primary button-block" data-test="sim-run" :disabled="busy || !ready" @click="run">
        {{ busy ? t('rules.simulating') : t('rules.runSimulation') }}</button>

      <div ref="resultEl" class="simulation-result">
        <ErrorBox :error="error" />
        <div v-if="result && kind === 'rules'" data-test="sim-result" :data-fired="fired.map(ruleOf).join(',')">
          <p v-if="!fired.length" class="muted">{{ t('rules.noneFired') }}</p>
          <div v-for="(f, n) in fired" :key="n" class="fired" data-test="fired" :data-rule="ruleOf(f)">
            <strong>✓ {{ firingName(f) }}</strong> <code>{{ ruleOf(f) }}</code>
            <ul class="effects">
              <li v-for="(effect, i) in f.effects" :key="i" data-test="effect" :data-type="effect.type">
                <span class="badge">{{ typeName(effect.type) }}</span>
                <span v-for="[key, value] in effectMembers(effect)" :key="key" class="effect-member"><span class="muted">{{ key }}</span> {{ describe(value) }}</span>
              </li>
            </ul>
          </div>
        </div>
        <div v-if="result && kind === 'decision'" data-test="sim-result" :data-matched="(result.matchedRows || []).join(',')">
          <p class="small">{{ (result.matchedRows || []).length ? t('rules.matchedRows', { rows: result.matchedRows.map(r => r + 1).join(', ') }) : t('rules.noRowMatched') }}</p>
          <table v-if="outputs.length" class="table outputs-table">
            <tbody><tr v-for="[key, value] in outputs" :key="key" data-test="sim-output" :data-output="key" :data-value="JSON.stringify(value)">
              <th>{{ names[key] || key }}</th><td>{{ describe(value) }}</td></tr></tbody>
          </table>
        </div>
      </div>
    </aside>`,
};
