// One report's data drawn: the ECharts option the server built, or — for the KPI card, ranking and pivot table the
// server sends as values with their formatted texts — HTML (a plain table of the rows if neither came). A click on a chart element (or a ranking / pivot row) emits `point`, the dimension values
// behind it. Charts of one `group` are connected, so that a dashboard can be saved as one picture.
import { ref, computed, watch, onMounted, onBeforeUnmount, nextTick } from 'vue';
import { t, locale, localName } from '../../i18n.js';
import { loadEcharts } from '../../report/echarts.js';
import { formatValue, clickedPoint, formattedOption } from '../../report/reportModel.js';

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
    const measures = computed(() => columns.value.filter(column => column.role === 'measure'));
    const number = value => formatValue(value, format.value, locale.value);
    const label = column => localName(column.label, column.key);

    function dispose() {
      observer?.disconnect();
      observer = null;
      chart?.dispose();
      chart = null;
    }
    async function draw() {
      if (!props.data?.echarts || !props.data.rows?.length) {
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
      const defined = Object.keys(props.data.report?.format || {}).some(key => key !== 'colors');
      const option = formattedOption(props.data.echarts, defined ? number : null, canvas.value.clientWidth);
      chart.setOption({ ...option, ...(reducedMotion() ? { animation: false } : {}) }, true);
    }
    watch(() => props.data, () => nextTick(draw));
    onMounted(draw);
    onBeforeUnmount(dispose);

    /** A rows point for HTML views: the row's dimension values by key. */
    const rowPoint = row => Object.fromEntries(dimensions.value.map(column => [column.key, row[column.index]]));
    /** A rank change as the ranking shows it: up is positive (from 5th to 2nd is ▲3), a newcomer has none. */
    const change = value => (value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : value === 0 ? '–' : '');
    expose({
      /** The chart as a PNG data URL, or null for an HTML view. */
      image: () => chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
      /** The pictures of every connected chart of the group as one PNG data URL. */
      groupImage: () => chart?.getConnectedDataURL({ type: 'png', pixelRatio: 1, backgroundColor: '#fff' }) ?? null,
    });
    return { t, canvas, kind, number, label, dimensions, measures, rowPoint, change, emit };
  },
  template: /* html */ `
    <div class="report-chart" :data-chart="kind">
      <p v-if="data && data.rows && !data.rows.length" class="report-empty muted" data-test="no-data">{{ t('report.noData') }}</p>
      <div v-else-if="data && data.echarts" ref="canvas" class="report-canvas" data-test="chart-canvas"></div>
      <div v-else-if="data && data.kpi" class="kpi-card" data-test="kpi">
        <div class="kpi-label muted small">{{ data.kpi.label }}</div>
        <div class="kpi-value">{{ data.kpi.text || '–' }}</div>
        <div v-if="data.kpi.change != null" class="kpi-change" :class="data.kpi.change >= 0 ? 'up' : 'down'">
          {{ data.kpi.change >= 0 ? '▲' : '▼' }} {{ Math.abs(data.kpi.change * 100).toFixed(1) }}%
          <span class="muted">{{ t('report.vsPrevious', { value: data.kpi.previousText }) }}</span></div>
      </div>
      <div v-else-if="data && data.ranking" class="report-table-wrap">
        <table class="table report-table" data-test="ranking">
          <thead><tr><th>#</th><th v-for="c in data.ranking.columns" :key="c.key" :class="{ numeric: c !== data.ranking.columns[0] }">{{ c.label }}</th>
            <th v-if="data.ranking.showRankChange"></th></tr></thead>
          <tbody>
            <tr v-for="(row, i) in data.ranking.rows" :key="i" class="clickable" data-test="result-row" @click="emit('point', { [data.ranking.columns[0].key]: row.key })">
              <td class="rank">{{ row.rank ?? '' }}</td><td>{{ row.label }}</td>
              <td v-for="(text, m) in row.texts" :key="m" class="numeric">{{ text }}</td>
              <td v-if="data.ranking.showRankChange" class="rank-change" :class="{ up: row.rankChange > 0, down: row.rankChange < 0 }">{{ change(row.rankChange) }}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div v-else-if="data && data.pivot" class="report-table-wrap">
        <table class="table report-table" data-test="pivot">
          <thead><tr><th v-for="(h, i) in data.pivot.rowHeader" :key="'h' + i">{{ h }}</th>
            <th v-for="(c, i) in data.pivot.columns" :key="'c' + i" class="numeric">{{ c }}</th></tr></thead>
          <tbody>
            <tr v-for="(row, i) in data.pivot.rows" :key="i" :class="['pivot-' + row.kind, { clickable: row.kind === 'row' }]"
                @click="row.kind === 'row' && dimensions[0] && emit('point', { [dimensions[0].key]: row.keys[0] })">
              <th v-for="(k, j) in data.pivot.rowHeader" :key="j" :colspan="row.keys.length === 1 && j === 0 ? data.pivot.rowHeader.length : 1"
                  v-show="!(row.keys.length === 1 && j > 0)">{{ row.keys[j] }}</th>
              <td v-for="(text, j) in row.texts" :key="'v' + j" class="numeric">{{ text }}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div v-else-if="data && data.rows" class="report-table-wrap">
        <table class="table report-table" data-test="result-table">
          <thead><tr><th v-for="c in dimensions" :key="c.key">{{ label(c) }}</th>
            <th v-for="c in measures" :key="c.key" class="numeric">{{ label(c) }}</th></tr></thead>
          <tbody>
            <tr v-for="(row, i) in data.rows" :key="i" class="clickable" data-test="result-row" @click="emit('point', rowPoint(row))">
              <td v-for="c in dimensions" :key="c.key">{{ row[c.index] }}</td>
              <td v-for="c in measures" :key="c.key" class="numeric">{{ number(row[c.index]) }}</td>
            </tr>
            <tr v-if="!data.rows.length"><td :colspan="dimensions.length + measures.length || 1" class="empty-cell">{{ t('report.noData') }}</td></tr>
          </tbody>
        </table>
      </div>
      <p v-if="data && data.truncated" class="muted small">{{ t('report.truncated') }}</p>
    </div>`,
};
