// A report in the workspace: its title, its data drawn (ReportChart), export (CSV and XLSX for those the server lets
// download the rows, PNG for all) and drill-down. A click on a chart element asks the server which records lie behind
// it and opens the form's record list filtered to them; a report with a drill-through target also offers to open that
// report filtered the same way.
import { ref, watch } from 'vue';
import { api, attempt, downloadFile, saveBlob } from '../../api.js';
import { t, localName } from '../../i18n.js';
import { navigate } from '../../router.js';
import { recordListPath } from '../../report/dashboardFilters.js';
import ErrorBox from '../ErrorBox.js';
import ReportChart from './ReportChart.js';

const reportPath = (app, report) => `/api/apps/${encodeURIComponent(app)}/reports/${encodeURIComponent(report)}`;

export default {
  name: 'ReportWidget',
  components: { ErrorBox, ReportChart },
  props: {
    app: { type: String, required: true },
    report: { type: String, required: true },
    title: { type: [Object, String], default: null },
    /** Where the data comes from (a dashboard widget's data or the report's own). */
    dataPath: { type: String, required: true },
    /** The dataset filters (`field:op:value`) the data was asked with, for export and drill-down. */
    filters: { type: Array, default: () => [] },
    group: { type: String, default: null },
    /** Changes when the data should be fetched again (auto-refresh), without blanking the widget meanwhile. */
    tick: { type: Number, default: 0 },
  },
  setup(props) {
    const data = ref(null);
    const error = ref(null);
    const loading = ref(false);
    const choice = ref(null);
    const chart = ref(null);

    async function load() {
      loading.value = true;
      error.value = null;
      await attempt(error, async () => {
        data.value = await api.get(props.dataPath);
      });
      loading.value = false;
    }
    watch(() => props.dataPath, () => {
      data.value = null;
      load();
    }, { immediate: true });
    watch(() => props.tick, load);

    const query = format => {
      const params = new URLSearchParams({ format });
      props.filters.forEach(filter => params.append('filter', filter));
      return params;
    };
    const exportAs = format => attempt(error, () => downloadFile(`${reportPath(props.app, props.report)}/export?${query(format)}`,
      `${props.report}.${format}`));
    function png() {
      const image = chart.value?.image();
      if (image) saveBlob(image, `${props.report}.png`);
    }

    async function drill(point) {
      if (!data.value?.drillable) return;
      let target = null;
      const asked = await attempt(error, async () => {
        target = await api.post(`${reportPath(props.app, props.report)}/drill`, { point, filters: props.filters });
      });
      if (!asked) return;
      const through = data.value.report?.drillThrough;
      if (through) choice.value = { target, through };
      else openList(target);
    }
    /** The record list under the drill's filters; when they cannot select exactly the element's rows, the list says so. */
    function openList(target) {
      const path = recordListPath(target.app, target.form, target.filters);
      navigate(target.exact === false ? `${path}${path.includes('?') ? '&' : '?'}approximate=1` : path);
    }
    function openRecords() {
      const { target } = choice.value;
      choice.value = null;
      openList(target);
    }
    function openReport() {
      const { target, through } = choice.value;
      choice.value = null;
      const params = new URLSearchParams();
      target.filters.forEach(filter => params.append('filter', filter));
      navigate(`/apps/${encodeURIComponent(props.app)}/reports/${encodeURIComponent(through)}?${params}`);
    }
    return { t, localName, data, error, loading, chart, exportAs, png, drill, choice, openRecords, openReport, load };
  },
  template: /* html */ `
    <article class="report-widget panel" data-test="widget" :data-report="report" :data-loaded="data ? 'true' : 'false'">
      <header class="widget-head">
        <h2 class="widget-title">{{ localName(title) || (data && data.report ? localName(data.report.name, report) : report) }}</h2>
        <span v-if="loading" class="widget-loading muted small" aria-live="polite">{{ t('common.loading') }}</span>
        <div class="widget-tools">
          <template v-if="data && data.exportable !== false">
            <button type="button" class="link-button" data-test="export-csv" :title="t('report.exportCsv')" @click="exportAs('csv')">CSV</button>
            <button type="button" class="link-button" data-test="export-xlsx" :title="t('report.exportXlsx')" @click="exportAs('xlsx')">XLSX</button>
          </template>
          <button v-if="data && data.echarts" type="button" class="link-button" data-test="export-png" :title="t('report.exportPng')" @click="png">PNG</button>
        </div>
      </header>
      <ErrorBox :error="error" />
      <ReportChart v-if="data" ref="chart" :data="data" :group="group" :class="{ drillable: data.drillable }" @point="drill" />
      <div v-if="choice" class="drill-choice" data-test="drill-choice" role="dialog">
        <button type="button" class="button button-small" data-test="drill-records" @click="openRecords">{{ t('report.showRecords') }}</button>
        <button type="button" class="button button-small" data-test="drill-through" @click="openReport">{{ t('report.openReport', { report: choice.through }) }}</button>
        <button type="button" class="link-button" @click="choice = null">{{ t('common.cancel') }}</button>
      </div>
    </article>`,
};
