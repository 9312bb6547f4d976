// The bar over every designer: back to the design home, the definition's name and standing (the default slot),
// anything the designer adds between (the `views` slot), and undo, redo, save draft and publish.
import { t } from '../../i18n.js';
import DesignIcon from './DesignIcon.js';
import UiIcon from '../UiIcon.js';

export default {
  name: 'DesignerBar',
  components: { DesignIcon, UiIcon },
  props: {
    backHref: { type: String, required: true },
    backTitle: { type: String, required: true },
    canUndo: Boolean,
    canRedo: Boolean,
    maySave: Boolean,
    mayPublish: Boolean,
  },
  emits: ['undo', 'redo', 'save', 'publish'],
  setup() {
    return { t };
  },
  template: /* html */ `
    <div class="designer-bar">
      <a class="designer-back" :href="backHref" :title="backTitle"><UiIcon name="back" :size="16" /></a>
      <div class="designer-name"><slot></slot></div>
      <slot name="views"></slot>
      <div class="designer-actions">
        <button type="button" class="icon-button" data-test="undo" :title="t('design.undo') + ' (Ctrl+Z)'" :disabled="!canUndo" @click="$emit('undo')"><DesignIcon name="undo" /></button>
        <button type="button" class="icon-button" data-test="redo" :title="t('design.redo') + ' (Ctrl+Y)'" :disabled="!canRedo" @click="$emit('redo')"><DesignIcon name="redo" /></button>
        <button type="button" class="button" data-test="save-draft" :disabled="!maySave" @click="$emit('save')">{{ t('design.saveDraft') }}</button>
        <button type="button" class="button button-primary" data-test="publish" :disabled="!mayPublish" @click="$emit('publish')">{{ t('design.publish') }}</button>
      </div>
    </div>`,
};
