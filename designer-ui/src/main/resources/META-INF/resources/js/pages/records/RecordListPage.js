// The records of one form: chosen columns, filters per field type, sort by a column, keyset pages (the server
// gives no total on purpose: counting millions of rows per page view is what makes other platforms slow). Filters
// may come with the address (`?filter=dealer:eq:7`, as a dashboard's drill-down opens the list): they show as applied.
import { ref, computed, watch } from 'vue';
import { api, attempt, downloadFile } from '../../api.js';
import { t, localName, locale } from '../../i18n.js';
import { href, navigate } from '../../router.js';
import { listable, sortable, operatorsFor, display, numeric } from '../../records.js';
import { nameOf, rememberDisplays } from '../../names.js';
import { formView, recordsPath } from './formView.js';
import { recordFiltersFromQuery } from '../../report/dashboardFilters.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import ImportDialog, { exportUrl } from '../../components/ImportDialog.js';
import StatusBadge from '../../components/flow/StatusBadge.js';
import { statusOf } from '../../flow.js';

const PAGE_SIZES = [20, 50, 100];
const DEFAULT_COLUMNS = 6;

export default {
  name: 'RecordListPage',
  components: { ErrorBox, ModalDialog, ImportDialog, StatusBadge },
  props: { app: { type: String, required: true }, formKey: { type: String, required: true }, title: String, query: { type: String, default: '' } },
  setup(props) {
    const view = ref(null);
    const error = ref(null);
    const items = ref([]);
    const loading = ref(false);
    const hasMore = ref(false);
    const total = ref(null);
    const cursors = ref([null]);
    const nextCursor = ref(null);
    const size = ref(Number(localStorage.getItem('mosaic.pageSize')) || 50);
    const sort = ref('-id');
    const filters = ref([]);
    const applied = ref([]);
    const chosen = ref([]);
    const choosing = ref(false);
    const importing = ref(false);
    const exporting = ref(false);

    const form = computed(() => view.value?.definition);
    const fields = computed(() => (form.value ? form.value.fields.filter(listable) : []));
    const columns = computed(() => fields.value.filter(f => chosen.value.includes(f.key)));
    // Forms without an approval workflow keep their list as it was: the column shows once any record was submitted.
    const showFlow = computed(() => items.value.some(record => statusOf(record.workflow_status) !== 'draft'));
    const filterable = computed(() => fields.value.filter(f => operatorsFor(f).length));
    const may = action => view.value?.actions.includes(action);
    const storageKey = computed(() => `mosaic.columns.${props.app}.${props.formKey}`);

    /** The applied filters as the records API takes them: field:op:value. */
    const filterParams = () => applied.value.map(f => `${f.field}:${f.op}:${f.value}`);

    async function load() {
      loading.value = true;
      await attempt(error, async () => {
        const params = new URLSearchParams({ size: size.value, sort: sort.value });
        filterParams().forEach(filter => params.append('filter', filter));
        const cursor = cursors.value[cursors.value.length - 1];
        if (cursor) params.set('after', cursor);
        const page = await api.get(`${recordsPath(props.app, props.formKey)}?${params}`);
        rememberDisplays(props.app, form.value, page.items);
        items.value = page.items;
        if (page.total !== undefined) total.value = { count: page.total, capped: page.totalCapped };
        hasMore.value = page.hasMore;
        nextCursor.value = page.nextCursor;
      });
      loading.value = false;
    }

    /** The address's filters on fields the list can filter by (others the records API would refuse). */
    function takeAddressFilters() {
      const known = new Set(filterable.value.map(field => field.key));
      filters.value = recordFiltersFromQuery(props.query).filter(filter => known.has(filter.field));
      applied.value = filters.value.map(filter => ({ ...filter }));
    }

    watch(() => [props.app, props.formKey], async () => {
      view.value = null;
      error.value = null;
      items.value = [];
      cursors.value = [null];
      filters.value = [];
      applied.value = [];
      sort.value = '-id';
      await attempt(error, async () => {
        view.value = await formView(props.app, props.formKey);
        const saved = JSON.parse(localStorage.getItem(storageKey.value) || 'null');
        const keys = fields.value.map(f => f.key);
        const title = form.value.titleField;
        chosen.value = Array.isArray(saved) && saved.some(k => keys.includes(k)) ? saved.filter(k => keys.includes(k))
          : [...new Set([title, ...keys].filter(Boolean))].slice(0, DEFAULT_COLUMNS);
        takeAddressFilters();
      });
      if (view.value) await load();
    }, { immediate: true });
    watch(() => props.query, () => {
      if (!view.value) return;
      takeAddressFilters();
      restart();
    });

    function restart() {
      cursors.value = [null];
      total.value = null;
      return load();
    }
    function sortBy(field) {
      if (!sortable(field)) return;
      sort.value = sort.value === `-${field.key}` ? field.key : `-${field.key}`;
      restart();
    }
    const sortMark = field => (sort.value === field.key ? '▲' : sort.value === `-${field.key}` ? '▼' : '');
    function next() {
      cursors.value = [...cursors.value, nextCursor.value];
      load();
    }
    function previous() {
      cursors.value = cursors.value.slice(0, -1);
      load();
    }
    function resize() {
      localStorage.setItem('mosaic.pageSize', size.value);
      restart();
    }
    function addFilter() {
      const field = filterable.value[0];
      if (field) filters.value.push({ field: field.key, op: operatorsFor(field)[0], value: '' });
    }
    const fieldOf = key => form.value.fields.find(f => f.key === key);
    function applyFilters() {
      applied.value = filters.value.filter(f => f.value !== '').map(f => ({ ...f }));
      restart();
    }
    function clearFilters() {
      filters.value = [];
      applyFilters();
    }
    function saveColumns() {
      localStorage.setItem(storageKey.value, JSON.stringify(chosen.value));
      choosing.value = false;
    }
    /** Exports what the list shows: its filters, sort and columns. */
    async function exportAs(format) {
      exporting.value = true;
      await attempt(error, () => downloadFile(exportUrl(props.app, props.formKey, {
        format, sort: sort.value, columns: chosen.value,
        filters: filterParams(),
      }), `${props.formKey}.${format}`));
      exporting.value = false;
    }
    function imported(job) {
      if (job.created) restart();
    }
    const names = (field, id) => nameOf(props.app, field, id);
    const cell = (field, record) => display(field, record[field.key], names);
    /** A drill-down whose filters select more rows than the chart element counted (e.g. "others"). */
    const approximate = computed(() => new URLSearchParams(props.query).has('approximate'));
    const appliedValue = filter => cell(fieldOf(filter.field), { [filter.field]: filter.value });
    const open = record => navigate(`/apps/${props.app}/form/${props.formKey}/${record.id}`);
    const newLink = computed(() => href('apps', props.app, 'form', props.formKey, 'new'));
    const pageNumber = computed(() => cursors.value.length);
    const first = computed(() => (pageNumber.value - 1) * size.value + 1);

    return { t, localName, locale, view, error, items, loading, hasMore, size, sort, filters, chosen, choosing, form, fields,
      columns, filterable, may, PAGE_SIZES, sortBy, sortMark, next, previous, resize, addFilter, fieldOf,
      operatorsFor, applyFilters, clearFilters, saveColumns, cell, open, newLink, pageNumber, first, applied,
      sortable, numeric, load, restart, total, importing, exporting, exportAs, imported, showFlow, appliedValue, approximate };
  },
  template: /* html */ `
    <section class="record-list" data-test="record-list">
      <div class="page-header">
        <h1>{{ title || (form ? localName(form.name, formKey) : formKey) }}</h1>
        <div class="page-actions" v-if="view">
          <button v-if="may('create')" type="button" class="button" data-test="import-records" @click="importing = true">{{ t('records.import') }}</button>
          <span v-if="may('export')" class="button-group">
            <button type="button" class="button" :disabled="exporting" data-test="export-xlsx" @click="exportAs('xlsx')">{{ t('records.exportXlsx') }}</button>
            <button type="button" class="button" :disabled="exporting" data-test="export-csv" @click="exportAs('csv')">CSV</button>
          </span>
          <button type="button" class="button" data-test="choose-columns" @click="choosing = true">{{ t('records.columns') }}</button>
          <a v-if="may('create')" class="button button-primary" :href="newLink" data-test="new-record">+ {{ t('records.new') }}</a>
        </div>
      </div>
      <ErrorBox :error="error" />
      <ul v-if="view && applied.length" class="applied-filters" data-test="applied-filters" :aria-label="t('records.appliedFilters')">
        <li v-for="(f, i) in applied" :key="i" class="chip" data-test="applied-filter" :data-field="f.field">
          {{ localName(fieldOf(f.field).label, f.field) }} {{ t('records.op.' + f.op) }} <strong>{{ appliedValue(f) }}</strong></li>
        <li v-if="approximate" class="muted small" data-test="approximate">{{ t('records.approximate') }}</li>
      </ul>
      <div v-if="view" class="panel filter-panel">
        <form class="filter-bar" @submit.prevent="applyFilters">
          <div v-for="(f, i) in filters" :key="i" class="filter-row" :data-test="'filter-' + i">
            <select v-model="f.field" :aria-label="t('records.filterField')" @change="f.op = operatorsFor(fieldOf(f.field))[0]; f.value = ''">
              <option v-for="field in filterable" :key="field.key" :value="field.key">{{ localName(field.label, field.key) }}</option>
            </select>
            <select v-model="f.op" :aria-label="t('records.filterOp')">
              <option v-for="op in operatorsFor(fieldOf(f.field))" :key="op" :value="op">{{ t('records.op.' + op) }}</option>
            </select>
            <select v-if="fieldOf(f.field).options" v-model="f.value" :aria-label="t('records.filterValue')">
              <option v-for="o in fieldOf(f.field).options" :key="o.value" :value="o.value">{{ localName(o.label, o.value) }}</option>
            </select>
            <select v-else-if="fieldOf(f.field).type === 'switch'" v-model="f.value" :aria-label="t('records.filterValue')">
              <option value="true">{{ t('record.yes') }}</option><option value="false">{{ t('record.no') }}</option>
            </select>
            <input v-else v-model="f.value" :aria-label="t('records.filterValue')"
                   :type="({ date: 'date', time: 'time' })[fieldOf(f.field).type] || 'text'" :data-test="'filter-value-' + i">
            <button type="button" class="icon-button" :aria-label="t('records.removeFilter')" @click="filters.splice(i, 1)">×</button>
          </div>
          <div class="filter-actions">
            <button type="button" class="button button-small" data-test="add-filter" :disabled="!filterable.length" @click="addFilter">+ {{ t('records.addFilter') }}</button>
            <button v-if="filters.length" type="submit" class="button button-small button-primary" data-test="apply-filters">{{ t('records.apply') }}</button>
            <button v-if="applied.length" type="button" class="button button-small button-ghost" @click="clearFilters">{{ t('records.clear') }}</button>
          </div>
        </form>
      </div>
      <div v-if="view" class="table-wrap">
        <table class="table record-table">
          <thead><tr>
            <th v-for="c in columns" :key="c.key" :class="{ sortable: sortable(c), numeric: numeric(c) }" :aria-sort="sortMark(c) === '▲' ? 'ascending' : sortMark(c) === '▼' ? 'descending' : null"
                :data-test="'column-' + c.key" @click="sortBy(c)">{{ localName(c.label, c.key) }} <span class="sort-mark">{{ sortMark(c) }}</span></th>
            <th v-if="showFlow" data-test="column-workflow-status">{{ t('flow.workflowStatus') }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="record in items" :key="record.id" class="clickable" :data-test="'record-' + record.id" @click="open(record)">
              <td v-for="c in columns" :key="c.key" :class="{ numeric: numeric(c) }" :data-label="localName(c.label, c.key)">{{ cell(c, record) }}</td>
              <td v-if="showFlow" :data-label="t('flow.workflowStatus')"><StatusBadge :status="record.workflow_status" data-test="workflow-status" /></td>
            </tr>
            <tr v-if="!loading && !items.length"><td :colspan="(columns.length || 1) + (showFlow ? 1 : 0)" class="empty-cell" data-test="no-records">
              {{ applied.length ? t('records.noneMatch') : t('records.none') }}</td></tr>
          </tbody>
        </table>
      </div>
      <div v-if="view" class="pager">
        <span class="muted small" data-test="records-count">{{ items.length ? t('records.showing', { from: first, to: first + items.length - 1 }) : '' }}
          <template v-if="total && items.length"> · {{ total.capped ? t('records.totalOver', { count: total.count.toLocaleString(locale) }) : t('records.total', { count: total.count.toLocaleString(locale) }) }}</template></span>
        <span class="pager-controls">
          <select v-model.number="size" :aria-label="t('records.pageSize')" @change="resize">
            <option v-for="s in PAGE_SIZES" :key="s" :value="s">{{ t('records.perPage', { size: s }) }}</option>
          </select>
          <button type="button" class="button button-small" :disabled="pageNumber === 1 || loading" data-test="previous-page" @click="previous">‹ {{ t('records.previous') }}</button>
          <button type="button" class="button button-small" :disabled="!hasMore || loading" data-test="next-page" @click="next">{{ t('records.next') }} ›</button>
        </span>
      </div>
      <ImportDialog v-if="importing" :app="app" :form="formKey" @done="imported" @close="importing = false" />
      <ModalDialog v-if="choosing" :title="t('records.columns')" @close="choosing = false">
        <div class="column-choice">
          <label v-for="f in fields" :key="f.key" class="check"><input type="checkbox" :value="f.key" v-model="chosen"> {{ localName(f.label, f.key) }}</label>
        </div>
        <div class="form-actions"><button type="button" class="button button-primary" :disabled="!chosen.length" @click="saveColumns">{{ t('common.save') }}</button></div>
      </ModalDialog>
    </section>`,
};
