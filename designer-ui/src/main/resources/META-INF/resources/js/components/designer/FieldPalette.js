// The left of the form designer: every field type and layout element, grouped. Drag one onto the canvas, or
// click it (or press Enter on it) to add it next to the selected node.
import { inject } from 'vue';
import { t } from '../../i18n.js';
import { PALETTE } from '../../designer/fieldTypes.js';
import DesignIcon from './DesignIcon.js';
import SortableList from './SortableList.js';

export default {
  name: 'FieldPalette',
  components: { DesignIcon, SortableList },
  setup() {
    // SortableList wants a model array per list; the palette's never changes.
    const groups = PALETTE.map(group => ({ ...group, items: group.types.slice() }));
    return { t, groups, designer: inject('designer') };
  },
  template: /* html */ `
    <aside class="palette" data-test="palette" :aria-label="t('design.palette')">
      <div v-for="group in groups" :key="group.group" class="palette-group">
        <h3 class="palette-heading">{{ t('paletteGroup.' + group.group) }}</h3>
        <SortableList kind="palette" :items="group.items" class="palette-items">
          <button v-for="type in group.items" :key="type" type="button" class="dz-item palette-item"
                  :data-kind="type" data-role="palette" :data-palette="type" :title="t('design.addHint')"
                  @click="designer.add(type)">
            <span class="palette-icon" :class="'palette-icon-' + group.group"><DesignIcon :name="type" :size="15" /></span>
            <span class="palette-label">{{ t('fieldType.' + type) }}</span>
          </button>
        </SortableList>
      </div>
    </aside>`,
};
