// The dashboard designer (#/design/{app}/dashboards/{key}): the app's reports on the left, dragged (or added with their
// button) onto a 12-column grid; widgets are moved by their title bar and resized by their corner, or with the
// buttons of the selected widget from the keyboard. The grid pushes what a widget lands on downwards and closes gaps
// (report/dashboardGrid.js). On the right the selected widget (title, report, which shared filters apply to it) and
// the dashboard's settings: name, refresh interval and shared filters (date range, region, dealer, org, select).
import { ref, computed, watch, onBeforeUnmount } from 'vue';
import { t, localName } from '../../i18n.js';
import { route, href } from '../../router.js';
import { appForms } from '../../designer/appForms.js';
import { appDefinitions } from '../../designer/appRules.js';
import { useDefinitionEditor } from '../../designer/definitionEditor.js';
import { COLUMNS, arrange, freePlace, cellAt, height, fit } from '../../report/dashboardGrid.js';
import { DATE_PRESETS } from '../../report/dashboardFilters.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import TextPair from '../../components/rules/TextPair.js';

/** The grid's row height, and the gap between cells and the padding around them, as app.css draws them. */
const ROW_PX = 56;
const GAP_PX = 8;
const FILTER_TYPES = ['date_range', 'region', 'dealer', 'org', 'select'];
const NEW_SIZE = { w: 6, h: 5 };

/** A key not yet taken among `taken`, made from `base`. */
function freeKey(taken, base) {
  let key = base.slice(0, 44);
  for (let n = 2; taken.includes(key); n++) key = `${base.slice(0, 44)}_${n}`;
  return key;
}

export default {
  name: 'DashboardDesignerPage',
  components: { DesignerBar, DesignerLeave, DesignerMessages, TextPair },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const dashboardKey = computed(() => route.value.params.key);
    const editor = useDefinitionEditor('dashboard', appKey, dashboardKey);
    const { doc, problems, commit } = editor;
    const reports = ref([]);
    const fieldPaths = ref([]);
    const selected = ref(null);
    const drag = ref(null);
    const grid = ref(null);

    watch(appKey, async app => {
      const [list, forms] = await Promise.all([appDefinitions(app, 'report').catch(() => []), appForms(app).catch(() => [])]);
      reports.value = list;
      fieldPaths.value = [...new Set(forms.flatMap(form => form.fields.filter(f => f.type !== 'subtable').map(f => f.key)))].sort();
    }, { immediate: true });

    const widgets = computed(() => doc.value?.widgets || []);
    const widget = computed(() => widgets.value.find(w => w.key === selected.value) || null);
    const reportName = key => localName(reports.value.find(r => r.key === key)?.name, key);
    const rows = computed(() => Math.max(height(widgets.value) + (drag.value ? 6 : 2), 8));

    /** Puts the layout the grid worked out into the definition, keeping each widget's other members. */
    function layout(next) {
      const byKey = new Map(next.map(w => [w.key, w]));
      doc.value.widgets = doc.value.widgets.map(w => ({ ...w, ...byKey.get(w.key) }));
      commit();
    }
    const boxes = () => widgets.value.map(({ key, x, y, w, h }) => ({ key, x, y, w, h }));
    function change(key, delta) {
      layout(arrange(boxes(), key, delta));
    }
    function addWidget(report, at) {
      const taken = widgets.value.map(w => w.key);
      const key = freeKey(taken, report);
      const place = at ? fit({ ...NEW_SIZE, ...at }) : freePlace(widgets.value, NEW_SIZE.w, NEW_SIZE.h);
      // A new widget takes every shared filter; its properties untick those that should not narrow it.
      const filters = (doc.value.filters || []).map(filter => filter.key);
      doc.value.widgets.push({ key, report, ...place, ...(filters.length ? { filters } : {}) });
      if (at) layout(arrange(boxes(), key, place));
      else commit();
      selected.value = key;
    }
    function removeWidget(key) {
      if (widgets.value.length < 2) return;
      doc.value.widgets = doc.value.widgets.filter(w => w.key !== key);
      layout(arrange(boxes(), doc.value.widgets[0].key, {}));
      selected.value = null;
    }
    const nudge = (dx, dy) => widget.value && change(widget.value.key, { x: widget.value.x + dx, y: widget.value.y + dy });
    const grow = (dw, dh) => widget.value && change(widget.value.key, { w: widget.value.w + dw, h: widget.value.h + dh });

    // Pointer dragging: moving a widget by its bar, resizing it by its corner, or bringing a report from the list.
    function cellUnder(event) {
      return cellAt({ x: event.clientX, y: event.clientY }, grid.value.getBoundingClientRect(), ROW_PX, GAP_PX, GAP_PX);
    }
    function onMove(event) {
      const state = drag.value;
      if (!state || !grid.value) return;
      const cell = cellUnder(event);
      const inside = document.elementsFromPoint(event.clientX, event.clientY).includes(grid.value);
      if (state.mode === 'add') drag.value = { ...state, ghost: inside ? fit({ ...NEW_SIZE, x: cell.x, y: cell.y }) : null };
      else if (state.mode === 'move') drag.value = { ...state, ghost: fit({ ...state.widget, x: cell.x - state.offset.x, y: cell.y - state.offset.y }) };
      else drag.value = { ...state, ghost: fit({ ...state.widget, w: cell.x - state.widget.x + 1, h: cell.y - state.widget.y + 1 }) };
    }
    function onUp() {
      const state = drag.value;
      stopDragging();
      if (!state?.ghost) return;
      if (state.mode === 'add') addWidget(state.report, { x: state.ghost.x, y: state.ghost.y });
      else change(state.widget.key, { x: state.ghost.x, y: state.ghost.y, w: state.ghost.w, h: state.ghost.h });
    }
    function stopDragging() {
      drag.value = null;
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    }
    function startDrag(event, state) {
      if (event.button !== 0) return;
      event.preventDefault();
      drag.value = state;
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    }
    function startMove(event, w) {
      selected.value = w.key;
      const cell = cellUnder(event);
      startDrag(event, { mode: 'move', widget: { ...w }, offset: { x: cell.x - w.x, y: cell.y - w.y } });
    }
    const startResize = (event, w) => startDrag(event, { mode: 'resize', widget: { ...w } });
    const startAdd = (event, report) => startDrag(event, { mode: 'add', report });
    onBeforeUnmount(stopDragging);
    const place = box => ({ gridColumn: `${box.x + 1} / span ${box.w}`, gridRow: `${box.y + 1} / span ${box.h}` });

    // The selected widget and the shared filters.
    function setWidget(member, value) {
      if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete widget.value[member];
      else widget.value[member] = value;
      commit();
    }
    function toggleWidgetFilter(key, on) {
      const listed = new Set(widget.value.filters || []);
      if (on) listed.add(key);
      else listed.delete(key);
      setWidget('filters', [...listed]);
    }
    function addFilter() {
      doc.value.filters = doc.value.filters || [];
      const key = freeKey(doc.value.filters.map(f => f.key), 'period');
      doc.value.filters.push({ key, type: 'date_range', label: { 'zh-CN': '日期', en: 'Date' } });
      // A new shared filter narrows every widget until a widget is told otherwise.
      doc.value.widgets.forEach(w => {
        w.filters = [...(w.filters || []), key];
      });
      commit();
    }
    function setFilter(index, member, value) {
      const filter = doc.value.filters[index];
      if (member === 'key') {
        // The widgets that list the filter follow its new key.
        doc.value.widgets.forEach(w => {
          if (w.filters) w.filters = w.filters.map(listed => (listed === filter.key ? value : listed));
        });
      }
      if (value === '' || value === undefined) delete filter[member];
      else filter[member] = value;
      commit();
    }
    function removeFilter(index) {
      const [gone] = doc.value.filters.splice(index, 1);
      doc.value.widgets.forEach(w => {
        if (w.filters) w.filters = w.filters.filter(key => key !== gone.key);
        if (w.filters && !w.filters.length) delete w.filters;
      });
      if (!doc.value.filters.length) delete doc.value.filters;
      commit();
    }
    function setRefresh(text) {
      if (text === '') delete doc.value.refreshSeconds;
      else doc.value.refreshSeconds = Number(text);
      commit();
    }

    // Problems, by the part of the dashboard their pointer names.
    const placed = computed(() => problems.value.map(problem => {
      const [, head, index] = (problem.pointer || '').split('/');
      return { ...problem, head, index: index === undefined ? null : Number(index) };
    }));
    const problemsAt = (head, index) => placed.value.filter(p => p.head === head && (index === undefined || p.index === index));
    const widgetInvalid = w => problemsAt('widgets', widgets.value.indexOf(w)).length > 0;

    return {
      t, localName, href, appKey, dashboardKey, ...editor, reports, fieldPaths, selected, drag, grid, widgets, widget, reportName, rows,
      addWidget, removeWidget, nudge, grow, startMove, startResize, startAdd, place, setWidget, toggleWidgetFilter, addFilter, setFilter,
      removeFilter, setRefresh, problemsAt, widgetInvalid, placed, COLUMNS, ROW_PX, FILTER_TYPES, DATE_PRESETS,
    };
  },
  template: /* html */ `
    <div class="designer dashboard-designer" data-test="dashboard-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('report.allReports')" :can-undo="history.canUndo" :can-redo="history.canRedo"
                   :may-save="loaded && !busy" :may-publish="mayPublish" @undo="undo" @redo="redo" @save="save" @publish="publish">
        <strong>{{ doc ? localName(doc.name, dashboardKey) : dashboardKey }}</strong>
        <span class="muted small">{{ t('kind.dashboard') }} · <code>{{ dashboardKey }}</code></span>
        <span v-if="loaded" class="badge" :class="status.css" data-test="status" :data-version="standing.publishedVersion">{{ status.text }}</span>
        <template #views>
          <a v-if="standing.publishedVersion != null" class="button" data-test="view-dashboard" :href="href('apps', appKey, 'dashboards', dashboardKey)">{{ t('dashboard.view') }}</a>
        </template>
      </DesignerBar>

      <DesignerMessages :load-failure="loadFailure" :notice="notice" :failure="failure" @retry="load" @close="failure = null">
        <ul v-if="placed.length" class="problems">
          <li v-for="(p, i) in placed" :key="i" :data-pointer="p.pointer"><code v-if="p.pointer">{{ p.pointer }}</code><span>{{ p.message }}</span></li>
        </ul>
      </DesignerMessages>

      <div v-if="loaded && doc" class="dashboard-body">
        <aside class="report-data panel" data-test="report-palette">
          <h3 class="report-data-title">{{ t('dashboard.reports') }}</h3>
          <p class="muted small">{{ t('dashboard.dragHint') }}</p>
          <ul class="palette-list">
            <li v-for="r in reports" :key="r.key" class="field-chip palette-report" data-test="palette-report" :data-report="r.key"
                @pointerdown="startAdd($event, r.key)">
              <span class="field-chip-label">{{ localName(r.name, r.key) }}</span>
              <span v-if="r.publishedVersion == null" class="badge change-update small">{{ t('design.status.draftOnly') }}</span>
              <button type="button" class="chip-add" data-test="add-widget" :title="t('dashboard.addWidget')" @pointerdown.stop @click="addWidget(r.key)">+</button>
            </li>
          </ul>
          <p v-if="!reports.length" class="muted small">{{ t('report.none') }}</p>
        </aside>

        <main class="dashboard-main">
          <div class="dashboard-settings" :class="{ invalid: problemsAt('name').length || problemsAt('refreshSeconds').length }">
            <TextPair name="name" :label="t('rules.name')" :invalid="!!problemsAt('name').length" :model-value="doc.name" @update:model-value="v => doc.name = v" />
            <label class="field"><span>{{ t('dashboard.refreshSeconds') }}</span>
              <input name="refreshSeconds" type="number" min="10" max="86400" :value="doc.refreshSeconds ?? ''"
                     :aria-invalid="problemsAt('refreshSeconds').length ? 'true' : null" @change="setRefresh($event.target.value)"></label>
          </div>
          <div ref="grid" class="design-grid" data-test="design-grid" :class="{ dragging: !!drag }"
               :style="{ gridTemplateRows: 'repeat(' + rows + ', ' + ROW_PX + 'px)' }">
            <div v-for="w in widgets" :key="w.key" class="grid-widget" data-test="grid-widget" :data-widget="w.key" :data-x="w.x" :data-y="w.y" :data-w="w.w" :data-h="w.h"
                 :class="{ selected: selected === w.key, invalid: widgetInvalid(w), moving: drag && drag.widget && drag.widget.key === w.key }"
                 :style="place(w)" tabindex="0" @click="selected = w.key" @keydown.enter="selected = w.key">
              <div class="grid-widget-bar" data-test="widget-bar" @pointerdown="startMove($event, w)">
                <strong>{{ w.title ? localName(w.title) : reportName(w.report) }}</strong>
              </div>
              <div class="grid-widget-body muted small"><code>{{ w.report }}</code> · {{ w.w }}×{{ w.h }}
                <span v-if="w.filters && w.filters.length"> · {{ w.filters.join(', ') }}</span>
                <p v-for="(p, i) in problemsAt('widgets', widgets.indexOf(w))" :key="i" class="prop-error">{{ p.message }}</p></div>
              <span class="grid-widget-resize" data-test="widget-resize" :title="t('dashboard.resize')" @pointerdown.stop="startResize($event, w)"></span>
            </div>
            <div v-if="drag && drag.ghost" class="grid-ghost" :style="place(drag.ghost)"></div>
          </div>
        </main>

        <aside class="report-props panel" data-test="dashboard-props">
          <section v-if="widget" class="prop-group" data-test="widget-props" :data-widget="widget.key">
            <h3>{{ t('dashboard.widget') }} <code>{{ widget.key }}</code></h3>
            <div class="widget-keys" role="group" :aria-label="t('dashboard.arrange')">
              <button type="button" class="icon-button" data-test="move-left" :title="t('dashboard.moveLeft')" @click="nudge(-1, 0)">←</button>
              <button type="button" class="icon-button" data-test="move-up" :title="t('dashboard.moveUp')" @click="nudge(0, -1)">↑</button>
              <button type="button" class="icon-button" data-test="move-down" :title="t('dashboard.moveDown')" @click="nudge(0, 1)">↓</button>
              <button type="button" class="icon-button" data-test="move-right" :title="t('dashboard.moveRight')" @click="nudge(1, 0)">→</button>
              <button type="button" class="icon-button" data-test="narrower" :title="t('dashboard.narrower')" @click="grow(-1, 0)">W−</button>
              <button type="button" class="icon-button" data-test="wider" :title="t('dashboard.wider')" @click="grow(1, 0)">W+</button>
              <button type="button" class="icon-button" data-test="shorter" :title="t('dashboard.shorter')" @click="grow(0, -1)">H−</button>
              <button type="button" class="icon-button" data-test="taller" :title="t('dashboard.taller')" @click="grow(0, 1)">H+</button>
            </div>
            <TextPair name="widgetTitle" optional :label="t('dashboard.widgetTitle')" :model-value="widget.title" @update:model-value="v => setWidget('title', v)" />
            <label class="field"><span>{{ t('kind.report') }}</span>
              <select name="widgetReport" :value="widget.report" @change="setWidget('report', $event.target.value)">
                <option v-for="r in reports" :key="r.key" :value="r.key">{{ localName(r.name, r.key) }}</option></select></label>
            <fieldset v-if="doc.filters && doc.filters.length" class="report-lookups"><legend>{{ t('dashboard.appliesFilters') }}</legend>
              <label v-for="f in doc.filters" :key="f.key" class="check"><input type="checkbox" :name="'applies-' + f.key"
                     :checked="(widget.filters || []).includes(f.key)"
                     @change="toggleWidgetFilter(f.key, $event.target.checked)"> {{ localName(f.label, f.key) }}</label>
              <small class="muted">{{ t('dashboard.appliesHint') }}</small>
            </fieldset>
            <button type="button" class="button button-small button-danger" data-test="remove-widget" :disabled="widgets.length < 2" @click="removeWidget(widget.key)">{{ t('common.remove') }}</button>
          </section>
          <p v-else class="muted small">{{ t('dashboard.selectHint') }}</p>

          <section class="prop-group" data-test="shared-filters">
            <h3>{{ t('dashboard.filters') }}</h3>
            <div v-for="(f, i) in doc.filters || []" :key="i" class="dashboard-filter-edit" data-test="filter-edit" :data-filter="f.key"
                 :class="{ invalid: problemsAt('filters', i).length }">
              <div class="field-inline">
                <input name="filterKey" :aria-label="t('rules.key')" :value="f.key" spellcheck="false" @change="setFilter(i, 'key', $event.target.value.trim())">
                <select name="filterType" :aria-label="t('dashboard.filterKind')" :value="f.type" @change="setFilter(i, 'type', $event.target.value)">
                  <option v-for="type in FILTER_TYPES" :key="type" :value="type">{{ t('dashboard.filterType.' + type) }}</option></select>
                <button type="button" class="icon-button" :aria-label="t('common.remove')" @click="removeFilter(i)">×</button>
              </div>
              <TextPair :name="'filterLabel' + i" :label="t('dashboard.filterLabel')" :model-value="f.label" @update:model-value="v => setFilter(i, 'label', v)" />
              <label class="field"><span>{{ t('dashboard.filterField') }}</span>
                <input name="filterField" list="dashboard-field-paths" :value="f.field || ''" spellcheck="false" @change="setFilter(i, 'field', $event.target.value.trim())"></label>
              <label class="field"><span>{{ t('dashboard.filterDefault') }}</span>
                <select v-if="f.type === 'date_range'" name="filterDefault" :value="f.default || ''" @change="setFilter(i, 'default', $event.target.value)">
                  <option value="">{{ t('dashboard.noDefault') }}</option>
                  <option v-for="p in DATE_PRESETS" :key="p" :value="p">{{ t('report.relative.' + p) }}</option></select>
                <input v-else name="filterDefault" :value="f.default || ''" @change="setFilter(i, 'default', $event.target.value.trim())"></label>
              <p v-for="(p, j) in problemsAt('filters', i)" :key="j" class="prop-error">{{ p.message }}</p>
            </div>
            <datalist id="dashboard-field-paths"><option v-for="p in fieldPaths" :key="p" :value="p"></option></datalist>
            <button type="button" class="button button-small" data-test="add-dashboard-filter" :disabled="(doc.filters || []).length >= 10" @click="addFilter">+ {{ t('dashboard.addFilter') }}</button>
          </section>
        </aside>
      </div>
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('report.allReports')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
