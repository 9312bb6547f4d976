// One report's data drawn: the ECharts option the server built, or — for a ranking, KPI card or pivot the server
// sends as data — HTML. A click on a chart element (or a ranking / pivot row) emits `point`, the dimension values
// behind it. Charts of one `group` are connected, so that a dashboard can be saved as one picture.
import { ref, computed, watch, onMounted, onBeforeUnmount, nextTick } from 'vue';
import { t, locale, localName } from '../../i18n.js';
import { loadEcharts } from '../../report/echarts.js';
import { formatValue, clickedPoint, pivot } from '../../report/reportModel.js';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export default {
  name: 'ReportChart',
  props: {
    data: { type: Object, default: null },
    group: { type: String, default: null },
  },
  emits: ['point'],
  setup(props, { emit, expose }) {
    const canvas = ref(null);
    let chart = null;
    let observer = null;
    const kind = computed(() => props.data?.report?.chart?.type || 'bar');
    const format = computed(() => props.data?.report?.format || {});
    const columns = computed(() => (props.data?.columns || []).map((column, index) => ({ ...column, index })));
    const dimensions = computed(() => columns.value.filter(column => column.role === 'dimension'));
    const measures = computed(() => columns.value.filter(column => column.role === 'measure' && column.key !== 'rank_change'));
    const rankChange = computed(() => columns.value.find(column => column.key === 'rank_change'));
    const table = computed(() => (kind.value === 'pivot' && props.data && !props.data.echarts ? pivot(props.data) : null));
    const number = value => formatValue(value, format.value, locale.value);
    const label = column => localName(column.label, column.key);

    function dispose() {
      observer?.disconnect();
      observer = null;
      chart?.dispose();
      chart = null;
    }
    async function draw() {
      if (!props.data?.echarts) {
        dispose();
        return;
      }
      const echarts = await loadEcharts();
      if (!canvas.value || !props.data?.echarts) return;
      if (!chart) {
        chart = echarts.init(canvas.value, null, { renderer: 'canvas' });
        chart.on('click', params => emit('point', clickedPoint(params, props.data)));
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(canvas.value);
      }
      if (props.group) {
        chart.group = props.group;
        echarts.connect(props.group);
      }
      chart.setOption({ ...props.data.echarts, ...(reducedMotion() ? { animation: false } : {}) }, true);
    }
    watch(() => props.data, () => nextTick(draw));
    onMounted(draw);
    onBeforeUnmount(dispose);

    /** A rows point for HTML views: the row's dimension values by key. */
    const rowPoint = row => Object.fromEntries(dimensions.value.map(column => [column.key, row[column.index]]));
    function change(row) {
      const value = rankChange.value ? Number(row[rankChange.value.index]) : 0;
      return value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : '–';
    }
    expose({
      /** The chart as a PNG data URL, or null for an HTML view. */
      image: () => chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
      /** The pictures of every connected chart of the group as one PNG data URL. */
      groupImage: () => chart?.getConnectedDataURL({ type: 'png', pixelRatio: 1, backgroundColor: '#fff' }) ?? null,
    });
    return { t, canvas, kind, number, label, dimensions, measures, rankChange, table, rowPoint, change, emit };
  },
  template: /* html */ `
    <div class="report-chart" :data-chart="kind">
      <div v-if="data && data.echarts" ref="canvas" class="report-canvas" data-test="chart-canvas"></div>
      <div v-else-if="data && kind === 'kpi' && data.kpi" class="kpi-card" data-test="kpi">
        <div class="kpi-value">{{ number(data.kpi.value) }}</div>
        <div v-if="data.kpi.change != null" class="kpi-change" :class="data.kpi.change >= 0 ? 'up' : 'down'">
          {{ data.kpi.change >= 0 ? '▲' : '▼' }} {{ Math.abs(data.kpi.change * 100).toFixed(1) }}%
          <span class="muted">{{ t('report.vsPrevious', { value: number(data.kpi.previous) }) }}</span></div>
      </div>
      <div v-else-if="table" class="report-table-wrap">
        <table class="table report-table" data-test="pivot">
          <thead><tr><th>{{ dimensions[0] ? label(dimensions[0]) : '' }}</th><th v-for="c in table.columnKeys" :key="c" class="numeric">{{ c }}</th>
            <th class="numeric">{{ t('report.total') }}</th></tr></thead>
          <tbody>
            <tr v-for="r in table.rowKeys" :key="r" class="clickable" @click="emit('point', dimensions[0] ? { [dimensions[0].key]: r } : {})">
              <th>{{ r }}</th><td v-for="c in table.columnKeys" :key="c" class="numeric">{{ number(table.cell(r, c)) }}</td>
              <td class="numeric"><strong>{{ number(table.rowTotal(r)) }}</strong></td></tr>
          </tbody>
          <tfoot><tr><th>{{ t('report.total') }}</th><td v-for="c in table.columnKeys" :key="c" class="numeric">{{ number(table.columnTotal(c)) }}</td>
            <td class="numeric"><strong>{{ number(table.total) }}</strong></td></tr></tfoot>
        </table>
      </div>
      <div v-else-if="data && data.rows" class="report-table-wrap">
        <table class="table report-table" :data-test="kind === 'ranking' ? 'ranking' : 'result-table'">
          <thead><tr><th v-if="kind === 'ranking'">#</th><th v-for="c in dimensions" :key="c.key">{{ label(c) }}</th>
            <th v-for="c in measures" :key="c.key" class="numeric">{{ label(c) }}</th><th v-if="rankChange"></th></tr></thead>
          <tbody>
            <tr v-for="(row, i) in data.rows" :key="i" class="clickable" data-test="result-row" @click="emit('point', rowPoint(row))">
              <td v-if="kind === 'ranking'" class="rank">{{ i + 1 }}</td>
              <td v-for="c in dimensions" :key="c.key">{{ row[c.index] }}</td>
              <td v-for="c in measures" :key="c.key" class="numeric">{{ number(row[c.index]) }}</td>
              <td v-if="rankChange" class="rank-change">{{ change(row) }}</td>
            </tr>
            <tr v-if="!data.rows.length"><td :colspan="dimensions.length + measures.length + 2" class="empty-cell">{{ t('report.noData') }}</td></tr>
          </tbody>
        </table>
      </div>
      <p v-if="data && data.truncated" class="muted small">{{ t('report.truncated') }}</p>
    </div>`,
};
