// The selected node's own buttons on the canvas: move it among its siblings, copy it (fields), remove it.
// They are the keyboard's and the careful user's alternative to dragging.
import { inject } from 'vue';
import { t } from '../../i18n.js';
import DesignIcon from './DesignIcon.js';

export default {
  name: 'NodeTools',
  components: { DesignIcon },
  props: { id: { type: String, required: true }, horizontal: Boolean, copy: { type: Boolean, default: true } },
  setup() {
    return { t, designer: inject('designer') };
  },
  template: /* html */ `
    <span class="node-tools" @click.stop>
      <button type="button" class="node-tool" data-test="move-up" :title="t(horizontal ? 'design.moveLeft' : 'design.moveUp')"
              @click="designer.moveBy(id, -1)"><DesignIcon :name="horizontal ? 'left' : 'up'" /></button>
      <button type="button" class="node-tool" data-test="move-down" :title="t(horizontal ? 'design.moveRight' : 'design.moveDown')"
              @click="designer.moveBy(id, 1)"><DesignIcon :name="horizontal ? 'right' : 'down'" /></button>
      <button v-if="copy" type="button" class="node-tool" data-test="duplicate" :title="t('design.duplicate')"
              @click="designer.duplicate(id)"><DesignIcon name="copy" /></button>
      <button type="button" class="node-tool node-tool-danger" data-test="remove" :title="t('design.remove')"
              @click="designer.remove(id)"><DesignIcon name="remove" /></button>
    </span>`,
};
