// What a designer says above its body: why the definition did not load (with a retry), what the last save or
// publish did, and the server's refusal — or, for an accepted draft, its warnings — with the designer's own list of
// problems (the default slot), each pointing where the designer can show it.
import { t } from '../../i18n.js';

export default {
  name: 'DesignerMessages',
  props: {
    loadFailure: { type: Object, default: null },
    notice: { type: Object, default: null },
    failure: { type: Object, default: null },
    /** The title of the box when there is no refusal but warnings to list; none shows no box. */
    warningsTitle: { type: String, default: null },
  },
  emits: ['retry', 'close'],
  setup() {
    return { t };
  },
  template: /* html */ `
    <div v-if="loadFailure" class="designer-message">
      <div class="alert alert-error" role="alert"><div class="alert-title"><span class="badge badge-error">{{ loadFailure.status }}</span>{{ loadFailure.message }}</div></div>
      <button type="button" class="button" @click="$emit('retry')">{{ t('design.retry') }}</button>
    </div>
    <div v-if="notice" class="designer-notice alert alert-success" data-test="notice" :data-notice="notice.kind" role="status">{{ notice.text }}</div>
    <div v-if="failure || warningsTitle" class="designer-problems alert" :class="failure ? 'alert-error' : 'alert-warning'" data-test="problems" role="alert">
      <div class="alert-title"><template v-if="failure"><span class="badge badge-error">{{ failure.status }}</span>{{ failure.message }}</template>
        <template v-else>{{ warningsTitle }}</template>
        <button v-if="failure" type="button" class="link-button designer-problems-close" @click="$emit('close')">{{ t('common.close') }}</button></div>
      <slot></slot>
    </div>`,
};
