// Imports a CSV or .xlsx file into a form's records: choose the file and the mode, upload it (upload progress),
// follow the import job the server runs (a progress bar polling it), then show how many records were created and
// offer the error report. Emits `done` with the finished job, `close` when dismissed (a running import goes on).
// `exportUrl` builds the address of an export of the same form's records, for a list page's export button.
import { ref, computed, onBeforeUnmount } from 'vue';
import { api, uploadFile, downloadFile, attempt } from '../api.js';
import { t, locale } from '../i18n.js';
import ModalDialog from './ModalDialog.js';
import ErrorBox from './ErrorBox.js';
import UiIcon from './UiIcon.js';

const POLL_MS = 800;
const MODES = ['all_or_nothing', 'valid_only'];

function formPath(app, form) {
  return `/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form)}`;
}

/**
 * The address of an export of a form's records the user may read: `format` csv or xlsx, `filters` as the list
 * API takes them (['amount:gt:100', …]), `sort` ('-due'), `columns` (field keys; all visible fields when empty).
 */
export function exportUrl(app, form, { format = 'xlsx', filters = [], sort, columns } = {}) {
  const params = new URLSearchParams({ format, locale: locale.value });
  filters.forEach(filter => params.append('filter', filter));
  if (sort) params.set('sort', sort);
  if (columns && columns.length) params.set('columns', columns.join(','));
  return `${formPath(app, form)}/export?${params}`;
}

export default {
  name: 'ImportDialog',
  props: { app: { type: String, required: true }, form: { type: String, required: true } },
  emits: ['done', 'close'],
  components: { ModalDialog, ErrorBox, UiIcon },
  setup(props, { emit }) {
    const file = ref(null);
    const mode = ref(MODES[0]);
    const stage = ref('choose'); // choose → uploading → running → finished
    const uploaded = ref(0);
    const job = ref(null);
    const error = ref(null);
    let timer = null;

    const jobPath = () => `${formPath(props.app, props.form)}/imports/${encodeURIComponent(job.value.id)}`;
    const percent = value => Math.round(Math.min(1, value) * 100);
    const processed = computed(() => (job.value && job.value.total ? job.value.processed / job.value.total : 0));

    function choose(event) {
      file.value = event.target.files[0] || null;
      error.value = null;
    }
    function finish() {
      stage.value = 'finished';
      emit('done', job.value);
    }
    function poll() {
      if (job.value.state !== 'running') {
        finish();
        return;
      }
      timer = setTimeout(async () => {
        const ok = await attempt(error, async () => {
          job.value = await api.get(jobPath());
        });
        if (ok) poll();
        else stage.value = 'finished';
      }, POLL_MS);
    }
    async function start() {
      error.value = null;
      uploaded.value = 0;
      stage.value = 'uploading';
      const params = new URLSearchParams({ mode: mode.value, locale: locale.value });
      try {
        job.value = await uploadFile(`${formPath(props.app, props.form)}/imports?${params}`, file.value, fraction => {
          uploaded.value = fraction;
        });
        stage.value = 'running';
        poll();
      } catch (failure) {
        error.value = failure;
        stage.value = 'choose';
      }
    }
    function again() {
      file.value = null;
      job.value = null;
      stage.value = 'choose';
    }
    const downloadErrors = () => attempt(error, () => downloadFile(`${jobPath()}/errors`, `${props.form}-import-errors.csv`));
    onBeforeUnmount(() => clearTimeout(timer));

    return { t, MODES, file, mode, stage, uploaded, job, error, processed, percent, choose, start, again, downloadErrors };
  },
  template: /* html */ `
    <ModalDialog :title="t('import.title')" @close="$emit('close')">
      <div class="import-dialog" data-test="import-dialog" :data-stage="stage">
        <template v-if="stage === 'choose' || stage === 'uploading'">
          <p class="muted">{{ t('import.intro') }}</p>
          <div class="upload-row">
            <label class="file-picker">
              <input type="file" name="records" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-test="import-file" :disabled="stage !== 'choose'" @change="choose">
              <span class="button"><UiIcon name="file" /> {{ t('import.chooseFile') }}</span>
              <span class="file-name">{{ file ? file.name : t('import.noFile') }}</span>
            </label>
          </div>
          <fieldset class="import-modes">
            <legend class="field-label">{{ t('import.mode') }}</legend>
            <label v-for="choice in MODES" :key="choice" class="check">
              <input type="radio" name="mode" :value="choice" v-model="mode" :data-test="'import-mode-' + choice" :disabled="stage !== 'choose'">
              <span><strong>{{ t('import.mode.' + choice) }}</strong> <span class="muted small">{{ t('import.modeHint.' + choice) }}</span></span>
            </label>
          </fieldset>
        </template>

        <div v-if="stage === 'uploading'" class="progress">
          <div class="progress-label"><span>{{ t('import.uploading') }}</span><span>{{ percent(uploaded) }}%</span></div>
          <div class="progress-track" role="progressbar" :aria-valuenow="percent(uploaded)" aria-valuemin="0" aria-valuemax="100">
            <div class="progress-bar" :style="{ width: percent(uploaded) + '%' }"></div></div>
        </div>

        <div v-if="stage === 'running' && job" class="progress" data-test="import-progress">
          <div class="progress-label"><span>{{ t('import.running', { processed: job.processed, total: job.total }) }}</span><span>{{ percent(processed) }}%</span></div>
          <div class="progress-track" role="progressbar" :aria-valuenow="percent(processed)" aria-valuemin="0" aria-valuemax="100">
            <div class="progress-bar" :style="{ width: percent(processed) + '%' }"></div></div>
        </div>

        <div v-if="stage === 'finished' && job" data-test="import-result" :data-state="job.state">
          <div v-if="job.state === 'failed'" class="alert alert-error">{{ t('import.stopped') }} {{ job.message }}</div>
          <div v-else-if="job.failed === 0" class="alert alert-success">{{ t('import.done', { created: job.created }) }}</div>
          <div v-else class="alert alert-error">
            {{ job.mode === 'all_or_nothing' ? t('import.nothingStored', { failed: job.failed }) : t('import.someFailed', { created: job.created, failed: job.failed }) }}
          </div>
          <dl class="facts">
            <div><dt>{{ t('import.total') }}</dt><dd>{{ job.total }}</dd></div>
            <div><dt>{{ t('import.created') }}</dt><dd data-test="import-created">{{ job.created }}</dd></div>
            <div><dt>{{ t('import.failed') }}</dt><dd data-test="import-failed">{{ job.failed }}</dd></div>
          </dl>
        </div>

        <ErrorBox :error="error" />

        <div class="form-actions">
          <template v-if="stage === 'finished'">
            <button v-if="job && job.failed > 0" type="button" class="button" data-test="import-errors" @click="downloadErrors"><UiIcon name="download" /> {{ t('import.downloadErrors') }}</button>
            <button type="button" class="button button-ghost" data-test="import-again" @click="again">{{ t('import.another') }}</button>
            <button type="button" class="button button-primary" @click="$emit('close')">{{ t('common.close') }}</button>
          </template>
          <template v-else>
            <button type="button" class="button button-ghost" @click="$emit('close')">{{ t('common.cancel') }}</button>
            <button type="button" class="button button-primary" data-test="import-start" :disabled="!file || stage !== 'choose'" @click="start"><UiIcon name="upload" /> {{ t('import.start') }}</button>
          </template>
        </div>
      </div>
    </ModalDialog>`,
};
