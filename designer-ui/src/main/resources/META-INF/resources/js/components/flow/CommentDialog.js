// Asks for a comment (and attachments) before a workflow step that takes one: submit, withdraw, urge.
import { ref } from 'vue';
import { t } from '../../i18n.js';
import ModalDialog from '../ModalDialog.js';
import ErrorBox from '../ErrorBox.js';
import CommentBox from './CommentBox.js';

export default {
  name: 'CommentDialog',
  components: { ModalDialog, ErrorBox, CommentBox },
  props: {
    title: { type: String, required: true },
    confirmLabel: { type: String, required: true },
    busy: Boolean,
    error: { type: Object, default: null },
    note: { type: String, default: '' },
  },
  emits: ['confirm', 'close'],
  setup(props, { emit }) {
    const comment = ref('');
    const attachments = ref([]);
    const confirm = () => emit('confirm', { comment: comment.value.trim(), attachments: attachments.value.map(file => file.id) });
    return { t, comment, attachments, confirm };
  },
  template: /* html */ `
    <ModalDialog :title="title" @close="$emit('close')">
      <div data-test="comment-dialog">
        <p v-if="note" class="muted">{{ note }}</p>
        <CommentBox v-model:comment="comment" v-model:attachments="attachments" />
        <ErrorBox :error="error" />
        <div class="form-actions">
          <button type="button" class="button" @click="$emit('close')">{{ t('common.cancel') }}</button>
          <button type="button" class="button button-primary" :disabled="busy" data-test="confirm-comment" @click="confirm">{{ confirmLabel }}</button>
        </div>
      </div>
    </ModalDialog>`,
};
