// Template packs: upload a zip, preview the dry-run plan, confirm to apply; export any app as a zip.
import { ref, onMounted } from 'vue';
import { api, uploadFile, downloadFile, attempt } from '../../api.js';
import { t, zhEnName } from '../../i18n.js';
import ErrorBox from '../../components/ErrorBox.js';
import AdminLayout from '../../components/AdminLayout.js';
import UiIcon from '../../components/UiIcon.js';

export default {
  name: 'PacksPage',
  components: { ErrorBox, AdminLayout, UiIcon },
  setup() {
    const file = ref(null);
    const progress = ref(null);
    const stage = ref('choose'); // choose → previewed → applied
    const plan = ref(null);
    const error = ref(null);
    const busy = ref(false);
    const apps = ref([]);
    const appsError = ref(null);
    const fileInput = ref(null);

    async function loadApps() {
      await attempt(appsError, async () => {
        apps.value = await api.get('/api/apps');
      });
    }
    onMounted(loadApps);

    function choose(event) {
      file.value = event.target.files[0] || null;
      stage.value = 'choose';
      plan.value = null;
      error.value = null;
      progress.value = null;
    }
    async function send(dryRun) {
      busy.value = true;
      error.value = null;
      progress.value = 0;
      try {
        plan.value = await uploadFile(`/api/packs/import${dryRun ? '?dryRun=true' : ''}`, file.value, fraction => {
          progress.value = fraction;
        });
        stage.value = dryRun ? 'previewed' : 'applied';
        if (!dryRun) loadApps();
      } catch (failure) {
        error.value = failure;
        progress.value = null;
      } finally {
        busy.value = false;
      }
    }
    function reset() {
      file.value = null;
      plan.value = null;
      stage.value = 'choose';
      progress.value = null;
      fileInput.value.value = '';
    }
    const roleLabel = role => (typeof role === 'string' ? role : role.key);
    const exporting = ref(null);
    async function download(app) {
      appsError.value = null;
      exporting.value = app.key;
      try {
        await downloadFile(`/api/apps/${encodeURIComponent(app.key)}/export`, `${app.key}-${app.version}.zip`);
      } catch (failure) {
        appsError.value = failure;
      } finally {
        exporting.value = null;
      }
    }
    const percent = () => Math.round((progress.value || 0) * 100);
    // On an upgrade most definitions are unchanged: the counts say at a glance what the import touches.
    const changeCounts = () => {
      const counts = {};
      for (const change of plan.value.changes) counts[change.change] = (counts[change.change] || 0) + 1;
      return ['add', 'update', 'unchanged', 'kept'].filter(kind => counts[kind]).map(kind => ({ kind, count: counts[kind] }));
    };
    return { t, zhEnName, file, progress, stage, plan, error, busy, apps, appsError, fileInput, choose, send, reset,
      roleLabel, exporting, download, percent, changeCounts };
  },
  template: /* html */ `
    <AdminLayout :title="t('nav.packs')">
      <section class="panel">
        <h2>{{ t('packs.importTitle') }}</h2>
        <p class="muted">{{ t('packs.importIntro') }}</p>
        <div class="upload-row">
          <label class="file-picker">
            <input ref="fileInput" type="file" name="pack" accept=".zip,application/zip" @change="choose">
            <span class="button"><UiIcon name="file" /> {{ t('packs.chooseFile') }}</span>
            <span class="file-name">{{ file ? file.name : t('packs.noFile') }}</span>
          </label>
          <button type="button" class="button button-primary" data-test="preview-pack" :disabled="!file || busy || stage !== 'choose'" @click="send(true)"><UiIcon name="upload" /> {{ t('packs.preview') }}</button>
        </div>
        <div v-if="progress !== null" class="progress">
          <div class="progress-label"><span>{{ progress < 1 ? t('packs.uploading', { percent: percent() }) : (busy ? t('packs.processing') : t('packs.uploaded')) }}</span><span>{{ percent() }}%</span></div>
          <div class="progress-track" role="progressbar" :aria-valuenow="percent()" aria-valuemin="0" aria-valuemax="100">
            <div class="progress-bar" :style="{ width: percent() + '%' }"></div></div>
        </div>
        <ErrorBox :error="error" />

        <div v-if="plan" class="plan" :data-stage="stage">
          <div v-if="stage === 'applied'" class="alert alert-success" data-test="pack-applied">
            {{ t(plan.mode === 'upgrade' ? 'packs.upgraded' : 'packs.installed', { app: plan.app, version: plan.toVersion }) }}
          </div>
          <h3>{{ stage === 'previewed' ? t('packs.planTitle') : t('packs.appliedTitle') }}</h3>
          <dl class="facts">
            <div><dt>{{ t('packs.app') }}</dt><dd>{{ zhEnName(plan) }} <code>{{ plan.app }}</code></dd></div>
            <div><dt>{{ t('packs.mode') }}</dt><dd><span class="badge" :class="'mode-' + plan.mode">{{ t('packs.mode.' + plan.mode) }}</span></dd></div>
            <div><dt>{{ t('packs.version') }}</dt><dd>{{ plan.fromVersion || '—' }} → <strong>{{ plan.toVersion }}</strong></dd></div>
            <div><dt>{{ t('packs.roles') }}</dt><dd><span v-for="role in plan.roles" :key="roleLabel(role)" class="chip">{{ roleLabel(role) }}</span><span v-if="!plan.roles || !plan.roles.length">—</span></dd></div>
          </dl>
          <p class="change-counts" data-test="change-counts"><span v-for="c in changeCounts()" :key="c.kind" class="badge" :class="'change-' + c.kind">{{ t('packs.change.' + c.kind) }} {{ c.count }}</span></p>
          <div class="table-wrap">
            <table class="table" data-test="plan-changes">
              <thead><tr><th>{{ t('packs.kind') }}</th><th>{{ t('packs.key') }}</th><th class="hide-narrow">{{ t('packs.file') }}</th>
                <th>{{ t('packs.change') }}</th><th class="hide-narrow">{{ t('packs.note') }}</th></tr></thead>
              <tbody><tr v-for="change in plan.changes" :key="change.kind + '/' + change.key">
                <td>{{ t('kind.' + change.kind) }}</td><td><code>{{ change.key }}</code></td>
                <td class="hide-narrow muted">{{ change.file }}</td>
                <td><span class="badge" :class="'change-' + change.change">{{ t('packs.change.' + change.change) }}</span>
                  <details v-if="change.ddl && change.ddl.length" class="ddl" :data-ddl="change.key"><summary>{{ t('packs.ddl', { count: change.ddl.length }) }}</summary>
                    <pre><code v-for="(statement, i) in change.ddl" :key="i">{{ statement }}</code></pre></details></td>
                <td class="hide-narrow muted">{{ change.note }}</td></tr></tbody>
            </table>
          </div>
          <div class="form-actions">
            <button type="button" class="button button-ghost" data-test="reset-pack" @click="reset">{{ stage === 'applied' ? t('packs.another') : t('common.cancel') }}</button>
            <button v-if="stage === 'previewed'" type="button" class="button button-primary" data-test="confirm-pack" :disabled="busy" @click="send(false)">{{ t('packs.confirm') }}</button>
          </div>
        </div>
      </section>

      <section class="panel">
        <h2>{{ t('packs.exportTitle') }}</h2>
        <ErrorBox :error="appsError" />
        <ul class="export-list">
          <li v-for="app in apps" :key="app.key" :data-export="app.key">
            <span><strong>{{ zhEnName(app) }}</strong> <span class="muted">{{ app.key }} · {{ app.version ? 'v' + app.version : t('launcher.unpublished') }}</span></span>
            <button type="button" class="button button-small" data-test="export-pack" :disabled="!app.version || exporting === app.key" :title="app.version ? '' : t('packs.exportNeedsPublish')" @click="download(app)"><UiIcon name="download" :size="14" /> {{ t('packs.download') }}</button>
          </li>
          <li v-if="apps.length === 0" class="muted">{{ t('packs.noApps') }}</li>
        </ul>
      </section>
    </AdminLayout>`,
};
