// A published dashboard in the workspace (#/apps/{app}/dashboards/{key}): the shared filter bar (its values kept in
// the address, so a link shows what its sender saw), the widgets on the 12-column grid (one column on a phone), auto-
// refresh, full screen for a wall display, and the whole dashboard saved as a PNG or, through the server, a PDF.
import { ref, computed, watch, onMounted, onBeforeUnmount } from 'vue';
import { api, attempt, postForDownload, saveBlob } from '../../api.js';
import { t, localName, locale } from '../../i18n.js';
import { route, navigate } from '../../router.js';
import {
  DATE_PRESETS, valuesFromQuery, queryFromValues, splitRange, joinRange, widgetParams, datasetFilters,
} from '../../report/dashboardFilters.js';
import { orgOptions } from '../../names.js';
import ErrorBox from '../../components/ErrorBox.js';
import ReportWidget from '../../components/report/ReportWidget.js';
import { LookupPicker } from '../../components/record/FieldInput.js';

export default {
  name: 'DashboardPage',
  components: { ErrorBox, ReportWidget, LookupPicker },
  props: { app: { type: String, required: true }, dashboardKey: { type: String, required: true }, query: { type: String, default: '' } },
  setup(props) {
    const dashboard = ref(null);
    const error = ref(null);
    const values = ref({});
    const draft = ref({});
    const tick = ref(0);
    const updated = ref(null);
    const wall = ref(false);
    const exporting = ref(false);
    const root = ref(null);
    const widgets = ref([]);
    // An org filter picks from the organisation tree (a text box if the tree cannot be read).
    const orgs = ref(null);
    let timer = null;
    const group = computed(() => `dashboard-${props.app}-${props.dashboardKey}`);
    const base = computed(() => `/api/apps/${encodeURIComponent(props.app)}/dashboards/${encodeURIComponent(props.dashboardKey)}`);

    watch(() => [props.app, props.dashboardKey], async () => {
      dashboard.value = null;
      error.value = null;
      await attempt(error, async () => {
        dashboard.value = await api.get(base.value);
      });
      updated.value = new Date();
      restartTimer();
      if (dashboard.value?.filters?.some(filter => filter.type === 'org')) orgs.value = await orgOptions().catch(() => null);
    }, { immediate: true });
    watch([dashboard, () => props.query], () => {
      if (!dashboard.value) return;
      values.value = valuesFromQuery(props.query, dashboard.value.filters);
      draft.value = { ...values.value };
    }, { immediate: true });

    function restartTimer() {
      clearInterval(timer);
      const seconds = dashboard.value?.refreshSeconds;
      if (seconds) {
        timer = setInterval(() => {
          tick.value++;
          updated.value = new Date();
        }, seconds * 1000);
      }
    }
    onBeforeUnmount(() => clearInterval(timer));

    const range = key => splitRange(draft.value[key]);
    function setRange(key, end, value) {
      const current = range(key);
      draft.value = { ...draft.value, [key]: joinRange(end === 'from' ? value : current.from, end === 'to' ? value : current.to) };
    }
    /** Applying puts the values into the address; the page follows the address. */
    function apply() {
      const query = queryFromValues(draft.value, dashboard.value.filters);
      navigate(`/apps/${encodeURIComponent(props.app)}/dashboards/${encodeURIComponent(props.dashboardKey)}${query ? `?${query}` : ''}`);
    }
    /** Clears every filter, defaults too (a blank value in the address stands for a cleared default). */
    function reset() {
      draft.value = Object.fromEntries(dashboard.value.filters.map(filter => [filter.key, '']));
      apply();
    }
    const anyValue = computed(() => Object.values(values.value).some(Boolean));
    function refresh() {
      tick.value++;
      updated.value = new Date();
    }
    const dataPath = widget => {
      const params = widgetParams(dashboard.value, widget, values.value);
      return `${base.value}/widgets/${encodeURIComponent(widget.key)}/data${params ? `?${params}` : ''}`;
    };
    const filtersOf = widget => datasetFilters(dashboard.value, widget, values.value);
    const place = widget => ({ '--x': widget.x + 1, '--y': widget.y + 1, '--w': widget.w, '--h': widget.h });

    function toggleWall() {
      if (document.fullscreenElement) {
        document.exitFullscreen();
        return;
      }
      wall.value = !wall.value;
      if (wall.value) root.value?.requestFullscreen?.().catch(() => {});
    }
    const leftFullscreen = () => {
      if (!document.fullscreenElement) wall.value = false;
    };
    onMounted(() => document.addEventListener('fullscreenchange', leftFullscreen));
    onBeforeUnmount(() => document.removeEventListener('fullscreenchange', leftFullscreen));

    /** One picture of all the dashboard's charts, as ECharts composes a connected group. */
    function picture() {
      return widgets.value.map(widget => widget?.chart?.groupImage?.()).find(Boolean) || null;
    }
    const fileName = extension => `${props.dashboardKey}-${new Date().toISOString().slice(0, 10)}.${extension}`;
    function png() {
      const image = picture();
      if (image) saveBlob(image, fileName('png'));
    }
    async function pdf() {
      const image = picture();
      if (!image) return;
      exporting.value = true;
      const blob = await (await fetch(image)).blob();
      await attempt(error, () => postForDownload(`${base.value}/pdf`, blob, fileName('pdf')));
      exporting.value = false;
    }
    const time = date => (date ? date.toLocaleTimeString(locale.value) : '');
    /** The filter as the lookup field the picker and the shared names know (by its target form and display field). */
    const pickerField = f => ({ key: f.key, type: 'lookup', lookup: { form: f.lookup.target, displayField: f.lookup.displayField } });
    return {
      t, localName, route, DATE_PRESETS, orgs, anyValue, dashboard, error, values, draft, tick, updated, wall, exporting, root, widgets, group, range, setRange,
      apply, reset, refresh, dataPath, filtersOf, place, toggleWall, png, pdf, time, pickerField,
    };
  },
  template: /* html */ `
    <section ref="root" class="dashboard" :class="{ wall }" data-test="dashboard" :data-dashboard="dashboardKey">
      <ErrorBox :error="error" />
      <template v-if="dashboard">
        <div class="page-header dashboard-header">
          <h1>{{ localName(dashboard.name, dashboardKey) }}</h1>
          <div class="page-actions dashboard-actions">
            <span class="muted small" data-test="updated">{{ t('dashboard.updatedAt', { time: time(updated) }) }}<template v-if="dashboard.refreshSeconds">
              · {{ t('dashboard.refreshEvery', { n: dashboard.refreshSeconds }) }}</template></span>
            <button type="button" class="button button-small" data-test="refresh" @click="refresh">{{ t('dashboard.refresh') }}</button>
            <span class="button-group">
              <button type="button" class="button button-small" data-test="dashboard-png" @click="png">PNG</button>
              <button type="button" class="button button-small" data-test="dashboard-pdf" :disabled="exporting" @click="pdf">PDF</button>
            </span>
            <button type="button" class="button button-small" data-test="wall" :aria-pressed="wall ? 'true' : 'false'" @click="toggleWall">
              {{ wall ? t('dashboard.leaveWall') : t('dashboard.wall') }}</button>
          </div>
        </div>
        <form v-if="dashboard.filters && dashboard.filters.length" class="panel dashboard-filters" data-test="dashboard-filters" @submit.prevent="apply">
          <div v-for="f in dashboard.filters" :key="f.key" class="dashboard-filter" :data-filter="f.key">
            <span class="dashboard-filter-label">{{ localName(f.label, f.key) }}</span>
            <template v-if="f.type === 'date_range'">
              <select :name="f.key + '-preset'" :aria-label="localName(f.label, f.key)" :value="DATE_PRESETS.includes(draft[f.key]) ? draft[f.key] : ''"
                      @change="draft = { ...draft, [f.key]: $event.target.value }">
                <option value="">{{ t('dashboard.customRange') }}</option>
                <option v-for="p in DATE_PRESETS" :key="p" :value="p">{{ t('report.relative.' + p) }}</option>
              </select>
              <input type="date" :name="f.key + '-from'" :aria-label="localName(f.label, f.key) + ' · ' + t('dashboard.from')"
                     :value="range(f.key).from" @change="setRange(f.key, 'from', $event.target.value)">
              <span class="muted">–</span>
              <input type="date" :name="f.key + '-to'" :aria-label="localName(f.label, f.key) + ' · ' + t('dashboard.to')"
                     :value="range(f.key).to" @change="setRange(f.key, 'to', $event.target.value)">
            </template>
            <LookupPicker v-else-if="f.lookup" :app="app" :form="f.lookup.form" :path="f.lookup.field" :field="pickerField(f)"
                          :model-value="draft[f.key] ? Number(draft[f.key]) : null"
                          @update:model-value="id => draft = { ...draft, [f.key]: id == null ? '' : String(id) }" />
            <select v-else-if="f.type === 'org' && orgs" :name="f.key" :aria-label="localName(f.label, f.key)" :value="draft[f.key] || ''"
                    @change="draft = { ...draft, [f.key]: $event.target.value }">
              <option value="">{{ t('dashboard.allOrgs') }}</option>
              <option v-for="o in orgs" :key="o.id" :value="String(o.id)">{{ '\u2003'.repeat(o.depth) + o.name }}</option>
            </select>
            <input v-else :name="f.key" :value="draft[f.key] || ''" :placeholder="t('records.filterValue')"
                   @input="draft = { ...draft, [f.key]: $event.target.value }">
          </div>
          <div class="dashboard-filter-actions">
            <button type="submit" class="button button-small button-primary" data-test="apply-dashboard-filters">{{ t('records.apply') }}</button>
            <button v-if="anyValue" type="button" class="button button-small button-ghost" data-test="clear-dashboard-filters" @click="reset">{{ t('records.clear') }}</button>
          </div>
        </form>
        <div class="dashboard-grid" data-test="dashboard-grid">
          <div v-for="w in dashboard.widgets" :key="w.key" class="dashboard-cell" :style="place(w)" :data-widget="w.key">
            <ReportWidget ref="widgets" :app="app" :report="w.report" :title="w.title || w.reportName" :data-path="dataPath(w)"
                          :filters="filtersOf(w)" :group="group" :tick="tick" />
          </div>
        </div>
      </template>
    </section>`,
};
