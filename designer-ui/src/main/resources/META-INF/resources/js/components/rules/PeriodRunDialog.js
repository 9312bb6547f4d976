// "Run for a period": the published table decides once per group of its form's records dated in the period, and a
// record per group is written into a result form. The run goes on in the server; the dialog polls its progress.
import { ref, reactive, computed, nextTick, onBeforeUnmount } from 'vue';
import { api } from '../../api.js';
import { t, localName, formatDate } from '../../i18n.js';
import { blankRun, dateFields, numberFields, groupFields, runBody, problemsByInput, runPercent } from '../../designer/periodRun.js';
import ModalDialog from '../ModalDialog.js';
import FormulaInput from '../designer/FormulaInput.js';

const POLL_MS = 500;

export default {
  name: 'PeriodRunDialog',
  components: { ModalDialog, FormulaInput },
  props: {
    app: { type: String, required: true },
    tableKey: { type: String, required: true },
    /** The table's form, with its fields. */
    form: { type: Object, default: null },
    /** The app's forms; the published ones can take results. */
    forms: { type: Array, required: true },
    /** Output column keys of the table, which value formulas may read. */
    outputs: { type: Array, required: true },
  },
  emits: ['close'],
  setup(props) {
    const state = reactive(blankRun());
    const problems = ref({});
    const failure = ref(null);
    const run = ref(null);
    const starting = ref(false);
    const actions = ref(null);
    let timer = null;
    onBeforeUnmount(() => clearTimeout(timer));

    const resultForms = computed(() => props.forms.filter(form => form.publishedVersion != null));
    const resultForm = computed(() => resultForms.value.find(form => form.key === state.resultForm) || null);
    const resultFields = computed(() => (resultForm.value?.fields || []).filter(field => field.type !== 'subtable'));
    // What a value formula reads: the group's sums, its first record's fields, the table's outputs and the period.
    const formulaNames = computed(() => [...new Set([
      ...state.sums.map(sum => sum.name.trim()).filter(Boolean), ...(props.form?.fields || []).map(field => field.key),
      ...props.outputs, 'period'])]);
    const running = computed(() => run.value?.status === 'running');

    const history = ref([]);
    async function loadHistory() {
      try {
        history.value = await api.get(`${runPath()}?limit=10`);
      } catch {
        history.value = [];
      }
    }
    const runPath = id => `/api/apps/${encodeURIComponent(props.app)}/decisions/${encodeURIComponent(props.tableKey)}/runs${id == null ? '' : `/${id}`}`;
    async function poll() {
      try {
        run.value = await api.get(runPath(run.value.id));
      } catch (error) {
        failure.value = error.message;
        return;
      }
      if (run.value.status === 'running') timer = setTimeout(poll, POLL_MS);
      else loadHistory();
    }
    loadHistory();
    async function start() {
      problems.value = {};
      failure.value = null;
      starting.value = true;
      try {
        run.value = await api.post(runPath(), runBody(state));
        timer = setTimeout(poll, POLL_MS);
        // The progress shows above the buttons, under the long form: out of sight in the scrolled dialog.
        nextTick(() => actions.value?.scrollIntoView({ block: 'nearest' }));
      } catch (error) {
        if (error.problems?.length) problems.value = problemsByInput(error.problems, state);
        else failure.value = error.message;
      } finally {
        starting.value = false;
      }
    }
    const invalid = input => (problems.value[input] ? 'true' : null);

    return {
      t, localName, formatDate, history, state, problems, failure, run, starting, actions, running, resultForms, resultFields, formulaNames, start, invalid,
      dates: computed(() => dateFields(props.form)), numbers: computed(() => numberFields(props.form)),
      groups: computed(() => groupFields(props.form)), percent: computed(() => runPercent(run.value)),
      addSum: () => state.sums.push({ name: '', field: '' }), addValue: () => state.values.push({ field: '', formula: '' }),
    };
  },
  template: /* html */ `
    <ModalDialog :title="t('decision.run.title')" @close="$emit('close')">
      <form class="period-run" data-test="period-run" @submit.prevent="start">
        <p class="muted small">{{ t('decision.run.intro') }}</p>
        <div class="period-run-line">
          <label class="field"><span>{{ t('decision.run.period') }}</span>
            <input name="period" placeholder="2026-Q1" v-model="state.period" :aria-invalid="invalid('period')">
            <small v-for="m in problems.period" class="prop-error">{{ m }}</small></label>
          <label class="field"><span>{{ t('decision.run.from') }}</span>
            <input name="from" type="date" v-model="state.from" :aria-invalid="invalid('from')">
            <small v-for="m in problems.from" class="prop-error">{{ m }}</small></label>
          <label class="field"><span>{{ t('decision.run.to') }}</span>
            <input name="to" type="date" v-model="state.to" :aria-invalid="invalid('from') || invalid('to')">
            <small v-for="m in problems.to" class="prop-error">{{ m }}</small></label>
        </div>
        <div class="period-run-line">
          <label class="field"><span>{{ t('decision.run.dateField') }}</span>
            <select name="dateField" v-model="state.dateField" :aria-invalid="invalid('dateField')">
              <option value=""></option>
              <option v-for="f in dates" :key="f.key" :value="f.key">{{ localName(f.label, f.key) }} ({{ f.key }})</option>
            </select>
            <small v-for="m in problems.dateField" class="prop-error">{{ m }}</small></label>
          <label class="field"><span>{{ t('decision.run.groupBy') }} · {{ t('rules.optional') }}</span>
            <select name="groupBy" v-model="state.groupBy">
              <option value="">{{ t('decision.run.eachRecord') }}</option>
              <option v-for="f in groups" :key="f.key" :value="f.key">{{ localName(f.label, f.key) }} ({{ f.key }})</option>
            </select></label>
        </div>

        <fieldset class="field period-run-rows" data-test="run-filters">
          <span>{{ t('decision.run.filters') }} · {{ t('rules.optional') }}</span>
          <div v-for="(filter, i) in state.filters" :key="i" class="period-run-row" data-test="run-filter" :data-index="i">
            <input name="filter" placeholder="status:eq:approved" spellcheck="false" v-model="state.filters[i]" :aria-invalid="invalid('filters.' + i)">
            <button type="button" class="icon-button" :title="t('common.remove')" @click="state.filters.splice(i, 1)">×</button>
            <small v-for="m in problems['filters.' + i]" class="prop-error">{{ m }}</small>
          </div>
          <small class="muted">{{ t('decision.run.filtersHint') }}</small>
          <button type="button" class="link-button" data-test="add-filter" @click="state.filters.push('')">+ {{ t('decision.run.addFilter') }}</button>
        </fieldset>

        <fieldset class="field period-run-rows" data-test="run-sums">
          <span>{{ t('decision.run.sums') }}</span>
          <div v-for="(sum, i) in state.sums" :key="i" class="period-run-row" data-test="run-sum" :data-index="i">
            <input name="sumName" :placeholder="t('decision.run.sumName')" spellcheck="false" v-model="sum.name">
            <span class="muted">= Σ</span>
            <select name="sumField" v-model="sum.field">
              <option value=""></option>
              <option v-for="f in numbers" :key="f.key" :value="f.key">{{ localName(f.label, f.key) }} ({{ f.key }})</option>
            </select>
            <button type="button" class="icon-button" :title="t('common.remove')" @click="state.sums.splice(i, 1)">×</button>
          </div>
          <button type="button" class="link-button" data-test="add-sum" @click="addSum">+ {{ t('decision.run.addSum') }}</button>
        </fieldset>

        <label class="field"><span>{{ t('decision.run.resultForm') }}</span>
          <select name="resultForm" v-model="state.resultForm" :aria-invalid="invalid('resultForm')">
            <option value=""></option>
            <option v-for="f in resultForms" :key="f.key" :value="f.key">{{ localName(f.name, f.key) }} ({{ f.key }})</option>
          </select>
          <small v-for="m in problems.resultForm" class="prop-error">{{ m }}</small></label>

        <fieldset class="field period-run-rows" data-test="run-values">
          <span>{{ t('decision.run.values') }}</span>
          <div v-for="(value, i) in state.values" :key="i" class="period-run-row" data-test="run-value" :data-index="i">
            <select name="valueField" v-model="value.field" :aria-invalid="invalid('values.' + i)">
              <option value=""></option>
              <option v-for="f in resultFields" :key="f.key" :value="f.key">{{ localName(f.label, f.key) }} ({{ f.key }})</option>
            </select>
            <span class="muted">=</span>
            <FormulaInput name="valueFormula" :fields="formulaNames" :invalid="!!invalid('values.' + i)" v-model="value.formula" />
            <button type="button" class="icon-button" :title="t('common.remove')" @click="state.values.splice(i, 1)">×</button>
            <small v-for="m in problems['values.' + i]" class="prop-error">{{ m }}</small>
          </div>
          <button type="button" class="link-button" data-test="add-value" @click="addValue">+ {{ t('decision.run.addValue') }}</button>
        </fieldset>

        <p v-for="m in problems.other" class="prop-error">{{ m }}</p>
        <p v-if="failure" class="prop-error" data-test="run-failure">{{ failure }}</p>
        <div v-if="run" class="progress period-run-progress" data-test="run-progress" :data-status="run.status" :data-done="run.done" :data-total="run.total">
          <div class="progress-label"><span :class="'run-' + run.status">{{ t('decision.run.status.' + run.status) }}</span><span>{{ run.done }} / {{ run.total }}</span></div>
          <div class="progress-track"><div class="progress-bar" :style="{ width: percent + '%' }"></div></div>
          <p v-if="run.error" class="prop-error" data-test="run-error">{{ run.error }}</p>
        </div>
        <details v-if="history.length" class="period-run-history" data-test="run-history">
          <summary>{{ t('decision.run.history', { count: history.length }) }}</summary>
          <table class="table compact-table">
            <thead><tr><th>{{ t('decision.run.period') }}</th><th>{{ t('decision.run.statusColumn') }}</th>
              <th>{{ t('decision.run.groups') }}</th><th>{{ t('decision.run.startedBy') }}</th><th>{{ t('decision.run.startedAt') }}</th></tr></thead>
            <tbody><tr v-for="past in history" :key="past.id" data-test="run-history-item" :data-status="past.status">
              <td>{{ past.period }}</td>
              <td><span :class="'run-' + past.status" :title="past.error || ''">{{ t('decision.run.status.' + past.status) }}</span></td>
              <td>{{ past.done }} / {{ past.total }}</td><td>{{ past.startedBy }}</td><td>{{ formatDate(past.startedAt) }}</td>
            </tr></tbody>
          </table>
        </details>
        <div ref="actions" class="form-actions">
          <button type="button" class="button button-ghost" @click="$emit('close')">{{ t('common.close') }}</button>
          <button type="submit" class="button button-primary" data-test="run-start" :disabled="starting || running">{{ t('decision.run.start') }}</button>
        </div>
      </form>
    </ModalDialog>`,
};
