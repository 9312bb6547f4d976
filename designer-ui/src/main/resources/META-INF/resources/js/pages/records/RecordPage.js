// One record: create, view, edit (with live formulas and the server's validation as you type), delete with an
// undo, the field history, and its approval workflow when the form has one (status, submit, where it stands). Saving sends only what the user may write; an edit names the version it started
// from, so a concurrent change is reported instead of overwritten.
import { ref, computed, watch, onBeforeUnmount } from 'vue';
import { api, attempt, ApiFailure } from '../../api.js';
import { t, localName, locale, formatDate } from '../../i18n.js';
import { href, navigate } from '../../router.js';
import { writable, blankRecord, display, clone } from '../../records.js';
import { nameOf, rememberDisplays } from '../../names.js';
import { formView, recordsPath } from './formView.js';
import { needsPreview, previewRequest, withPreview } from '../../serverPreview.js';
import ErrorBox from '../../components/ErrorBox.js';
import ConfirmButton from '../../components/ConfirmButton.js';
import RecordForm from '../../components/RecordForm.js';
import StatusBadge from '../../components/flow/StatusBadge.js';
import CommentDialog from '../../components/flow/CommentDialog.js';
import FlowPanel from '../../components/flow/FlowPanel.js';
import { showToast } from '../../toast.js';
import { statusOf } from '../../flow.js';

const CHECK_DELAY_MS = 400;

export default {
  name: 'RecordPage',
  components: { ErrorBox, ConfirmButton, RecordForm, StatusBadge, CommentDialog, FlowPanel },
  props: { app: { type: String, required: true }, formKey: { type: String, required: true }, id: { type: String, required: true } },
  setup(props) {
    const view = ref(null);
    const error = ref(null);
    const stored = ref(null);
    const record = ref({});
    const editing = ref(false);
    const saving = ref(false);
    const checked = ref([]);
    /** Defaults the server's preview filled in, by pointer (see serverPreview.js). */
    let filled = {};
    const saveErrors = ref([]);
    const touched = ref(new Set());
    const tab = ref('details');
    const history = ref(null);
    const stale = ref(false);
    const deleted = ref(null);
    const workflow = ref(null);
    const submitting = ref(false);
    const submitBusy = ref(false);
    const submitError = ref(null);
    let timer;

    const isNew = computed(() => props.id === 'new');
    const form = computed(() => view.value?.definition);
    const may = action => view.value?.actions.includes(action);
    const flowStatus = computed(() => workflow.value?.status ?? stored.value?.workflow_status ?? null);
    // In approval a record changes only through its task, and once approved not at all (PATCH answers 409
    // flow.in_approval).
    const locked = computed(() => flowStatus.value === 'in_approval' || flowStatus.value === 'approved');
    const maySubmit = computed(() => Boolean(workflow.value?.actions?.includes('submit')));
    // A draft of a form without a workflow is just a record: its status is shown once it could be submitted.
    const showStatus = computed(() => statusOf(flowStatus.value) !== 'draft' || maySubmit.value);
    const listLink = computed(() => href('apps', props.app, 'form', props.formKey));
    const heading = computed(() => {
      if (!form.value) return props.formKey;
      if (isNew.value) return t('record.newTitle', { form: localName(form.value.name, props.formKey) });
      const title = form.value.titleField && stored.value?.[form.value.titleField];
      return title ? String(title) : `${localName(form.value.name, props.formKey)} #${props.id}`;
    });
    // Until the first save attempt only the fields the user has touched show the server's complaints.
    const errors = computed(() => [...saveErrors.value, ...checked.value.filter(e => touched.value.has(e.pointer.split('/')[1]))]);
    const dirty = computed(() => editing.value && JSON.stringify(record.value) !== JSON.stringify(stored.value || blankRecord(form.value)));
    const path = computed(() => recordsPath(props.app, props.formKey));

    async function load() {
      view.value = null;
      error.value = null;
      history.value = null;
      saveErrors.value = [];
      checked.value = [];
      filled = {};
      touched.value = new Set();
      stale.value = false;
      deleted.value = null;
      tab.value = 'details';
      await attempt(error, async () => {
        view.value = await formView(props.app, props.formKey);
        if (isNew.value) {
          stored.value = null;
          record.value = blankRecord(form.value);
          editing.value = true;
        } else {
          stored.value = await api.get(`${path.value}/${encodeURIComponent(props.id)}`);
          rememberDisplays(props.app, form.value, [stored.value]);
          record.value = clone(stored.value);
          editing.value = false;
        }
      });
      await loadWorkflow();
    }

    /** The record's workflow; a form without one (or a server without workflows) leaves the page as it was. */
    async function loadWorkflow() {
      workflow.value = null;
      if (isNew.value || !stored.value) return;
      try {
        workflow.value = await api.get(`${path.value}/${encodeURIComponent(props.id)}/workflow`);
      } catch {
        workflow.value = null;
      }
    }

    async function submit({ comment, attachments }) {
      submitBusy.value = true;
      submitError.value = null;
      try {
        await api.post(`${path.value}/${encodeURIComponent(props.id)}/submit`, { comment, attachments });
        submitting.value = false;
        showToast(t('flow.submitted'));
        // The submit answers only the instance; its rules may have changed the record (a status field), so read both.
        await flowChanged();
      } catch (failure) {
        submitError.value = failure;
      } finally {
        submitBusy.value = false;
      }
    }
    async function flowChanged() {
      await attempt(error, async () => {
        stored.value = await api.get(`${path.value}/${encodeURIComponent(props.id)}`);
        record.value = clone(stored.value);
      });
      await loadWorkflow();
    }
    watch(() => [props.app, props.formKey, props.id], load, { immediate: true });

    function changed(next) {
      for (const key of Object.keys(next)) {
        if (JSON.stringify(next[key]) !== JSON.stringify(record.value[key])) touched.value.add(key);
      }
      touched.value = new Set(touched.value);
      record.value = next;
      saveErrors.value = saveErrors.value.filter(e => !touched.value.has(e.pointer.split('/')[1]));
      clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    }

    /** Asks the server whether the record as it now stands would be accepted; the answer is only shown. */
    async function check() {
      const sent = JSON.stringify(record.value);
      if (needsPreview(form.value)) preview(sent);
      try {
        await api.post(`/api/apps/${encodeURIComponent(props.app)}/forms/${encodeURIComponent(props.formKey)}/validate?locale=${locale.value}`,
          writable(form.value, record.value));
        if (sent === JSON.stringify(record.value)) checked.value = [];
      } catch (failure) {
        if (failure instanceof ApiFailure && failure.status === 422 && sent === JSON.stringify(record.value)) {
          checked.value = failure.problems;
        }
      }
    }

    /**
     * Shows what only the server computes while the record is filled in (a line's price from the price list), as the
     * save will compute it; an answer to a record that has changed since is dropped.
     */
    async function preview(sent) {
      try {
        const answer = await api.post(`/api/apps/${encodeURIComponent(props.app)}/forms/${encodeURIComponent(props.formKey)}/preview?locale=${locale.value}`,
          writable(form.value, previewRequest(form.value, record.value, filled)));
        if (sent !== JSON.stringify(record.value)) return;
        const next = withPreview(form.value, record.value, answer.values || {}, filled);
        filled = next.filled;
        if (JSON.stringify(next.record) !== sent) record.value = next.record;
      } catch {
        // Only a convenience: the save computes the same values and names any problem.
      }
    }

    async function save() {
      saving.value = true;
      error.value = null;
      try {
        if (isNew.value) {
          const created = await api.post(`${path.value}?locale=${locale.value}`, writable(form.value, record.value, view.value.readOnly));
          stored.value = created;
          editing.value = false;
          navigate(`/apps/${props.app}/form/${props.formKey}/${created.id}`);
        } else {
          const before = writable(form.value, stored.value, view.value.readOnly);
          const after = writable(form.value, record.value, view.value.readOnly);
          const patch = Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
          const updated = await api.patch(`${path.value}/${encodeURIComponent(props.id)}?locale=${locale.value}`, { ...patch, version: stored.value.version });
          rememberDisplays(props.app, form.value, [updated]);
          stored.value = updated;
          record.value = clone(updated);
          editing.value = false;
          history.value = null;
        }
        saveErrors.value = [];
        checked.value = [];
      } catch (failure) {
        if (failure.status === 422) {
          saveErrors.value = failure.problems;
          touched.value = new Set(form.value.fields.map(f => f.key));
        } else if (failure.status === 409) {
          stale.value = true;
        }
        error.value = failure;
      } finally {
        saving.value = false;
      }
    }

    function edit() {
      record.value = clone(stored.value);
      editing.value = true;
    }
    function cancel() {
      if (isNew.value) {
        navigate(`/apps/${props.app}/form/${props.formKey}`);
        return;
      }
      record.value = clone(stored.value);
      editing.value = false;
      saveErrors.value = [];
      checked.value = [];
      error.value = null;
    }
    async function remove() {
      await attempt(error, async () => {
        await api.del(`${path.value}/${encodeURIComponent(props.id)}?version=${stored.value.version}`);
        deleted.value = stored.value;
      });
    }
    async function restore() {
      await attempt(error, async () => {
        stored.value = await api.post(`${path.value}/${encodeURIComponent(props.id)}/restore`);
        record.value = clone(stored.value);
        deleted.value = null;
      });
    }
    async function showHistory() {
      tab.value = 'history';
      if (history.value) return;
      await attempt(error, async () => {
        history.value = (await api.get(`${path.value}/${encodeURIComponent(props.id)}/history`)).slice().reverse();
      });
    }
    const fieldOf = key => form.value.fields.find(f => f.key === key);
    const label = key => (fieldOf(key) ? localName(fieldOf(key).label, key) : key);
    const shown = (key, value) => {
      const field = fieldOf(key);
      if (!field) return value === null ? '' : JSON.stringify(value);
      return display(field, value, (f, id) => nameOf(props.app, f, id));
    };
    const who = id => nameOf(props.app, { type: 'user' }, id) ?? `#${id}`;
    const onLeave = event => {
      if (dirty.value) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onLeave);
    onBeforeUnmount(() => {
      window.removeEventListener('beforeunload', onLeave);
      clearTimeout(timer);
    });

    return { t, localName, formatDate, view, error, stored, record, editing, saving, errors, isNew, form, may,
      listLink, heading, changed, save, edit, cancel, remove, restore, tab, history, showHistory, label, shown, who,
      stale, load, deleted, workflow, flowStatus, showStatus, locked, maySubmit, submitting, submitBusy, submitError, submit, flowChanged };
  },
  template: /* html */ `
    <section class="record-page" data-test="record-page">
      <a class="back-link" :href="listLink">‹ {{ form ? localName(form.name, formKey) : formKey }}</a>
      <div class="page-header">
        <div class="title-row"><h1 data-test="record-title">{{ heading }}</h1>
          <StatusBadge v-if="stored && showStatus" :status="flowStatus" data-test="workflow-status" /></div>
        <div class="page-actions" v-if="view && !deleted">
          <template v-if="editing">
            <button type="button" class="button" @click="cancel">{{ t('common.cancel') }}</button>
            <button type="button" class="button button-primary" :disabled="saving" data-test="save-record" @click="save">{{ saving ? t('record.saving') : t('common.save') }}</button>
          </template>
          <template v-else-if="stored">
            <ConfirmButton v-if="may('delete') && !locked" :label="t('record.delete')" data-test="delete-record" @confirm="remove" />
            <button v-if="may('update') && !locked" type="button" class="button" :class="{ 'button-primary': !maySubmit }" data-test="edit-record" @click="edit">{{ t('record.edit') }}</button>
            <button v-if="maySubmit" type="button" class="button button-primary" data-test="submit-record" @click="submitError = null; submitting = true">{{ t('flow.action.submit') }}</button>
          </template>
        </div>
      </div>
      <div v-if="deleted" class="alert alert-success" data-test="deleted-banner">
        <div class="alert-title">{{ t('record.deleted') }}</div>
        <div class="form-actions"><a class="button" :href="listLink">{{ t('record.backToList') }}</a>
          <button type="button" class="button button-primary" data-test="restore-record" @click="restore">{{ t('record.restore') }}</button></div>
      </div>
      <ErrorBox :error="error" :hint="stale ? t('record.staleHint') : ''" />
      <div v-if="stale" class="form-actions"><button type="button" class="button" @click="load">{{ t('record.reload') }}</button></div>
      <template v-if="view && form && !deleted && (isNew || stored)">
        <div v-if="!isNew" class="tabs" role="tablist">
          <button type="button" role="tab" class="tab" :class="{ active: tab === 'details' }" @click="tab = 'details'">{{ t('record.details') }}</button>
          <button type="button" role="tab" class="tab" :class="{ active: tab === 'history' }" data-test="history-tab" @click="showHistory">{{ t('record.history') }}</button>
        </div>
        <div v-show="tab === 'details'" class="panel">
          <RecordForm :form="form" :model-value="record" :errors="errors" :readonly="!editing" :read-only-keys="view.readOnly"
                      :app="app" @update:model-value="changed" />
          <p v-if="stored" class="muted small record-meta">{{ t('record.meta', { created: formatDate(stored.created_at), updated: formatDate(stored.updated_at), version: stored.version }) }}</p>
        </div>
        <FlowPanel v-if="tab === 'details' && !editing && workflow && workflow.instanceId" :flow="workflow" data-test="record-workflow" @changed="flowChanged" />
        <div v-if="tab === 'history'" class="panel" data-test="history">
          <p v-if="history && !history.length" class="muted">{{ t('record.noHistory') }}</p>
          <ol v-if="history" class="history">
            <li v-for="(change, i) in history" :key="i">
              <div class="history-head"><strong>{{ label(change.field) }}</strong>
                <span class="muted small">{{ who(change.changedBy) }} · {{ formatDate(change.changedAt) }}</span></div>
              <div class="history-change"><span class="old-value">{{ shown(change.field, change.oldValue) || '—' }}</span>
                <span aria-hidden="true">→</span><span class="new-value">{{ shown(change.field, change.newValue) || '—' }}</span></div>
            </li>
          </ol>
        </div>
      </template>
      <CommentDialog v-if="submitting" :title="t('flow.submitTitle')" :confirm-label="t('flow.action.submit')" :busy="submitBusy"
                     :error="submitError" @confirm="submit" @close="submitting = false" />
    </section>`,
};
