// A published decision table in the workspace (#/apps/{app}/decision/{key}, from a menu entry): its rows read-only,
// so that those who close a period (finance closing a quarter's rebates) see the policy they apply, and the period
// run, which the server lets only those start who read every record of the table's form.
import { ref, computed, watch } from 'vue';
import { api, attempt } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { appForms } from '../../designer/appForms.js';
import { cellText, outputText } from '../../designer/decisionTable.js';
import ErrorBox from '../../components/ErrorBox.js';
import PeriodRunDialog from '../../components/rules/PeriodRunDialog.js';

export default {
  name: 'DecisionPage',
  components: { ErrorBox, PeriodRunDialog },
  props: { app: { type: String, required: true }, tableKey: { type: String, required: true }, title: { type: String, default: '' } },
  setup(props) {
    const table = ref(null);
    const forms = ref([]);
    const error = ref(null);
    const running = ref(false);
    const path = computed(() => `/api/apps/${encodeURIComponent(props.app)}/definitions/decision/${encodeURIComponent(props.tableKey)}`);

    watch(() => [props.app, props.tableKey], async () => {
      table.value = null;
      error.value = null;
      await attempt(error, async () => {
        const standing = await api.get(path.value);
        // A draft being edited is not what runs: show the newest published version.
        const published = standing.publishedVersion == null ? null : await api.get(`${path.value}/versions/${standing.publishedVersion}`);
        table.value = published ? JSON.parse(published.content) : { unpublished: true };
        forms.value = await appForms(props.app);
      });
    }, { immediate: true });

    const form = computed(() => forms.value.find(candidate => candidate.key === table.value?.form) || null);
    const outputKeys = computed(() => (table.value?.outputs || []).map(column => column.key));
    return { t, localName, cellText, outputText, table, forms, form, error, running, outputKeys };
  },
  template: /* html */ `
    <section class="decision-page" data-test="decision-page">
      <div class="page-header">
        <div>
          <h1>{{ table && table.name ? localName(table.name, tableKey) : (title || tableKey) }}</h1>
          <p v-if="table && table.description" class="muted">{{ localName(table.description, '') }}</p>
        </div>
        <button v-if="table && !table.unpublished" type="button" class="button button-primary" data-test="run-period"
                @click="running = true">{{ t('decision.run.open') }}</button>
      </div>
      <ErrorBox :error="error" />
      <p v-if="table && table.unpublished" class="muted">{{ t('decision.run.needsPublish') }}</p>
      <div v-else-if="table" class="panel decision-rows">
        <p class="muted small">{{ t('decision.hitPolicy') }}: {{ t('decision.hit.' + table.hitPolicy) }}</p>
        <div class="table-scroll">
          <table class="table compact-table" data-test="decision-rows">
            <thead><tr>
              <th v-for="column in table.inputs" :key="'i' + column.key">{{ localName(column.label, column.key) }}</th>
              <th v-for="column in table.outputs" :key="'o' + column.key" class="output-head">{{ localName(column.label, column.key) }}</th>
            </tr></thead>
            <tbody><tr v-for="(row, r) in table.rows" :key="r" data-test="decision-row" :data-key="row.key">
              <td v-for="(cell, c) in row.inputs" :key="'i' + c">{{ cellText(cell) }}</td>
              <td v-for="(value, c) in row.outputs" :key="'o' + c">{{ outputText(value) }}</td>
            </tr></tbody>
          </table>
        </div>
      </div>
      <PeriodRunDialog v-if="running" :app="app" :table-key="tableKey" :form="form" :forms="forms" :outputs="outputKeys"
                       @close="running = false" />
    </section>`,
};
