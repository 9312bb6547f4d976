// An approval task (#/tasks/{taskId}): the record as the task may show it (hidden fields gone, the fields the step
// may change open), the actions allowed now with a comment and attachments, then the timeline and the diagram.
// An approval sends the changed values with the record version they were made on; when someone else acted first
// (409 flow.task_gone) the user is told so and sent back to the inbox.
import { ref, computed, watch } from 'vue';
import { api, ApiFailure } from '../../api.js';
import { t, localName, formatDate } from '../../i18n.js';
import { route, navigate, href } from '../../router.js';
import { writable, clone } from '../../records.js';
import { rememberDisplays } from '../../names.js';
import { orderedActions, commentMissing, actionLabel, defaultReturnTarget, isOverdue } from '../../flow.js';
import { applyAccess, changedMembers, splitProblems } from '../../flowView.js';
import { showToast } from '../../toast.js';
import { formView } from '../records/formView.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import PageLayout from '../../components/PageLayout.js';
import RecordForm from '../../components/RecordForm.js';
import CommentBox from '../../components/flow/CommentBox.js';
import UserPicker from '../../components/flow/UserPicker.js';
import StatusBadge from '../../components/flow/StatusBadge.js';
import FlowPanel from '../../components/flow/FlowPanel.js';

export default {
  name: 'TaskPage',
  components: { ErrorBox, ModalDialog, PageLayout, RecordForm, CommentBox, UserPicker, StatusBadge, FlowPanel },
  setup() {
    const taskId = computed(() => route.value.params.taskId);
    const task = ref(null);
    const view = ref(null);
    const instance = ref(null);
    const record = ref({});
    const error = ref(null);
    const comment = ref('');
    const attachments = ref([]);
    const commentProblem = ref('');
    const fieldErrors = ref([]);
    const busy = ref(false);
    const dialog = ref(null);
    const dialogError = ref(null);
    const target = ref(null);
    const users = ref([]);

    const shown = computed(() => (view.value && task.value ? applyAccess(view.value.definition, task.value.access || {}) : null));
    const actions = computed(() => orderedActions(task.value?.actions));
    const editing = computed(() => Boolean(shown.value?.editable.length) && actions.value.some(a => a.values));
    const overdue = computed(() => task.value && isOverdue(task.value));
    const recordLink = computed(() => task.value && href('apps', task.value.app, 'form', task.value.form, String(task.value.recordId)));

    async function load() {
      task.value = null;
      view.value = null;
      instance.value = null;
      error.value = null;
      fieldErrors.value = [];
      commentProblem.value = '';
      try {
        const loaded = await api.get(`/api/flow/tasks/${encodeURIComponent(taskId.value)}`);
        // The task carries the form as its step shows it; an approver may not be granted the form itself.
        view.value = loaded.formView || await formView(loaded.app, loaded.form);
        rememberDisplays(loaded.app, view.value.definition, [loaded.record || {}]);
        record.value = clone(loaded.record || {});
        task.value = loaded;
      } catch (failure) {
        error.value = failure;
        return;
      }
      api.get(`/api/flow/instances/${encodeURIComponent(task.value.instanceId)}`)
        .then(found => { instance.value = found; })
        .catch(() => { instance.value = { instanceId: task.value.instanceId, timeline: [], nodes: [], actions: [] }; });
    }
    watch(taskId, id => {
      comment.value = '';
      attachments.value = [];
      if (id) load();
    }, { immediate: true });

    /** The edits made on an approval: only editable members that changed, as the records API takes them. */
    function changedValues() {
      const form = shown.value.form;
      const readOnly = shown.value.readOnly;
      return changedMembers(writable(form, task.value.record || {}, readOnly), writable(form, record.value, readOnly));
    }

    function choose(action) {
      commentProblem.value = '';
      if (commentMissing(action.name, comment.value)) {
        commentProblem.value = t('flow.commentRequired', { action: actionLabel(action.name, t) });
        return;
      }
      if (action.dialog) {
        dialog.value = action;
        dialogError.value = null;
        target.value = defaultReturnTarget(task.value.returnTargets);
        users.value = [];
      } else {
        send(action);
      }
    }

    function body(action) {
      const out = { comment: comment.value.trim(), attachments: attachments.value.map(file => file.id) };
      if (action.target) out.target = target.value;
      if (action.user === 'one') out.user = users.value[0]?.username;
      if (action.user === 'many') out.users = users.value.map(person => person.username);
      if (action.values && editing.value) {
        const values = changedValues();
        if (Object.keys(values).length) {
          out.values = values;
          out.version = task.value.record.version;
        }
      }
      return out;
    }

    async function send(action) {
      busy.value = true;
      error.value = null;
      dialogError.value = null;
      fieldErrors.value = [];
      try {
        await api.post(`/api/flow/tasks/${encodeURIComponent(taskId.value)}/actions/${encodeURIComponent(action.name)}`, body(action));
        dialog.value = null;
        if (action.stays) {
          showToast(t('flow.claimed'));
          await load();
        } else {
          showToast(t('flow.done', { action: actionLabel(action.name, t), title: task.value.title }));
          navigate('/inbox/todo');
        }
      } catch (failure) {
        if (failure.status === 409 && failure.code === 'flow.task_gone') {
          showToast(t('flow.taskGone'), 'warn');
          navigate('/inbox/todo');
          return;
        }
        if (failure.status === 422) {
          const { fields, others } = splitProblems(failure.problems);
          fieldErrors.value = fields;
          const rest = new ApiFailure({ status: failure.status, code: failure.code, message: failure.message, errors: others });
          if (dialog.value && others.length) dialogError.value = rest;
          else {
            dialog.value = null;
            error.value = rest;
          }
        } else if (dialog.value) {
          dialogError.value = failure;
        } else {
          error.value = failure;
        }
      } finally {
        busy.value = false;
      }
    }

    /** An edit takes back the server's complaint about the field it changed. */
    function edited(next) {
      const changed = new Set(Object.keys(next).filter(key => JSON.stringify(next[key]) !== JSON.stringify(record.value[key])));
      fieldErrors.value = fieldErrors.value.filter(problem => !changed.has(problem.pointer.split('/')[1]));
      record.value = next;
    }

    const dialogReady = computed(() => {
      const action = dialog.value;
      if (!action) return false;
      if (action.target) return Boolean(target.value);
      if (action.user) return users.value.length > 0;
      return true;
    });
    const errorHint = computed(() => {
      if (!error.value) return '';
      if (error.value.status === 404 && !task.value) return t('flow.taskMissing');
      return '';
    });
    return { t, localName, formatDate, task, view, instance, record, error, errorHint, comment, attachments, commentProblem,
      fieldErrors, busy, dialog, dialogError, dialogReady, target, users, shown, actions, editing, overdue, recordLink,
      choose, send, load, edited, actionLabel };
  },
  template: /* html */ `
    <PageLayout>
      <section class="task-page" data-test="task-page">
        <a class="back-link" href="#/inbox/todo">‹ {{ t('flow.backToInbox') }}</a>
        <ErrorBox :error="error" :hint="errorHint" />
        <template v-if="task && shown">
          <div class="page-header">
            <div>
              <h1 data-test="task-title">{{ task.title }}</h1>
              <p class="muted small task-info">{{ t('flow.taskInfo', { form: localName(view.definition.name, task.form), node: task.node ? task.node.name || task.node.id : '', at: formatDate(task.createdAt) }) }}
                <span v-if="task.dueAt" :class="{ 'overdue-text': overdue }"> · {{ t('flow.dueAt', { at: formatDate(task.dueAt) }) }}</span>
                <span v-if="overdue" class="badge tone-bad" data-test="overdue">{{ t('inbox.overdue') }}</span></p>
            </div>
            <div class="page-actions"><StatusBadge :status="task.status" data-test="workflow-status" />
              <a class="button button-small" :href="recordLink">{{ t('flow.record') }}</a></div>
          </div>
          <p v-if="task.delegated" class="alert alert-info">{{ t('flow.delegatedHint') }}</p>
          <p v-if="task.candidate" class="alert alert-info">{{ t('flow.candidateHint') }}</p>
          <div class="panel">
            <p v-if="editing" class="muted small">{{ t('flow.editableHint') }}</p>
            <RecordForm :form="shown.form" :model-value="record" :errors="fieldErrors" :readonly="!editing" :read-only-keys="shown.readOnly"
                        :app="task.app" @update:model-value="edited" />
          </div>
          <div class="panel decision" data-test="decision">
            <CommentBox v-if="actions.some(a => a.comment !== 'none')" v-model:comment="comment" v-model:attachments="attachments"
                        :placeholder="t('flow.commentPlaceholder')" :problem="commentProblem" />
            <div class="decision-actions" data-test="actions">
              <button v-for="action in actions" :key="action.name" type="button" class="button" :disabled="busy"
                      :class="{ 'button-primary': action.style === 'primary', 'button-danger-ghost': action.style === 'danger' }"
                      :data-test="'action-' + action.name" @click="choose(action)">{{ actionLabel(action.name, t) }}</button>
            </div>
          </div>
          <FlowPanel v-if="instance" :flow="instance" @changed="load" />
        </template>
        <p v-else-if="!error" class="muted">{{ t('common.loading') }}</p>
      </section>
      <ModalDialog v-if="dialog" :title="actionLabel(dialog.name, t)" @close="dialog = null">
        <div data-test="action-dialog" :data-action="dialog.name">
          <p v-if="dialog.name === 'reject'" class="alert alert-error">{{ t('flow.rejectWarning') }}</p>
          <label v-if="dialog.target" class="field">
            <span class="field-label">{{ t('flow.returnTo') }}</span>
            <select v-model="target" data-test="return-target">
              <option v-for="option in task.returnTargets || []" :key="option.id" :value="option.id">{{ option.name || option.id }}</option>
            </select>
          </label>
          <div v-if="dialog.user" class="field">
            <span class="field-label">{{ dialog.user === 'many' ? t('flow.chooseUsers') : t('flow.chooseUser') }}</span>
            <UserPicker v-model="users" :multiple="dialog.user === 'many'" />
          </div>
          <p v-if="comment.trim()" class="flow-comment">{{ comment.trim() }}</p>
          <ErrorBox :error="dialogError" />
          <div class="form-actions">
            <button type="button" class="button" @click="dialog = null">{{ t('common.cancel') }}</button>
            <button type="button" class="button" :class="dialog.style === 'danger' ? 'button-danger' : 'button-primary'"
                    :disabled="busy || !dialogReady" data-test="confirm-action" @click="send(dialog)">{{ t('flow.confirm', { action: actionLabel(dialog.name, t) }) }}</button>
          </div>
        </div>
      </ModalDialog>
    </PageLayout>`,
};
