// The form designer's working copy of a form definition: tabs → sections → rows → fields, the shape of the
// definition's `layout` (docs/definitions.md, Form layout), with a `uid` on every node so that selection, drag
// and drop and server errors can name it. `toDefinition` writes the definition back and remembers which node each
// JSON Pointer of it came from, so a problem at `/fields/3/expression` lands on the field it is about.
// No Vue here: the page makes the state reactive, and Node tests run these functions as they are.
import { KEY_PATTERN, MAX_CELLS, mayBeColumn, newField } from './fieldTypes.js';
import { messages } from '../messages.js';

let lastUid = 0;
/** Node ids are unique for the page's lifetime, so ids restored by undo never meet a newer node's id. */
export function uid() {
  lastUid += 1;
  return `n${lastUid}`;
}

export function fieldNode(field) {
  const { columns, ...rest } = field;
  const node = { uid: uid(), kind: 'field', field: rest };
  if (field.type === 'subtable') node.columns = (columns || []).map(fieldNode);
  return node;
}

export function rowNode(cells = [], multi = cells.length > 1) {
  return { uid: uid(), kind: 'row', multi, cells };
}

export function sectionNode(key, title = null, rows = []) {
  return { uid: uid(), kind: 'section', key, title, rows };
}

function tabNode(key, title, sections) {
  return { uid: uid(), kind: 'tab', key, title, sections };
}

/** A form that does not exist yet: one untitled section, no fields. */
export function emptyState(key, name) {
  return { form: { key, name: { ...name } }, tabbed: false, tabs: [tabNode('main', null, [sectionNode('main')])] };
}

/** Reads a definition (docs/definitions.md) into designer state. Fields the layout leaves out follow it. */
export function fromDefinition(definition) {
  const { fields = [], layout, ...form } = definition;
  const byKey = new Map(fields.map(field => [field.key, field]));
  const placed = new Set();
  const sections = list => (list || []).map(section => sectionNode(section.key, section.title || null,
    (section.rows || []).map(keys => {
      const cells = keys.filter(key => byKey.has(key) && !placed.has(key)).map(key => {
        placed.add(key);
        return fieldNode(byKey.get(key));
      });
      return rowNode(cells);
    }).filter(row => row.cells.length)));
  const tabbed = Boolean(layout?.tabs);
  const tabs = tabbed
    ? layout.tabs.map(tab => tabNode(tab.key, tab.title, sections(tab.sections)))
    : [tabNode('main', null, sections(layout?.sections))];
  const rest = fields.filter(field => !placed.has(field.key)).map(field => rowNode([fieldNode(field)]));
  const last = tabs[tabs.length - 1];
  if (rest.length || !last.sections.length) {
    last.sections.push(sectionNode(freeKey('more', sectionKeys({ tabs })), null, rest));
  }
  return { form, tabbed, tabs };
}

/** The column definition of a field node (a sub-table's columns included). */
function fieldOf(node) {
  return node.columns ? { ...node.field, columns: node.columns.map(fieldOf) } : { ...node.field };
}

function plainLayout(state) {
  const sections = state.tabs[0].sections;
  return !state.tabbed && sections.length === 1 && !sections[0].title
    && sections[0].rows.every(row => row.cells.length <= 1);
}

/**
 * The definition the state stands for, and `pointers`: JSON Pointer → uid of the node it was written from, for
 * every field, column, tab, section, row and layout cell. A form laid out as one untitled section of one field per
 * row needs no `layout`; empty rows are left out.
 */
export function toDefinition(state) {
  const fields = [];
  const pointers = {};
  const writeSections = (sections, at) => sections.map((section, s) => {
    const sectionAt = `${at}/${s}`;
    pointers[sectionAt] = section.uid;
    const rows = section.rows.filter(row => row.cells.length).map((row, r) => {
      pointers[`${sectionAt}/rows/${r}`] = row.uid;
      return row.cells.map((cell, c) => {
        pointers[`${sectionAt}/rows/${r}/${c}`] = cell.uid;
        const fieldAt = `/fields/${fields.length}`;
        pointers[fieldAt] = cell.uid;
        (cell.columns || []).forEach((column, j) => {
          pointers[`${fieldAt}/columns/${j}`] = column.uid;
        });
        fields.push(fieldOf(cell));
        return cell.field.key;
      });
    });
    return { key: section.key, ...(section.title ? { title: section.title } : {}), rows };
  });
  let layout;
  if (state.tabbed) {
    layout = {
      tabs: state.tabs.map((tab, t) => {
        pointers[`/layout/tabs/${t}`] = tab.uid;
        return { key: tab.key, title: tab.title, sections: writeSections(tab.sections, `/layout/tabs/${t}/sections`) };
      }),
    };
  } else {
    layout = { sections: writeSections(state.tabs[0].sections, '/layout/sections') };
  }
  if (plainLayout(state)) {
    Object.keys(pointers).filter(pointer => pointer.startsWith('/layout')).forEach(pointer => delete pointers[pointer]);
    layout = undefined;
  }
  return { definition: { ...state.form, fields, ...(layout ? { layout } : {}) }, pointers };
}

/** The node a problem's pointer is about (the longest pointer `toDefinition` wrote), and the rest, e.g. "/expression". */
export function nodeForPointer(pointers, pointer) {
  const parts = (pointer || '').split('/');
  for (let length = parts.length; length > 1; length--) {
    const found = pointers[parts.slice(0, length).join('/')];
    if (found) return { uid: found, rest: parts.slice(length).join('/') };
  }
  return null;
}

/** Every top-level field node, in the order of the definition's `fields`. */
export function topFields(state) {
  return state.tabs.flatMap(tab => tab.sections.flatMap(section => section.rows.flatMap(row => row.cells)));
}

function sectionKeys(state) {
  return state.tabs.flatMap(tab => tab.sections.map(section => section.key));
}

/**
 * Where a node sits: `{node, list, index, parent, scope}`; `list` is the array holding it, `parent` the node
 * owning that array (row, sub-table field, section, tab) or null for tabs, `scope` the array of field nodes its
 * key must be unique in (fields and columns only).
 */
export function locate(state, id) {
  for (let t = 0; t < state.tabs.length; t++) {
    const tab = state.tabs[t];
    if (tab.uid === id) return { node: tab, list: state.tabs, index: t, parent: null };
    for (const section of tab.sections) {
      if (section.uid === id) return { node: section, list: tab.sections, index: tab.sections.indexOf(section), parent: tab };
      for (const row of section.rows) {
        if (row.uid === id) return { node: row, list: section.rows, index: section.rows.indexOf(row), parent: section };
        for (const cell of row.cells) {
          if (cell.uid === id) return { node: cell, list: row.cells, index: row.cells.indexOf(cell), parent: row, scope: topFields(state) };
          const columns = cell.columns || [];
          const index = columns.findIndex(column => column.uid === id);
          if (index >= 0) return { node: columns[index], list: columns, index, parent: cell, scope: columns };
        }
      }
    }
  }
  return null;
}

/** `base`, or `base_2`, `base_3`… whichever no key in `taken` holds, cut to fit the key pattern. */
export function freeKey(base, taken) {
  const used = new Set(taken);
  const stem = base.slice(0, 44);
  if (!used.has(stem)) return stem;
  let n = 2;
  while (used.has(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

export function keyProblem(key, siblings) {
  if (!KEY_PATTERN.test(key || '')) return 'pattern';
  return siblings.some(node => node.field.key === key) ? 'duplicate' : null;
}

const typeName = (type, locale) => messages[locale][`fieldType.${type}`];

/** A new field node of `type` whose key and labels no field in `scope` holds yet (text_1, "Text 1"). */
export function newFieldNode(type, scope) {
  const keys = new Set(scope.map(node => node.field.key));
  let n = 1;
  while (keys.has(`${type}_${n}`)) n++;
  return fieldNode(newField(type, `${type}_${n}`, { 'zh-CN': `${typeName(type, 'zh-CN')} ${n}`, en: `${typeName(type, 'en')} ${n}` }));
}

function newSection(state) {
  const n = state.tabs.flatMap(tab => tab.sections).filter(section => section.title).length + 1;
  return sectionNode(freeKey(`section_${n}`, sectionKeys(state)), { 'zh-CN': `分组 ${n}`, en: `Section ${n}` });
}

/**
 * A field keeps its key unless the scope it moved into holds it already. Nodes are compared by uid: the state may
 * be a Vue proxy of the node just inserted.
 */
function settleKey(node, scope) {
  const others = scope.filter(other => other.uid !== node.uid).map(other => other.field.key);
  if (others.includes(node.field.key)) node.field.key = freeKey(node.field.key, others);
}

/** The title field must stay a top-level field that is not a sub-table (FormKind). */
function settleTitleField(state) {
  const key = state.form.titleField;
  if (key && !topFields(state).some(node => node.field.key === key && node.field.type !== 'subtable')) {
    delete state.form.titleField;
  }
}

/**
 * What a drag would put into a list, from the dragged element's data: `kind` a field type or row/section/tabs,
 * `role` palette/single (a one-field row)/row/cell/column/section. `list` is `{kind, items}`; `others` is how many
 * items the list holds besides the dragged one.
 */
export function accepts(list, kind, role, others) {
  const isField = kind !== 'row' && kind !== 'section' && kind !== 'tabs';
  switch (list.kind) {
    case 'sections': return kind === 'section' || (kind === 'tabs' && role === 'palette');
    case 'rows': return isField || (kind === 'row' && (role === 'palette' || role === 'row'));
    case 'cells': return isField && role !== 'row' && others < MAX_CELLS;
    case 'columns': return mayBeColumn(kind) && role !== 'row';
    default: return false;
  }
}

function insertInto(state, to, index, node) {
  if (to.kind === 'rows' && node.kind === 'field') {
    to.items.splice(index, 0, rowNode([node], false));
  } else {
    to.items.splice(index, 0, node);
  }
  if (node.kind === 'field') settleKey(node, to.kind === 'columns' ? to.items : topFields(state));
}

/** Drops something new from the palette at `index` of list `to`; answers the new node. */
export function dropNew(state, kind, to, index, tab) {
  if (kind === 'tabs') return addTab(state, tab);
  let node;
  if (kind === 'section') node = newSection(state);
  else if (kind === 'row') node = rowNode([], true);
  else node = newFieldNode(kind, to.kind === 'columns' ? to.items : topFields(state));
  insertInto(state, to, index, node);
  return node;
}

/**
 * Moves what was dragged from `from.items[oldIndex]` to position `newIndex` of `to` (indexes as SortableJS gives
 * them: `newIndex` counts without the moved item). A one-field row dragged into a row or sub-table gives up its
 * field; a field dragged into a section's rows gets a row of its own. Answers the moved node.
 */
export function moveItem(state, from, oldIndex, to, newIndex) {
  const item = from.items[oldIndex];
  if (!item) return null;
  const unwrap = from.kind === 'rows' && to.kind !== 'rows' && item.kind === 'row';
  if (unwrap && (item.multi || item.cells.length !== 1)) return null;
  const node = unwrap ? item.cells[0] : item;
  from.items.splice(oldIndex, 1);
  insertInto(state, to, newIndex, node);
  settleTitleField(state);
  return node;
}

/** The section new things go into when nothing is selected: the last one of the tab shown. */
function lastSection(state, tab) {
  const sections = (state.tabs[tab] || state.tabs[0]).sections;
  return sections[sections.length - 1];
}

/**
 * Click-to-add, the keyboard's way of dropping: puts a new `kind` next to the selected node (a column after the
 * selected column, a cell into the selected multi-field row when it has room, a row after the selected row, a
 * section after the selected section), else at the end of the tab shown. Answers the new node.
 */
export function addNear(state, kind, selectedUid, tab) {
  if (kind === 'tabs') return addTab(state, tab);
  const at = selectedUid ? locate(state, selectedUid) : null;
  if (kind === 'section') {
    const section = at && (at.node.kind === 'section' ? at : locate(state, sectionOf(state, at.node.uid).uid));
    const list = section ? section.list : (state.tabs[tab] || state.tabs[0]).sections;
    return dropNew(state, kind, { kind: 'sections', items: list }, section ? section.index + 1 : list.length, tab);
  }
  if (at && at.parent?.kind === 'field' && mayBeColumn(kind)) {
    return dropNew(state, kind, { kind: 'columns', items: at.list }, at.index + 1, tab);
  }
  if (at && at.parent?.kind === 'row' && at.parent.multi && at.list.length < MAX_CELLS && kind !== 'row') {
    return dropNew(state, kind, { kind: 'cells', items: at.list }, at.index + 1, tab);
  }
  if (at && at.node.kind === 'row' && at.node.multi && at.node.cells.length < MAX_CELLS && kind !== 'row') {
    return dropNew(state, kind, { kind: 'cells', items: at.node.cells }, at.node.cells.length, tab);
  }
  const row = at && rowOf(state, at.node.uid);
  if (row) {
    const place = locate(state, row.uid);
    return dropNew(state, kind, { kind: 'rows', items: place.list }, place.index + 1, tab);
  }
  const section = at?.node.kind === 'section' ? at.node : lastSection(state, tab);
  return dropNew(state, kind, { kind: 'rows', items: section.rows }, section.rows.length, tab);
}

function rowOf(state, id) {
  const at = locate(state, id);
  if (!at) return null;
  if (at.node.kind === 'row') return at.node;
  if (at.parent?.kind === 'row') return at.parent;
  if (at.parent?.kind === 'field') return rowOf(state, at.parent.uid);
  return null;
}

/** The section holding a node (itself for a section); for a tab, its first section. */
export function sectionOf(state, id) {
  const at = locate(state, id);
  if (!at) return null;
  if (at.node.kind === 'section') return at.node;
  if (at.node.kind === 'tab') return at.node.sections[0];
  return sectionOf(state, at.parent.uid);
}

/** The index of the tab holding a node. */
export function tabOf(state, id) {
  return state.tabs.findIndex(tab => tab.uid === id || locate({ tabs: [tab] }, id));
}

/** Turns the form into tabs (its sections become the first tab) or adds a tab; answers the new tab. */
export function addTab(state, after = state.tabs.length - 1) {
  const keys = state.tabs.map(tab => tab.key);
  if (!state.tabbed) {
    state.tabbed = true;
    Object.assign(state.tabs[0], { key: 'tab_1', title: { 'zh-CN': '标签页 1', en: 'Tab 1' } });
    keys.splice(0, keys.length, 'tab_1');
  }
  const n = state.tabs.length + 1;
  const tab = tabNode(freeKey(`tab_${n}`, keys), { 'zh-CN': `标签页 ${n}`, en: `Tab ${n}` }, []);
  tab.sections.push(sectionNode(freeKey(`section_${tab.key}`, sectionKeys(state))));
  state.tabs.splice(Math.min(after + 1, state.tabs.length), 0, tab);
  return tab;
}

/**
 * Removes a node. A tab's sections move to the tab before it (after it, for the first); removing the second to
 * last tab leaves a form without tabs. The last section of a tab stays (a tab needs one); a one-field row goes
 * with its field. Answers whether something was removed.
 */
export function removeNode(state, id) {
  const at = locate(state, id);
  if (!at) return false;
  if (at.node.kind === 'tab') {
    if (state.tabs.length < 2) return false;
    const heir = state.tabs[at.index === 0 ? 1 : at.index - 1];
    heir.sections.push(...at.node.sections);
    state.tabs.splice(at.index, 1);
    if (state.tabs.length === 1) state.tabbed = false;
    return true;
  }
  if (at.node.kind === 'section' && at.list.length < 2) return false;
  at.list.splice(at.index, 1);
  if (at.parent?.kind === 'row' && !at.parent.multi && !at.list.length) removeNode(state, at.parent.uid);
  settleTitleField(state);
  return true;
}

/** Moves a node one place up (-1) or down (+1) among its siblings; answers whether it moved. */
export function moveBy(state, id, delta) {
  let at = locate(state, id);
  if (at?.parent?.kind === 'row' && !at.parent.multi) at = locate(state, at.parent.uid);
  if (!at) return false;
  const to = at.index + delta;
  if (to < 0 || to >= at.list.length) return false;
  at.list.splice(to, 0, ...at.list.splice(at.index, 1));
  return true;
}

/** A copy of a field with fresh ids and a free key, right after it; answers the copy. */
export function duplicateField(state, id) {
  const at = locate(state, id);
  if (!at || at.node.kind !== 'field') return null;
  const copy = fieldNode(JSON.parse(JSON.stringify(fieldOf(at.node))));
  copy.field.key = freeKey(`${at.node.field.key}_copy`, at.scope.map(node => node.field.key));
  if (at.parent.kind === 'row' && (!at.parent.multi || at.list.length >= MAX_CELLS)) {
    const row = locate(state, at.parent.uid);
    row.list.splice(row.index + 1, 0, rowNode([copy], false));
  } else {
    at.list.splice(at.index + 1, 0, copy);
  }
  return copy;
}

/** Splits a row of several fields into one row per field, in place. */
export function splitRow(state, id) {
  const at = locate(state, id);
  if (!at || at.node.kind !== 'row') return;
  at.list.splice(at.index, 1, ...at.node.cells.map(cell => rowNode([cell], false)));
}
