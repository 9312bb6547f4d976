// The middle of the form designer: the form as it will look, tab by tab, section by section, row by row. Every
// level is a drop target (SortableList); clicking a node selects it for the property panel.
import { computed, inject } from 'vue';
import { t, localName } from '../../i18n.js';
import { MAX_CELLS } from '../../designer/fieldTypes.js';
import CanvasField from './CanvasField.js';
import DesignIcon from './DesignIcon.js';
import NodeTools from './NodeTools.js';
import SortableList from './SortableList.js';

const CanvasRow = {
  name: 'CanvasRow',
  components: { CanvasField, DesignIcon, NodeTools, SortableList },
  props: { row: { type: Object, required: true } },
  setup(props) {
    const designer = inject('designer');
    const selected = computed(() => designer.selected.value === props.row.uid);
    return { t, designer, selected, MAX_CELLS };
  },
  template: /* html */ `
    <div v-if="!row.multi" class="dz-item canvas-row dz-grip" :data-kind="row.cells[0].field.type" data-role="single" :data-uid="row.uid">
      <CanvasField :node="row.cells[0]" />
    </div>
    <div v-else class="dz-item canvas-row canvas-row-multi" :class="{ selected, invalid: designer.hasProblems(row.uid) }"
         data-kind="row" data-role="row" :data-uid="row.uid" @click.stop="designer.select(row.uid)">
      <span class="dz-grip row-grip" :title="t('design.dragRow')"><DesignIcon name="grip" :size="14" /></span>
      <SortableList kind="cells" :items="row.cells" horizontal class="cells">
        <div v-for="cell in row.cells" :key="cell.uid" class="dz-item cell" :data-kind="cell.field.type" data-role="cell">
          <CanvasField :node="cell" />
        </div>
        <div v-if="row.cells.length < MAX_CELLS" class="dz-slot" :class="{ 'dz-slot-wide': row.cells.length < 2 }">{{ t('design.dropCell') }}</div>
      </SortableList>
      <NodeTools v-if="selected" :id="row.uid" :copy="false" />
    </div>`,
};

const CanvasSection = {
  name: 'CanvasSection',
  components: { CanvasRow, DesignIcon, NodeTools, SortableList },
  props: { section: { type: Object, required: true }, bare: Boolean },
  setup(props) {
    const designer = inject('designer');
    const selected = computed(() => designer.selected.value === props.section.uid);
    return { t, localName, designer, selected };
  },
  template: /* html */ `
    <section class="dz-item canvas-section" :class="{ selected, bare, titled: section.title, invalid: designer.hasProblems(section.uid) }"
             data-kind="section" data-role="section" :data-uid="section.uid" :data-section="section.key">
      <header v-if="!bare" class="section-head dz-grip" tabindex="0" @click.stop="designer.select(section.uid)"
              @keydown.enter.self="designer.select(section.uid)">
        <DesignIcon name="grip" :size="14" class="section-grip" />
        <span :class="{ muted: !section.title }">{{ section.title ? localName(section.title, section.key) : t('design.untitledSection') }}</span>
        <NodeTools v-if="selected" :id="section.uid" :copy="false" />
      </header>
      <SortableList kind="rows" :items="section.rows" class="rows">
        <CanvasRow v-for="row in section.rows" :key="row.uid" :row="row" />
        <div v-if="!section.rows.length" class="dz-slot dz-slot-wide">{{ t('design.dropFields') }}</div>
      </SortableList>
    </section>`,
};

export default {
  name: 'DesignCanvas',
  components: { CanvasSection, DesignIcon, SortableList },
  setup() {
    const designer = inject('designer');
    const state = designer.state;
    const tab = computed(() => state.tabs[designer.activeTab.value] || state.tabs[0]);
    const bare = computed(() => !state.tabbed && tab.value.sections.length === 1 && !tab.value.sections[0].title);
    function showTab(index) {
      designer.activeTab.value = index;
      designer.select(state.tabs[index].uid);
    }
    return { t, localName, designer, state, tab, bare, showTab };
  },
  template: /* html */ `
    <div class="canvas" data-test="canvas" @click="designer.select(null)">
      <div class="canvas-sheet" :class="{ dragging: designer.dragging.value }">
        <header class="canvas-title" :class="{ selected: designer.selected.value === null }" @click.stop="designer.select(null)">
          <h2>{{ localName(state.form.name, state.form.key) }}</h2>
          <code>{{ state.form.key }}</code>
        </header>
        <nav v-if="state.tabbed" class="canvas-tabs" role="tablist">
          <button v-for="(each, i) in state.tabs" :key="each.uid" type="button" role="tab" :aria-selected="tab === each"
                  class="canvas-tab" :class="{ active: tab === each, selected: designer.selected.value === each.uid, invalid: designer.hasProblems(each.uid) }"
                  :data-tab="each.key" @click.stop="showTab(i)">{{ localName(each.title, each.key) }}</button>
          <button type="button" class="canvas-tab canvas-tab-add" data-test="add-tab" :title="t('design.addTab')"
                  @click.stop="designer.add('tabs')"><DesignIcon name="plus" :size="14" /></button>
        </nav>
        <SortableList kind="sections" :items="tab.sections" class="sections">
          <CanvasSection v-for="section in tab.sections" :key="section.uid" :section="section" :bare="bare" />
        </SortableList>
      </div>
    </div>`,
};
