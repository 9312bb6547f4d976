// The decision table editor (#/design/{app}/decisions/{key}): the table's settings (name, form, hit policy,
// aggregation) over a grid of input columns (key, label, type, the formula that reads the record) and output
// columns, one row per rule with typed cells written as short text (`-`, `> 5`, `[1..5)`, `A, B`). The server's
// problems and warnings (gaps, overlaps) land on the rows and cells their pointers name; the simulation panel
// highlights the rows that matched. A published table can be run over a period of its form's records.
import { ref, reactive, computed, provide, watch } from 'vue';
import { t, localName } from '../../i18n.js';
import { route, href } from '../../router.js';
import { appForms } from '../../designer/appForms.js';
import { useDefinitionEditor } from '../../designer/definitionEditor.js';
import {
  HIT_POLICIES, AGGREGATIONS, VALUE_TYPES, setHitPolicy, addInput, addOutput, removeColumn, setColumnType, addRow, removeRow,
  moveRow, cellText, parseCell, outputText, parseOutput, gridPlace,
} from '../../designer/decisionTable.js';
import DesignerBar from '../../components/designer/DesignerBar.js';
import DesignerLeave from '../../components/designer/DesignerLeave.js';
import DesignerMessages from '../../components/designer/DesignerMessages.js';
import FormulaInput from '../../components/designer/FormulaInput.js';
import PeriodRunDialog from '../../components/rules/PeriodRunDialog.js';
import SimulationPanel from '../../components/rules/SimulationPanel.js';
import TextPair from '../../components/rules/TextPair.js';

/** The field type a table input's value is typed with in the simulation's sample form. */
const SAMPLE_TYPES = { number: 'decimal', text: 'text', date: 'date', boolean: 'switch' };

export default {
  name: 'DecisionDesignerPage',
  components: { DesignerBar, DesignerLeave, DesignerMessages, FormulaInput, PeriodRunDialog, SimulationPanel, TextPair },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const tableKey = computed(() => route.value.params.key);
    const editor = useDefinitionEditor('decision', appKey, tableKey);
    const { doc, problems, warnings, commit } = editor;
    const forms = ref([]);
    const matched = ref([]);
    const runningPeriod = ref(false);
    // What was typed into a cell the column cannot hold, kept on screen (and marked) until it is put right.
    const drafts = reactive({});
    provide('rules', { problems });

    watch(appKey, async app => {
      forms.value = await appForms(app).catch(() => []);
    }, { immediate: true });
    const clearDrafts = () => Object.keys(drafts).forEach(key => delete drafts[key]);
    watch(doc, clearDrafts);

    const form = computed(() => forms.value.find(candidate => candidate.key === doc.value?.form) || null);
    const fieldKeys = computed(() => (form.value?.fields || []).map(field => field.key));

    function structural(change) {
      change();
      clearDrafts();
      matched.value = [];
      commit();
    }
    const cellKey = (row, side, index) => `${row}:${side}:${index}`;
    function shownCell(row, index) {
      return drafts[cellKey(row, 'inputs', index)]?.text ?? cellText(doc.value.rows[row].inputs[index]);
    }
    function shownOutput(row, index) {
      return drafts[cellKey(row, 'outputs', index)]?.text ?? outputText(doc.value.rows[row].outputs[index]);
    }
    /**
     * Typing keeps the text as typed while the cell has focus (so that `1.` may become `1.5`), and puts the cell into
     * the table whenever it reads; leaving the cell shows it as the table holds it (`>=5` as `≥ 5`), or keeps what
     * the column cannot hold, marked.
     */
    function typeCell(row, index, text) {
      const parsed = parseCell(text, doc.value.inputs[index].type);
      drafts[cellKey(row, 'inputs', index)] = { text, error: parsed.error };
      if (!parsed.error) doc.value.rows[row].inputs[index] = parsed.cell;
    }
    function typeOutput(row, index, text) {
      const parsed = parseOutput(text, doc.value.outputs[index].type);
      drafts[cellKey(row, 'outputs', index)] = { text, error: parsed.error };
      if (!parsed.error) doc.value.rows[row].outputs[index] = parsed.value;
    }
    function settle(row, side, index) {
      if (!drafts[cellKey(row, side, index)]?.error) delete drafts[cellKey(row, side, index)];
    }
    function setForm(key) {
      if (key) doc.value.form = key;
      else delete doc.value.form;
      commit();
    }
    const draftError = (row, side, index) => drafts[cellKey(row, side, index)]?.error;
    function setPriority(row, text) {
      if (Number.isInteger(Number(text)) && text !== '') doc.value.rows[row].priority = Number(text);
    }

    // Problems and warnings, placed in the grid.
    const notes = computed(() => [
      ...problems.value.map(problem => ({ ...problem, level: 'error', ...gridPlace(problem.pointer) })),
      ...warnings.value.map(warning => ({ ...warning, level: 'warning', ...gridPlace(warning.pointer) })),
    ]);
    const rowNotes = row => notes.value.filter(note => note.row === row);
    const cellInvalid = (row, side, index) => !!draftError(row, side, index)
      || notes.value.some(note => note.row === row && note.side === side && note.cell === index && note.level === 'error');
    const columnNotes = (side, index) => notes.value.filter(note => note.column === index && note.side === side);
    const tableNotes = computed(() => notes.value.filter(note => note.row == null && note.column == null));
    const rowLevel = row => {
      const list = rowNotes(row);
      return list.some(note => note.level === 'error') ? 'error' : list.length ? 'warning' : null;
    };
    function describe(note) {
      if (note.row != null) {
        const row = doc.value.rows[note.row];
        return t('decision.rowN', { n: note.row + 1 }) + (row?.key ? ` (${row.key})` : '');
      }
      if (note.column != null) {
        const column = doc.value[note.side]?.[note.column];
        return column ? `${localName(column.label, column.key)} (${column.key})` : note.pointer;
      }
      return t('decision.theTable');
    }
    function showNote(note) {
      const target = note.row != null ? document.querySelector(`[data-test=decision-row][data-row="${note.row}"]`)
        : note.column != null ? document.querySelector(`[data-test=column][data-side=${note.side}][data-column="${note.column}"]`) : null;
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }

    const simulationForm = computed(() => doc.value && {
      key: `${doc.value.key}_inputs`,
      fields: doc.value.inputs.map(column => ({ key: column.key, type: SAMPLE_TYPES[column.type], label: column.label })),
    });
    const outputKeys = computed(() => (doc.value?.outputs || []).map(column => column.key));
    const outputNames = computed(() => Object.fromEntries((doc.value?.outputs || []).map(column => [column.key, localName(column.label, column.key)])));

    return {
      t, localName, href, appKey, tableKey, ...editor, forms, form, fieldKeys, matched, structural, shownCell, shownOutput, typeCell,
      typeOutput, settle, setForm, draftError, setPriority, notes, rowNotes, cellInvalid, columnNotes, tableNotes, rowLevel, describe, showNote,
      simulationForm, outputKeys, outputNames, runningPeriod, setHitPolicy, addInput, addOutput, removeColumn, setColumnType, addRow, removeRow, moveRow,
      HIT_POLICIES, AGGREGATIONS, VALUE_TYPES,
    };
  },
  template: /* html */ `
    <div class="designer decision-designer" data-test="decision-designer" :data-dirty="dirty ? 'true' : 'false'">
      <DesignerBar :back-href="href('design', appKey)" :back-title="t('rules.allRules')" :can-undo="history.canUndo" :can-redo="history.canRedo"
                   :may-save="loaded && !busy" :may-publish="mayPublish" @undo="undo" @redo="redo" @save="save" @publish="publish">
        <strong>{{ doc ? localName(doc.name, tableKey) : tableKey }}</strong>
        <span class="muted small">{{ t('decision.table') }} · <code>{{ tableKey }}</code></span>
        <span v-if="loaded" class="badge" :class="status.css" data-test="status" :data-version="standing.publishedVersion">{{ status.text }}</span>
        <template #views>
          <button type="button" class="button period-run-open" data-test="run-period" :disabled="standing.publishedVersion == null"
                  :title="standing.publishedVersion == null ? t('decision.run.needsPublish') : null" @click="runningPeriod = true">{{ t('decision.run.open') }}</button>
        </template>
      </DesignerBar>

      <DesignerMessages :load-failure="loadFailure" :notice="notice" :failure="failure" :warnings-title="warnings.length ? t('decision.warnings') : null"
                        @retry="load" @close="failure = null">
        <ul v-if="notes.length" class="problems">
          <li v-for="(note, i) in notes" :key="i" :data-pointer="note.pointer" :data-row="note.row" :data-level="note.level">
            <button type="button" class="link-button" @click="showNote(note)">{{ describe(note) }}</button>
            <code v-if="note.pointer">{{ note.pointer }}</code><span>{{ note.message }}</span>
          </li>
        </ul>
      </DesignerMessages>

      <div v-if="loaded && doc" class="decision-body">
        <main class="decision-main">
          <section class="decision-settings" data-test="table-settings">
            <TextPair name="name" :label="t('decision.name')" :model-value="doc.name" @update:model-value="v => doc.name = v" />
            <label class="field"><span>{{ t('rules.form') }}</span>
              <select name="form" :value="doc.form || ''" @change="setForm($event.target.value)">
                <option value="">{{ t('decision.noForm') }}</option>
                <option v-for="f in forms" :key="f.key" :value="f.key">{{ localName(f.name, f.key) }} ({{ f.key }})</option>
              </select></label>
            <label class="field"><span>{{ t('decision.hitPolicy') }}</span>
              <select name="hitPolicy" :value="doc.hitPolicy" @change="structural(() => setHitPolicy(doc, $event.target.value))">
                <option v-for="p in HIT_POLICIES" :key="p" :value="p">{{ t('decision.hit.' + p) }}</option>
              </select></label>
            <label v-if="doc.hitPolicy === 'collect'" class="field"><span>{{ t('decision.aggregation') }}</span>
              <select name="aggregation" :value="doc.aggregation" @change="doc.aggregation = $event.target.value; commit()">
                <option v-for="a in AGGREGATIONS" :key="a" :value="a">{{ t('decision.agg.' + a) }}</option>
              </select></label>
          </section>
          <p class="muted small decision-hint">{{ t('decision.hit.' + doc.hitPolicy + '.hint') }} {{ t('decision.cellHint') }}</p>
          <ul v-if="tableNotes.length" class="cond-problems"><li v-for="(n, i) in tableNotes" :key="i"><code>{{ n.pointer }}</code> {{ n.message }}</li></ul>

          <div class="decision-tools">
            <button type="button" class="button button-small" data-test="add-input" @click="structural(() => addInput(doc))">+ {{ t('decision.addInput') }}</button>
            <button type="button" class="button button-small" data-test="add-output" @click="structural(() => addOutput(doc))">+ {{ t('decision.addOutput') }}</button>
            <button type="button" class="button button-small" data-test="add-row" @click="structural(() => addRow(doc))">+ {{ t('decision.addRow') }}</button>
          </div>
          <div class="decision-scroll">
            <table class="decision-grid" data-test="decision-grid">
              <thead>
                <tr class="decision-groups">
                  <th></th>
                  <th :colspan="doc.inputs.length" class="group-inputs">{{ t('decision.inputs') }}</th>
                  <th :colspan="doc.outputs.length" class="group-outputs">{{ t('decision.outputs') }}</th>
                  <th v-if="doc.hitPolicy === 'priority'"></th><th></th>
                </tr>
                <tr>
                  <th class="row-number">#</th>
                  <template v-for="side in ['inputs', 'outputs']" :key="side">
                    <th v-for="(column, c) in doc[side]" :key="side + c" class="column-head" :class="[side === 'inputs' ? 'input-head' : 'output-head', { invalid: columnNotes(side, c).length }]"
                        data-test="column" :data-side="side" :data-column="c" :data-key="column.key">
                      <div class="column-line">
                        <input name="columnKey" class="column-key" spellcheck="false" :value="column.key" @input="column.key = $event.target.value.trim()">
                        <select name="columnType" :value="column.type" @change="structural(() => setColumnType(doc, side, c, $event.target.value))">
                          <option v-for="type in VALUE_TYPES" :key="type" :value="type">{{ t('decision.type.' + type) }}</option></select>
                        <button type="button" class="icon-button" data-test="remove-column" :title="t('common.remove')" :disabled="doc[side].length < 2"
                                @click="structural(() => removeColumn(doc, side, c))">×</button>
                      </div>
                      <div class="column-line">
                        <input name="labelZh" lang="zh-CN" placeholder="中文" :value="column.label['zh-CN']" @input="column.label['zh-CN'] = $event.target.value">
                        <input name="labelEn" lang="en" placeholder="English" :value="column.label.en" @input="column.label.en = $event.target.value">
                      </div>
                      <FormulaInput v-if="side === 'inputs'" name="columnExpression" :fields="fieldKeys" :model-value="column.expression" @update:model-value="v => column.expression = v" />
                      <p v-for="(n, i) in columnNotes(side, c)" :key="i" class="prop-error">{{ n.message }}</p>
                    </th>
                  </template>
                  <th v-if="doc.hitPolicy === 'priority'" class="priority-head">{{ t('rules.priority') }}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                <template v-for="(row, r) in doc.rows" :key="r">
                  <tr class="decision-row" :class="{ matched: matched.includes(r), ['row-' + rowLevel(r)]: rowLevel(r) }"
                      data-test="decision-row" :data-row="r" :data-matched="matched.includes(r) ? 'true' : null" :data-level="rowLevel(r)">
                    <td class="row-number">{{ r + 1 }}<span v-if="matched.includes(r)" class="matched-mark" :title="t('decision.matched')">✓</span></td>
                    <td v-for="(cell, c) in row.inputs" :key="'i' + c" class="cell input-cell">
                      <input :name="'in-' + c" spellcheck="false" :value="shownCell(r, c)" :aria-invalid="cellInvalid(r, 'inputs', c) ? 'true' : null"
                             :title="draftError(r, 'inputs', c) ? t(draftError(r, 'inputs', c)) : null"
                             @input="typeCell(r, c, $event.target.value)" @blur="settle(r, 'inputs', c)">
                    </td>
                    <td v-for="(value, c) in row.outputs" :key="'o' + c" class="cell output-cell">
                      <input :name="'out-' + c" spellcheck="false" :value="shownOutput(r, c)" :aria-invalid="cellInvalid(r, 'outputs', c) ? 'true' : null"
                             :title="draftError(r, 'outputs', c) ? t(draftError(r, 'outputs', c)) : null"
                             @input="typeOutput(r, c, $event.target.value)" @blur="settle(r, 'outputs', c)">
                    </td>
                    <td v-if="doc.hitPolicy === 'priority'" class="cell"><input name="priority" type="number" :value="row.priority" @change="setPriority(r, $event.target.value)"></td>
                    <td class="row-tools">
                      <button type="button" class="icon-button" data-test="row-up" :title="t('rules.moveUp')" :disabled="r === 0" @click="structural(() => moveRow(doc, r, -1))">↑</button>
                      <button type="button" class="icon-button" data-test="row-down" :title="t('rules.moveDown')" :disabled="r === doc.rows.length - 1" @click="structural(() => moveRow(doc, r, 1))">↓</button>
                      <button type="button" class="icon-button" data-test="row-add" :title="t('decision.addRowBelow')" @click="structural(() => addRow(doc, r))">+</button>
                      <button type="button" class="icon-button" data-test="row-remove" :title="t('common.remove')" :disabled="doc.rows.length < 2" @click="structural(() => removeRow(doc, r))">×</button>
                    </td>
                  </tr>
                  <tr v-if="rowNotes(r).length || row.inputs.some((_, c) => draftError(r, 'inputs', c)) || row.outputs.some((_, c) => draftError(r, 'outputs', c))"
                      class="row-notes" data-test="row-notes" :data-row="r">
                    <td></td>
                    <td :colspan="doc.inputs.length + doc.outputs.length + (doc.hitPolicy === 'priority' ? 2 : 1)">
                      <span v-for="(n, i) in rowNotes(r)" :key="i" class="row-note" :class="'note-' + n.level" :data-level="n.level">{{ n.message }}</span>
                      <template v-for="(cell, c) in row.inputs" :key="'di' + c"><span v-if="draftError(r, 'inputs', c)" class="row-note note-error" data-level="cell">
                        {{ localName(doc.inputs[c].label, doc.inputs[c].key) }}: {{ t(draftError(r, 'inputs', c)) }}</span></template>
                      <template v-for="(value, c) in row.outputs" :key="'do' + c"><span v-if="draftError(r, 'outputs', c)" class="row-note note-error" data-level="cell">
                        {{ localName(doc.outputs[c].label, doc.outputs[c].key) }}: {{ t(draftError(r, 'outputs', c)) }}</span></template>
                    </td>
                  </tr>
                </template>
              </tbody>
            </table>
          </div>
        </main>
        <SimulationPanel kind="decision" :app="appKey" :definition-key="tableKey" :form="simulationForm" :prepare="saveIfDirty"
                         :names="outputNames" @matched="rows => matched = rows" />
      </div>
      <p v-if="!loaded && !loadFailure" class="designer-message muted">{{ t('common.loading') }}</p>
      <PeriodRunDialog v-if="runningPeriod" :app="appKey" :table-key="tableKey" :form="form" :forms="forms" :outputs="outputKeys"
                       @close="runningPeriod = false" />
      <DesignerLeave :back-href="href('design', appKey)" :back-label="t('rules.allRules')" :pending="pendingLeave" @stay="pendingLeave = null" @leave="leave" />
    </div>`,
};
