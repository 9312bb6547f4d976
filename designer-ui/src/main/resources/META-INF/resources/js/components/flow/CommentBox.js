// A comment with attachments, as every workflow action takes them: the files are uploaded as they are chosen
// (POST /api/flow/attachments) and the action then names their ids.
import { ref } from 'vue';
import { uploadFile } from '../../api.js';
import { t } from '../../i18n.js';
import ErrorBox from '../ErrorBox.js';

export default {
  name: 'CommentBox',
  components: { ErrorBox },
  props: {
    comment: { type: String, default: '' },
    /** [{id, name}] already uploaded. */
    attachments: { type: Array, default: () => [] },
    placeholder: { type: String, default: '' },
    /** A complaint about the comment itself (e.g. required to reject), shown under it. */
    problem: { type: String, default: '' },
  },
  emits: ['update:comment', 'update:attachments'],
  setup(props, { emit }) {
    const uploading = ref(null);
    const error = ref(null);
    async function choose(event) {
      const files = [...event.target.files];
      event.target.value = '';
      error.value = null;
      let attached = [...props.attachments];
      for (const file of files) {
        uploading.value = 0;
        try {
          const stored = await uploadFile('/api/flow/attachments', file, fraction => { uploading.value = fraction; });
          attached = [...attached, { id: stored.id, name: stored.name || file.name }];
          emit('update:attachments', attached);
        } catch (failure) {
          error.value = failure;
        }
      }
      uploading.value = null;
    }
    const remove = id => emit('update:attachments', props.attachments.filter(file => file.id !== id));
    return { t, uploading, error, choose, remove };
  },
  template: /* html */ `
    <div class="comment-box">
      <label class="field">
        <span class="field-label">{{ t('flow.comment') }}</span>
        <textarea name="comment" rows="3" data-test="comment" :value="comment" :placeholder="placeholder"
                  :aria-invalid="problem ? 'true' : null" @input="$emit('update:comment', $event.target.value)"></textarea>
        <p v-if="problem" class="field-error" data-test="comment-error">{{ problem }}</p>
      </label>
      <div class="comment-files">
        <label class="button button-small">
          <input type="file" multiple class="visually-hidden" data-test="attach" @change="choose">
          + {{ t('flow.attach') }}
        </label>
        <span v-if="uploading !== null" class="muted small">{{ t('flow.uploading') }} {{ Math.round(uploading * 100) }}%</span>
        <span v-for="file in attachments" :key="file.id" class="file-chip" data-test="attachment">{{ file.name }}
          <button type="button" class="icon-button" :aria-label="t('record.remove')" @click="remove(file.id)">×</button></span>
      </div>
      <ErrorBox :error="error" />
    </div>`,
};
