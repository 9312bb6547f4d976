// The report designer (#/design/{app}/reports/{key}): the report and the dataset it stands on, edited together. On
// the left the dataset's source (a form, one of its sub-tables, its lookups) and its fields by kind; they are dragged
// (or added with their buttons, from the keyboard) onto the dimension, measure and filter shelves. In the middle the
// chart type and a live preview on real data; on the right the name, formatting, chart options, sort and top N.
// Save and publish act on both definitions, the dataset first; the server's problems land on the chip, filter or
// panel their pointer names.
import { ref, reactive, computed, watch, onMounted, onBeforeUnmount, nextTick } from 'vue';
import Sortable from 'sortablejs';
import { api, attempt } from '../../api.js';
import { t, locale, localName } from '../../i18n.js';
import { messages } from '../../messages.js';
import { route, href } from '../../router.js';
import { appForms } from '../../designer/appForms.js';
import { appDefinitions } from '../../designer/appRules.js';
import { createDataset } from '../../designer/appReports.js';
import { useDefinitionEditor, useDesignerKeys } from '../../designer/definitionEditor.js';
import { useLeaveGuard } from '../../designer/leaveGuard.js';
import { History } from '../../designer/history.js';
import {
  AGGREGATIONS, BUCKETS, FILTER_OPS, RELATIVE_DATES, CHART_CHOICES, chartChoice, chartFor, sourceFields, joinChoices,
  ensureDimension, ensureMeasure, newFilter, prune, problemPlace, chartShape, chartWithDimension, comparisonOf, setComparison, addCalculated,
} from '../../report/reportModel.js';
import { KEY_PATTERN } from '../../designer/fieldTypes.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import ModalDialog from '../../components/ModalDialog.js';
import ErrorBox from '../../components/ErrorBox.js';
import TextPair from '../../components/rules/TextPair.js';
import ReportChart from '../../components/report/ReportChart.js';

const PREVIEW_PAUSE_MS = 500;
const KIND_MARKS = { number: '#', date: '◷', text: 'Aa' };

/** A label in both languages: the field's, with the aggregation named unless it is a plain sum. */
function measureLabel(field, aggregation) {
  if (!field || aggregation === 'sum') return null;
  const word = language => messages[language][`report.agg.${aggregation}`];
  return { 'zh-CN': `${field.label['zh-CN']}（${word('zh-CN')}）`, en: `${field.label.en} (${word('en')})` };
}

export default {
  name: 'ReportDesignerPage',
  components: { DesignerBar, DesignerLeave, DesignerMessages, ModalDialog, ErrorBox, TextPair, ReportChart },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const reportKey = computed(() => route.value.params.key);
    const report = useDefinitionEditor('report', appKey, reportKey, { standalone: false });
    const datasetKey = computed(() => report.doc.value?.dataset);
    const dataset = useDefinitionEditor('dataset', appKey, datasetKey, { standalone: false });
    const forms = ref([]);
    const datasets = ref([]);
    const reports = ref([]);
    const preview = ref(null);
    const previewError = ref(null);
    const previewing = ref(false);
    const showSql = ref(false);
    const newDataset = ref(null);
    const newDatasetError = ref(null);
    const busy = ref(false);

    watch(appKey, async app => {
      [forms.value, datasets.value, reports.value] = await Promise.all([appForms(app).catch(() => []),
        appDefinitions(app, 'dataset').catch(() => []), appDefinitions(app, 'report').catch(() => [])]);
    }, { immediate: true });

    const rdoc = report.doc;
    const ddoc = dataset.doc;
    const loaded = computed(() => report.loaded.value && dataset.loaded.value && !!rdoc.value && !!ddoc.value);
    const dirty = computed(() => report.dirty.value || dataset.dirty.value);

    // One history over both definitions: a drop changes the dataset and the report in one step.
    const history = reactive(new History());
    const pairText = () => JSON.stringify([dataset.text.value, report.text.value]);
    let recordTimer = null;
    const commitPair = () => {
      clearTimeout(recordTimer);
      if (loaded.value) history.record(pairText());
    };
    watch(loaded, ready => {
      if (ready) history.reset(pairText());
    });
    watch([dataset.text, report.text], () => {
      clearTimeout(recordTimer);
      recordTimer = setTimeout(commitPair, 400);
    });
    function restore(text) {
      if (!text) return;
      const [datasetText, reportText] = JSON.parse(text);
      ddoc.value = JSON.parse(datasetText);
      rdoc.value = JSON.parse(reportText);
    }
    const undo = () => {
      commitPair();
      restore(history.undo());
    };
    const redo = () => {
      commitPair();
      restore(history.redo());
    };
    onBeforeUnmount(() => clearTimeout(recordTimer));

    const form = computed(() => forms.value.find(candidate => candidate.key === ddoc.value?.source?.form) || null);
    const joins = computed(() => joinChoices(form.value));
    const fields = computed(() => (ddoc.value ? sourceFields(forms.value, ddoc.value.source) : []));
    const fieldAt = path => fields.value.find(field => field.path === path);
    const groups = computed(() => ['form', 'subtable', 'lookup'].map(group => ({ group, fields: fields.value.filter(f => f.group === group) }))
      .filter(entry => entry.fields.length));

    const datasetItem = (list, key) => (ddoc.value?.[list] || []).find(item => item.key === key);
    const dimensionChips = computed(() => (rdoc.value?.dimensions || []).map(key => {
      const item = datasetItem('dimensions', key);
      return { key, item, field: item && fieldAt(item.field) };
    }));
    const measureChips = computed(() => (rdoc.value?.measures || []).map(key => {
      const item = datasetItem('measures', key);
      return { key, item, field: item?.field ? fieldAt(item.field) : null };
    }));

    /** Every change to the pair: made, tidied (a dataset of the report's own loses what it no longer uses), recorded. */
    function change(edit) {
      edit(ddoc.value, rdoc.value);
      prune(ddoc.value, rdoc.value);
      commitPair();
    }
    function addDimension(field, at) {
      change((data, rep) => {
        const key = ensureDimension(data, field);
        if (rep.dimensions?.includes(key)) return;
        rep.dimensions = rep.dimensions || [];
        rep.dimensions.splice(at ?? rep.dimensions.length, 0, key);
        if (rep.dimensions.length === 1) rep.chart = chartWithDimension(rep.chart);
      });
    }
    function addMeasure(field, at) {
      change((data, rep) => {
        const key = ensureMeasure(data, field, undefined, measureLabel(field, field ? (field.kind === 'number' ? 'sum' : 'count') : 'count'));
        if (rep.measures.includes(key)) return;
        rep.measures.splice(at ?? rep.measures.length, 0, key);
      });
    }
    function addFilter(field) {
      change(data => {
        data.filters = [...(data.filters || []), newFilter(field)];
      });
    }
    function removeChip(list, index) {
      change((data, rep) => rep[list].splice(index, 1));
    }
    function moveChip(list, from, to) {
      change((data, rep) => rep[list].splice(to, 0, ...rep[list].splice(from, 1)));
    }
    function setBucket(index, bucket) {
      const chip = dimensionChips.value[index];
      if (!chip.field) return;
      change((data, rep) => {
        rep.dimensions[index] = ensureDimension(data, chip.field, bucket);
      });
    }
    function setAggregation(index, aggregation) {
      const chip = measureChips.value[index];
      change((data, rep) => {
        rep.measures[index] = ensureMeasure(data, chip.field, aggregation, measureLabel(chip.field, aggregation));
      });
    }
    const aggregationsOf = chip => (chip.field ? AGGREGATIONS[chip.field.kind] : ['count']);
    const filterField = filter => fieldAt(filter.field);
    const filterOps = filter => FILTER_OPS[filterField(filter)?.kind || 'text'];
    function setFilterOp(index, op) {
      change(data => {
        const filter = data.filters[index];
        data.filters[index] = op === 'relative' ? { field: filter.field, op, relative: 'this_year' }
          : { field: filter.field, op, ...(['empty', 'not_empty'].includes(op) ? {} : { value: op === 'between' ? ['', ''] : '' }) };
      });
    }
    function setRelative(index, relative) {
      change(data => {
        const { days, ...rest } = data.filters[index];
        data.filters[index] = { ...rest, relative, ...(relative === 'last_n_days' ? { days: days || 30 } : {}) };
      });
    }
    const numberOrText = (filter, text) => (filterField(filter)?.kind === 'number' && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
    function setFilterValue(index, text, end) {
      const filter = ddoc.value.filters[index];
      if (end !== undefined) filter.value[end] = numberOrText(filter, text);
      else if (['in', 'not_in'].includes(filter.op)) filter.value = text.split(',').map(part => part.trim()).filter(Boolean);
      else filter.value = numberOrText(filter, text);
    }
    const filterText = filter => (Array.isArray(filter.value) ? filter.value.join(', ') : filter.value ?? '');
    function removeFilter(index) {
      change(data => data.filters.splice(index, 1));
    }

    // The dataset's source.
    function setSubtable(key) {
      change(data => {
        if (key) data.source.subtable = key;
        else delete data.source.subtable;
      });
    }
    function toggleLookup(key, on) {
      change(data => {
        const lookups = new Set(data.source.lookups || []);
        if (on) lookups.add(key);
        else lookups.delete(key);
        if (lookups.size) data.source.lookups = [...lookups];
        else delete data.source.lookups;
      });
    }
    /** Another dataset: the report keeps only its chart and format, and starts over with the dataset's first measure. */
    async function useDataset(key) {
      if (!key || key === rdoc.value.dataset) return;
      const chosen = JSON.parse((await api.get(`/api/apps/${encodeURIComponent(appKey.value)}/definitions/dataset/${encodeURIComponent(key)}`)).content);
      rdoc.value = { ...rdoc.value, dataset: key, dimensions: [], measures: [chosen.measures[0].key] };
    }
    function startNewDataset() {
      newDatasetError.value = null;
      newDataset.value = { key: datasets.value.some(d => d.key === reportKey.value) ? '' : reportKey.value, form: form.value?.key || '' };
    }
    const newDatasetProblem = computed(() => {
      const key = newDataset.value?.key || '';
      if (!key) return null;
      if (!KEY_PATTERN.test(key)) return t('design.key.pattern');
      return datasets.value.some(d => d.key === key) ? t('report.datasetExists') : null;
    });
    async function createNewDataset() {
      const { key, form: formKey } = newDataset.value;
      if (!key || !formKey || newDatasetProblem.value) return;
      const chosen = forms.value.find(candidate => candidate.key === formKey);
      const made = await attempt(newDatasetError, async () => {
        await createDataset(appKey.value, key, chosen.name, formKey);
      });
      if (!made) return;
      datasets.value = [...datasets.value, { key, name: chosen.name, form: formKey }];
      newDataset.value = null;
      rdoc.value = { ...rdoc.value, dataset: key, dimensions: [], measures: ['record_count'] };
    }

    // The chart and its formatting.
    const choice = computed(() => chartChoice(rdoc.value?.chart));
    /** Whether a chart choice shows the report's dimensions and measures; the picker marks those that do not. */
    const shapeOf = id => chartShape(chartFor(id).type, rdoc.value?.dimensions?.length || 0, rdoc.value?.measures?.length || 0);
    const shape = computed(() => shapeOf(choice.value));
    function pickChart(id) {
      change((data, rep) => {
        rep.chart = chartFor(id);
        // A ranking ranks the rows in the dataset's order: without one, the largest first.
        if (id === 'ranking' && !data.sort?.length) data.sort = [{ key: rep.measures[0], direction: 'desc' }];
      });
    }
    const format = computed(() => rdoc.value?.format || {});
    function setFormat(key, value) {
      change((data, rep) => {
        rep.format = { ...(rep.format || {}) };
        if (value === '' || value === null || value === undefined) delete rep.format[key];
        else rep.format[key] = value;
        if (!Object.keys(rep.format).length) delete rep.format;
      });
    }
    const colors = computed(() => format.value.colors || []);
    function setColor(index, value) {
      const list = [...colors.value];
      if (value === null) list.splice(index, 1);
      else list[index] = value;
      setFormat('colors', list.length ? list : null);
    }
    function setChartOption(key, value) {
      change((data, rep) => {
        if (value === '' || value === null || value === false) delete rep.chart[key];
        else rep.chart[key] = value;
      });
    }
    // A calculated measure: a formula over the dataset's other measures (a ratio, a growth).
    const calculated = ref(null);
    const calculatedError = ref(null);
    const measureKeys = computed(() => (ddoc.value?.measures || []).filter(m => !m.expression).map(m => m.key));
    function startCalculated() {
      calculatedError.value = null;
      calculated.value = { key: '', label: { 'zh-CN': '', en: '' }, expression: '' };
    }
    function addCalculatedMeasure() {
      let problem = null;
      change((data, rep) => {
        problem = addCalculated(data, rep, calculated.value);
      });
      calculatedError.value = problem;
      if (!problem) calculated.value = null;
    }
    /** A KPI card's change and a ranking's rank change come from the first measure's previous-period twin. */
    const compared = computed(() => !!(ddoc.value && rdoc.value?.measures?.[0] && comparisonOf(ddoc.value, rdoc.value.measures[0])));
    function setCompared(on) {
      change((data, rep) => setComparison(data, rep.measures[0], on));
    }
    function setTop(n) {
      change(data => {
        if (!n) delete data.top;
        else data.top = { n: Number(n), others: data.top?.others ?? true };
      });
    }
    function setOthers(on) {
      change(data => {
        if (data.top) data.top.others = on;
      });
    }
    function setSort(key, direction) {
      change(data => {
        if (!key) delete data.sort;
        else data.sort = [{ key, direction }];
      });
    }
    function setDrillThrough(key) {
      change((data, rep) => {
        if (key) rep.drillThrough = key;
        else delete rep.drillThrough;
      });
    }
    const sortKeys = computed(() => [...(rdoc.value?.dimensions || []), ...(rdoc.value?.measures || [])]);
    const itemLabel = key => localName((datasetItem('dimensions', key) || datasetItem('measures', key))?.label, key);

    // Live preview: the definitions on screen, on real data, once editing pauses.
    let previewTimer = null;
    let previewRun = 0;
    /** The definitions the preview on screen was made of: it is stale once they change. */
    const previewedText = ref(null);
    const previewState = computed(() => {
      if (previewing.value) return 'running';
      if (previewedText.value !== pairText()) return preview.value || previewError.value ? 'stale' : 'idle';
      return previewError.value ? 'error' : 'ready';
    });
    async function runPreview() {
      if (!loaded.value) return;
      const run = ++previewRun;
      const sent = pairText();
      previewing.value = true;
      try {
        const answer = await api.post(`/api/apps/${encodeURIComponent(appKey.value)}/reports/preview`, { report: rdoc.value, dataset: ddoc.value });
        if (run !== previewRun) return;
        preview.value = answer;
        previewError.value = null;
        previewedText.value = sent;
      } catch (failure) {
        if (run === previewRun) {
          previewError.value = failure;
          previewedText.value = sent;
        }
      } finally {
        if (run === previewRun) previewing.value = false;
      }
    }
    watch([() => report.text.value, () => dataset.text.value, loaded], () => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(runPreview, PREVIEW_PAUSE_MS);
    });
    onBeforeUnmount(() => clearTimeout(previewTimer));

    // Problems from saving or publishing, each placed. (The preview's own lists under the preview: its pointers do not
    // say which of the two definitions they are in.)
    const problems = computed(() => [
      ...dataset.problems.value.map(problem => ({ ...problem, which: 'dataset' })),
      ...report.problems.value.map(problem => ({ ...problem, which: 'report' })),
    ].map(problem => ({ ...problem, place: problemPlace(problem.which, problem.pointer, ddoc.value, rdoc.value) })));
    const failure = computed(() => dataset.failure.value || report.failure.value);
    const problemsAt = (zone, key) => problems.value.filter(problem => problem.place.zone === zone
      && (key === undefined || problem.place.key === key || problem.place.index === key));
    // What save and publish did is told once, for the pair (the dataset's own notices would repeat it, or claim a
    // save while the report's was refused).
    const notice = computed(() => report.notice.value);
    function closeProblems() {
      dataset.clear();
      report.clear();
    }

    /** Runs `work` with the designer busy; the buttons come back whatever happens. */
    async function whileBusy(work) {
      busy.value = true;
      try {
        return await work();
      } finally {
        busy.value = false;
      }
    }
    /** Saves what changed, the dataset first: the report names it. */
    const saveDirty = async () => (!dataset.dirty.value || await dataset.save()) && (!report.dirty.value || await report.save());
    const saveBoth = () => whileBusy(async () => {
      closeProblems();
      const saved = await saveDirty();
      if (saved) report.notice.value = { kind: 'saved', text: t('design.saved') };
      return saved;
    });
    /** The dataset is published first (when it has anything new), so that the report stands on its published version. */
    const publishBoth = () => whileBusy(async () => {
      closeProblems();
      if (!(await saveDirty())) return;
      const datasetReady = (!dataset.standing.hasDraft && dataset.standing.publishedVersion != null) || (await dataset.publish()) != null;
      const version = datasetReady ? await report.publish() : null;
      if (version != null) {
        report.notice.value = { kind: 'published', text: t('report.publishedNotice', { n: version, dataset: dataset.standing.publishedVersion }) };
      }
    });
    const mayPublish = computed(() => loaded.value && !busy.value
      && (dirty.value || report.standing.hasDraft || dataset.standing.hasDraft || report.standing.publishedVersion == null));
    const status = computed(() => report.status.value);

    const { pendingLeave, leave } = useLeaveGuard(dirty);
    useDesignerKeys({ save: saveBoth, undo, redo, blocked: () => busy.value || !loaded.value });

    // Dragging fields from the palette onto a shelf, and reordering a shelf (SortableJS in fallback mode, as in
    // the form designer; the DOM is put back and the model changed instead).
    const palette = ref(null);
    const shelves = reactive({});
    const sortables = [];
    let origin = null;
    const backInPlace = event => origin.parent.insertBefore(event.item, origin.next);
    const common = {
      forceFallback: true, fallbackOnBody: true, fallbackTolerance: 4, animation: 120, ghostClass: 'dz-ghost', draggable: '.shelf-item',
      onStart(event) {
        origin = { parent: event.item.parentNode, next: event.item.nextSibling };
      },
    };
    function dropped(event) {
      if (event.pullMode === 'clone' && event.clone.parentNode) event.clone.remove();
      const shelf = event.to.dataset.shelf;
      backInPlace(event);
      const field = event.item.dataset.path === '' ? null : fieldAt(event.item.dataset.path);
      if (!shelf || event.to === event.from) return;
      if (shelf === 'dimensions' && field) addDimension(field, event.newDraggableIndex);
      else if (shelf === 'measures') addMeasure(field, event.newDraggableIndex);
      else if (shelf === 'filters' && field) addFilter(field);
    }
    function mountSortables() {
      sortables.splice(0).forEach(sortable => sortable.destroy());
      if (!palette.value) return;
      palette.value.querySelectorAll('[data-palette]').forEach(list => sortables.push(Sortable.create(list, {
        ...common, group: { name: 'report-fields', pull: 'clone', put: false }, sort: false, onEnd: dropped,
      })));
      for (const [shelf, el] of Object.entries(shelves)) {
        if (!el) continue;
        sortables.push(Sortable.create(el, {
          ...common, group: { name: `shelf-${shelf}`, put: ['report-fields'] }, filter: 'select, input, button', preventOnFilter: false,
          onEnd(event) {
            backInPlace(event);
            if (event.to === event.from && shelf !== 'filters' && event.oldDraggableIndex !== event.newDraggableIndex) {
              moveChip(shelf, event.oldDraggableIndex, event.newDraggableIndex);
            }
          },
        }));
      }
    }
    watch([loaded, groups], () => nextTick(mountSortables));
    onMounted(() => nextTick(mountSortables));
    onBeforeUnmount(() => sortables.forEach(sortable => sortable.destroy()));
    const shelfRef = name => el => {
      shelves[name] = el;
    };

    const formName = key => localName(forms.value.find(f => f.key === key)?.name, key);
    return {
      t, localName, href, appKey, reportKey, rdoc, ddoc, loaded, dirty, history, undo, redo, report, dataset, forms, datasets, reports,
      form, joins, fields, groups, dimensionChips, measureChips, addDimension, addMeasure, addFilter, removeChip, setBucket, setAggregation,
      aggregationsOf, filterField, filterOps, setFilterOp, setRelative, setFilterValue, filterText, removeFilter, setSubtable, toggleLookup,
      shapeOf, shape, useDataset, startNewDataset, newDataset, newDatasetError, newDatasetProblem, createNewDataset, choice, pickChart, format, setFormat,
      colors, setColor, setChartOption, compared, setCompared, calculated, calculatedError, measureKeys, startCalculated,
      addCalculatedMeasure, setTop, setOthers, setSort, setDrillThrough, sortKeys, itemLabel, preview, previewError,
      previewing, previewState, showSql, problems, failure, problemsAt, notice, closeProblems, saveBoth, publishBoth, mayPublish, status, busy,
      pendingLeave, leave, palette, shelfRef, formName, commitPair, locale,
      AGGREGATIONS, BUCKETS, RELATIVE_DATES, CHART_CHOICES, KIND_MARKS,
    };
  },
  template: /* html */ `
    <div class="designer report-designer" data-test="report-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('report.allReports')" :can-undo="history.canUndo" :can-redo="history.canRedo"
                   :may-save="loaded && !busy" :may-publish="mayPublish" @undo="undo" @redo="redo" @save="saveBoth" @publish="publishBoth">
        <strong>{{ rdoc ? localName(rdoc.name, reportKey) : reportKey }}</strong>
        <span class="muted small">{{ t('kind.report') }} · <code>{{ reportKey }}</code></span>
        <span v-if="report.loaded.value" class="badge" :class="status.css" data-test="status" :data-version="report.standing.publishedVersion">{{ status.text }}</span>
      </DesignerBar>

      <DesignerMessages :load-failure="report.loadFailure.value || dataset.loadFailure.value" :notice="notice" :failure="failure"
                        @retry="report.load" @close="closeProblems">
        <ul v-if="failure && problems.length" class="problems">
          <li v-for="(p, i) in problems" :key="i" :data-pointer="p.pointer" :data-which="p.which" :data-zone="p.place.zone">
            <span class="badge">{{ t('kind.' + p.which) }}</span><code v-if="p.pointer">{{ p.pointer }}</code><span>{{ p.message }}</span></li>
        </ul>
      </DesignerMessages>

      <div v-if="loaded" class="report-body">
        <aside class="report-data panel" ref="palette" data-test="report-data">
          <label class="field"><span>{{ t('report.dataset') }}</span>
            <select name="dataset" :value="rdoc.dataset" @change="useDataset($event.target.value)">
              <option v-for="d in datasets" :key="d.key" :value="d.key">{{ localName(d.name, d.key) }} ({{ d.key }})</option>
            </select></label>
          <button type="button" class="link-button small" data-test="new-dataset" @click="startNewDataset">+ {{ t('report.newDataset') }}</button>
          <div class="report-source" data-test="source" :class="{ invalid: problemsAt('source').length }">
            <p class="small"><span class="muted">{{ t('rules.form') }}:</span> <strong>{{ formName(ddoc.source.form) }}</strong> <code>{{ ddoc.source.form }}</code></p>
            <label v-if="joins.subtables.length" class="field"><span>{{ t('report.subtable') }}</span>
              <select name="subtable" :value="ddoc.source.subtable || ''" @change="setSubtable($event.target.value)">
                <option value="">{{ t('report.noSubtable') }}</option>
                <option v-for="s in joins.subtables" :key="s.key" :value="s.key">{{ localName(s.label, s.key) }}</option>
              </select></label>
            <fieldset v-if="joins.lookups.length" class="report-lookups"><legend>{{ t('report.lookups') }}</legend>
              <label v-for="l in joins.lookups" :key="l.key" class="check"><input type="checkbox" :name="'lookup-' + l.key"
                     :checked="(ddoc.source.lookups || []).includes(l.key)" @change="toggleLookup(l.key, $event.target.checked)"> {{ localName(l.label, l.key) }}</label>
            </fieldset>
            <p v-for="(p, i) in problemsAt('source')" :key="i" class="prop-error">{{ p.message }}</p>
          </div>
          <h3 class="report-data-title">{{ t('report.fields') }}</h3>
          <p class="muted small">{{ t('report.dragHint') }}</p>
          <ul class="palette-list" data-palette="count">
            <li class="shelf-item field-chip kind-number" data-path="" data-test="field" data-field="">
              <span class="kind-mark">#</span><span class="field-chip-label">{{ t('report.recordCount') }}</span>
              <button type="button" class="chip-add" data-test="to-measures" :title="t('report.toMeasures')" @click="addMeasure(null)">Σ</button>
            </li>
          </ul>
          <template v-for="g in groups" :key="g.group">
            <h4 class="palette-group muted small">{{ t('report.group.' + g.group) }}</h4>
            <ul class="palette-list" data-palette="fields">
              <li v-for="f in g.fields" :key="f.path" class="shelf-item field-chip" :class="'kind-' + f.kind" :data-path="f.path" data-test="field" :data-field="f.path">
                <span class="kind-mark" :title="t('report.kind.' + f.kind)">{{ KIND_MARKS[f.kind] }}</span>
                <span class="field-chip-label">{{ localName(f.label, f.path) }}</span>
                <button type="button" class="chip-add" data-test="to-dimensions" :title="t('report.toDimensions')" @click="addDimension(f)">≡</button>
                <button type="button" class="chip-add" data-test="to-measures" :title="t('report.toMeasures')" @click="addMeasure(f)">Σ</button>
                <button type="button" class="chip-add" data-test="to-filters" :title="t('report.toFilters')" @click="addFilter(f)">⚲</button>
              </li>
            </ul>
          </template>
        </aside>

        <main class="report-main">
          <section class="shelves">
            <div class="shelf" data-test="shelf-dimensions" :class="{ invalid: problemsAt('dimensions').length }">
              <span class="shelf-title">{{ t('report.dimensions') }}</span>
              <ul class="shelf-list" data-shelf="dimensions" :ref="shelfRef('dimensions')">
                <li v-for="(chip, i) in dimensionChips" :key="chip.key" class="shelf-item chip shelf-chip" data-test="chip" :data-key="chip.key"
                    :class="{ invalid: problemsAt('dimensions', chip.key).length }" :title="problemsAt('dimensions', chip.key).map(p => p.message).join('\\n') || null">
                  <span>{{ chip.item ? localName(chip.item.label, chip.key) : chip.key }}</span>
                  <select v-if="chip.field && chip.field.kind === 'date'" name="bucket" :aria-label="t('report.bucket')" :value="chip.item.bucket" @change="setBucket(i, $event.target.value)">
                    <option v-for="b in BUCKETS" :key="b" :value="b">{{ t('report.bucket.' + b) }}</option></select>
                  <button type="button" class="chip-remove" :aria-label="t('common.remove')" data-test="remove-chip" @click="removeChip('dimensions', i)">×</button>
                </li>
              </ul>
              <span v-if="!dimensionChips.length" class="shelf-empty muted small">{{ t('report.dropDimensions') }}</span>
            </div>
            <div class="shelf" data-test="shelf-measures" :class="{ invalid: problemsAt('measures').length }">
              <span class="shelf-title">{{ t('report.measures') }}</span>
              <ul class="shelf-list" data-shelf="measures" :ref="shelfRef('measures')">
                <li v-for="(chip, i) in measureChips" :key="chip.key" class="shelf-item chip shelf-chip" data-test="chip" :data-key="chip.key"
                    :class="{ invalid: problemsAt('measures', chip.key).length }" :title="problemsAt('measures', chip.key).map(p => p.message).join('\\n') || null">
                  <span>{{ chip.item ? localName(chip.item.label, chip.key) : chip.key }}</span>
                  <select v-if="chip.item && chip.item.aggregation" name="aggregation" :aria-label="t('report.aggregation')" :value="chip.item.aggregation"
                          @change="setAggregation(i, $event.target.value)">
                    <option v-for="a in aggregationsOf(chip)" :key="a" :value="a">{{ t('report.agg.' + a) }}</option></select>
                  <button type="button" class="chip-remove" :aria-label="t('common.remove')" data-test="remove-chip" :disabled="measureChips.length < 2" @click="removeChip('measures', i)">×</button>
                </li>
              </ul>
              <button type="button" class="button button-small button-ghost shelf-extra" data-test="add-calculated" :title="t('report.calculatedHint')"
                      @click="startCalculated">+ {{ t('report.calculated') }}</button>
            </div>
            <form v-if="calculated" class="calculated-form" data-test="calculated-form" @submit.prevent="addCalculatedMeasure">
              <label class="field"><span>{{ t('rules.key') }}</span>
                <input name="calcKey" v-model.trim="calculated.key" spellcheck="false" placeholder="avg_order"></label>
              <TextPair name="calcLabel" :label="t('rules.name')" :model-value="calculated.label" @update:model-value="v => calculated.label = v" />
              <label class="field calculated-formula"><span>{{ t('report.formula') }}</span>
                <input name="calcExpression" v-model="calculated.expression" spellcheck="false" :placeholder="measureKeys.slice(0, 2).join(' / ')">
                <small class="muted">{{ t('report.formulaHint', { keys: measureKeys.join(', ') }) }}</small></label>
              <p v-if="calculatedError" class="prop-error">{{ t(calculatedError) }}</p>
              <div class="form-actions">
                <button type="button" class="button button-small button-ghost" @click="calculated = null">{{ t('common.cancel') }}</button>
                <button type="submit" class="button button-small button-primary" data-test="add-calculated-measure">{{ t('common.create') }}</button>
              </div>
            </form>
            <div class="shelf shelf-filters" data-test="shelf-filters" :class="{ invalid: problemsAt('filters').length }">
              <span class="shelf-title">{{ t('report.filters') }}</span>
              <ul class="shelf-list" data-shelf="filters" :ref="shelfRef('filters')">
                <li v-for="(f, i) in ddoc.filters || []" :key="i" class="shelf-item chip shelf-chip filter-chip" data-test="filter-chip" :data-field="f.field"
                    :class="{ invalid: problemsAt('filters', i).length }" :title="problemsAt('filters', i).map(p => p.message).join('\\n') || null">
                  <span>{{ filterField(f) ? localName(filterField(f).label, f.field) : f.field }}</span>
                  <select name="op" :aria-label="t('records.filterOp')" :value="f.op" @change="setFilterOp(i, $event.target.value)">
                    <option v-for="op in filterOps(f)" :key="op" :value="op">{{ t('report.op.' + op) }}</option></select>
                  <template v-if="f.op === 'relative'">
                    <select name="relative" :value="f.relative" @change="setRelative(i, $event.target.value)">
                      <option v-for="r in RELATIVE_DATES" :key="r" :value="r">{{ t('report.relative.' + r) }}</option></select>
                    <input v-if="f.relative === 'last_n_days'" name="days" type="number" min="1" class="chip-number" :value="f.days"
                           @change="ddoc.filters[i].days = Number($event.target.value); commitPair()">
                  </template>
                  <template v-else-if="f.op === 'between'">
                    <input name="from" :type="filterField(f) && filterField(f).kind === 'date' ? 'date' : 'text'" class="chip-value" :value="f.value[0]" @change="setFilterValue(i, $event.target.value, 0)">
                    <input name="to" :type="filterField(f) && filterField(f).kind === 'date' ? 'date' : 'text'" class="chip-value" :value="f.value[1]" @change="setFilterValue(i, $event.target.value, 1)">
                  </template>
                  <input v-else-if="!['empty', 'not_empty'].includes(f.op)" name="value" class="chip-value" :aria-label="t('records.filterValue')"
                         :type="filterField(f) && filterField(f).kind === 'date' ? 'date' : 'text'" :value="filterText(f)" @change="setFilterValue(i, $event.target.value)">
                  <button type="button" class="chip-remove" :aria-label="t('common.remove')" @click="removeFilter(i)">×</button>
                </li>
              </ul>
              <span v-if="!(ddoc.filters || []).length" class="shelf-empty muted small">{{ t('report.dropFilters') }}</span>
            </div>
          </section>

          <section class="chart-picker" data-test="chart-picker" :class="{ invalid: problemsAt('chart').length }" role="radiogroup" :aria-label="t('report.chartType')">
            <button v-for="c in CHART_CHOICES" :key="c.id" type="button" class="chart-choice" role="radio" :aria-checked="choice === c.id ? 'true' : 'false'"
                    :class="{ active: choice === c.id, unfit: !shapeOf(c.id).fits }" :data-chart="c.id"
                    :title="t('report.shape', shapeOf(c.id))" @click="pickChart(c.id)">{{ t('report.chart.' + c.id) }}</button>
          </section>
          <p v-if="!shape.fits" class="shape-hint alert alert-warning" data-test="shape-hint">{{ t('report.shapeMismatch', { chart: t('report.chart.' + choice), ...shape }) }}</p>
          <p v-for="(p, i) in problemsAt('chart')" :key="i" class="prop-error">{{ p.message }}</p>

          <section class="report-preview panel" data-test="preview" :data-state="previewState">
            <div class="preview-head">
              <strong>{{ t('report.preview') }}</strong>
              <span v-if="previewing" class="muted small">{{ t('common.loading') }}</span>
              <span v-else-if="preview" class="muted small" data-test="preview-rows">{{ t('report.rows', { n: preview.rows.length }) }}</span>
              <button v-if="preview && preview.sql" type="button" class="link-button small" @click="showSql = !showSql">SQL</button>
            </div>
            <ErrorBox v-if="previewError && !(previewError.problems || []).length" :error="previewError" />
            <ul v-else-if="previewError" class="cond-problems" data-test="preview-problems">
              <li v-for="(p, i) in previewError.problems" :key="i"><code>{{ p.pointer }}</code> {{ p.message }}</li></ul>
            <pre v-if="showSql && preview && preview.sql" class="preview-sql">{{ preview.sql }}</pre>
            <ReportChart v-if="preview" :data="preview" />
          </section>
        </main>

        <aside class="report-props panel" data-test="report-props">
          <TextPair name="name" :label="t('rules.name')" :invalid="!!problemsAt('name').length" :model-value="rdoc.name" @update:model-value="v => rdoc.name = v" />
          <fieldset class="prop-group" data-test="format" :class="{ invalid: problemsAt('format').length }"><legend>{{ t('report.format') }}</legend>
            <TextPair name="unit" optional :label="t('report.unit')" :model-value="format.unit" @update:model-value="v => setFormat('unit', v)" />
            <label class="field"><span>{{ t('report.decimals') }}</span>
              <input name="decimals" type="number" min="0" max="6" :value="format.decimals ?? ''" @change="setFormat('decimals', $event.target.value === '' ? null : Number($event.target.value))"></label>
            <label class="check"><input type="checkbox" name="thousands" :checked="!!format.thousands" @change="setFormat('thousands', $event.target.checked)"> {{ t('report.thousands') }}</label>
            <label class="check"><input type="checkbox" name="percent" :checked="!!format.percent" @change="setFormat('percent', $event.target.checked || null)"> {{ t('report.percent') }}</label>
            <div class="color-list"><span class="small muted">{{ t('report.colors') }}</span>
              <span v-for="(c, i) in colors" :key="i" class="color-item"><input type="color" :value="c" :aria-label="t('report.color', { n: i + 1 })" @change="setColor(i, $event.target.value)">
                <button type="button" class="chip-remove" :aria-label="t('common.remove')" @click="setColor(i, null)">×</button></span>
              <button v-if="colors.length < 20" type="button" class="button button-small" data-test="add-color" @click="setColor(colors.length, '#2f6fde')">+</button>
            </div>
            <p v-for="(p, i) in problemsAt('format')" :key="i" class="prop-error">{{ p.message }}</p>
          </fieldset>
          <fieldset class="prop-group"><legend>{{ t('report.chartOptions') }}</legend>
            <label v-if="['line', 'area'].includes(rdoc.chart.type)" class="check"><input type="checkbox" name="smooth" :checked="!!rdoc.chart.smooth" @change="setChartOption('smooth', $event.target.checked)"> {{ t('report.smooth') }}</label>
            <label v-if="rdoc.chart.type === 'ranking'" class="check"><input type="checkbox" name="showRankChange" :checked="!!rdoc.chart.showRankChange" @change="setChartOption('showRankChange', $event.target.checked)"> {{ t('report.rankChange') }}</label>
            <template v-if="['kpi', 'ranking'].includes(rdoc.chart.type)">
              <label class="check"><input type="checkbox" name="compare" :checked="compared" @change="setCompared($event.target.checked)"> {{ t('report.compare') }}</label>
              <small class="muted">{{ t('report.compareHint') }}</small>
            </template>
            <label v-if="rdoc.chart.type === 'pivot'" class="check"><input type="checkbox" name="subtotals" :checked="!!rdoc.chart.subtotals" @change="setChartOption('subtotals', $event.target.checked)"> {{ t('report.subtotals') }}</label>
            <div v-if="rdoc.chart.type === 'gauge'" class="form-grid">
              <label class="field"><span>{{ t('report.min') }}</span><input name="min" type="number" :value="rdoc.chart.min ?? ''" @change="setChartOption('min', $event.target.value === '' ? null : Number($event.target.value))"></label>
              <label class="field"><span>{{ t('report.max') }}</span><input name="max" type="number" :value="rdoc.chart.max ?? ''" @change="setChartOption('max', $event.target.value === '' ? null : Number($event.target.value))"></label>
            </div>
            <label class="field"><span>{{ t('report.sort') }}</span>
              <span class="field-inline">
                <select name="sort" :value="ddoc.sort && ddoc.sort[0] ? ddoc.sort[0].key : ''" @change="setSort($event.target.value, (ddoc.sort && ddoc.sort[0] && ddoc.sort[0].direction) || 'desc')">
                  <option value="">{{ t('report.noSort') }}</option>
                  <option v-for="k in sortKeys" :key="k" :value="k">{{ itemLabel(k) }}</option></select>
                <select v-if="ddoc.sort && ddoc.sort[0]" name="direction" :value="ddoc.sort[0].direction || 'asc'" @change="setSort(ddoc.sort[0].key, $event.target.value)">
                  <option value="desc">{{ t('report.desc') }}</option><option value="asc">{{ t('report.asc') }}</option></select>
              </span></label>
            <label class="field"><span>{{ t('report.top') }}</span>
              <input name="top" type="number" min="1" max="1000" :value="ddoc.top ? ddoc.top.n : ''" @change="setTop($event.target.value)"></label>
            <label v-if="ddoc.top" class="check"><input type="checkbox" name="others" :checked="ddoc.top.others !== false" @change="setOthers($event.target.checked)"> {{ t('report.others') }}</label>
            <label class="field"><span>{{ t('report.drillThrough') }}</span>
              <select name="drillThrough" :value="rdoc.drillThrough || ''" @change="setDrillThrough($event.target.value)">
                <option value="">{{ t('report.noDrillThrough') }}</option>
                <option v-for="r in reports.filter(r => r.key !== reportKey)" :key="r.key" :value="r.key">{{ localName(r.name, r.key) }}</option></select></label>
          </fieldset>
        </aside>
      </div>
      <p v-else-if="!report.loadFailure.value && !dataset.loadFailure.value" class="muted designer-loading">{{ t('common.loading') }}</p>

      <ModalDialog v-if="newDataset" :title="t('report.newDataset')" @close="newDataset = null">
        <form data-test="new-dataset-dialog" @submit.prevent="createNewDataset">
          <ErrorBox :error="newDatasetError" />
          <label class="field"><span>{{ t('rules.key') }}</span>
            <input name="key" v-model.trim="newDataset.key" autocomplete="off" spellcheck="false" :aria-invalid="newDatasetProblem ? 'true' : null">
            <small v-if="newDatasetProblem" class="prop-error">{{ newDatasetProblem }}</small></label>
          <label class="field"><span>{{ t('rules.form') }}</span>
            <select name="form" v-model="newDataset.form">
              <option value="" disabled>{{ t('flow.chooseForm') }}</option>
              <option v-for="f in forms" :key="f.key" :value="f.key">{{ localName(f.name, f.key) }} ({{ f.key }})</option></select></label>
          <div class="form-actions">
            <button type="button" class="button button-ghost" @click="newDataset = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary" :disabled="!newDataset.key || !newDataset.form || !!newDatasetProblem">{{ t('common.create') }}</button>
          </div>
        </form>
      </ModalDialog>
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('report.allReports')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
