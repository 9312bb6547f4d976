// Design home of one app (#/design/{app}): its form definitions, where each stands between draft and published
// version, and "New form", which asks for a key and names and opens the form designer on the new form; below, its
// processes, and "New process", which saves a starter process bound to a published form and opens the process designer;
// then its rule sets and decision tables, and "New" for each, which saves a starter draft on a form and opens its designer;
// last its reports (each on a dataset, an existing one or a new one over a form), dashboards and datasets.
import { ref, computed, watch } from 'vue';
import { api, attempt } from '../../api.js';
import { t, localName, zhEnName, formatDate } from '../../i18n.js';
import { route, href, navigate } from '../../router.js';
import { KEY_PATTERN } from '../../designer/fieldTypes.js';
import { appForms, rememberNewForm, inAppMenu, addToAppMenu } from '../../designer/appForms.js';
import { appFlows, createProcess } from '../../designer/appFlows.js';
import { appDefinitions, createDefinition } from '../../designer/appRules.js';
import { createReport, createDashboard } from '../../designer/appReports.js';
import ErrorBox from '../../components/ErrorBox.js';
import ModalDialog from '../../components/ModalDialog.js';
import PageLayout from '../../components/PageLayout.js';
import UiIcon from '../../components/UiIcon.js';

export default {
  name: 'DesignHomePage',
  components: { ErrorBox, ModalDialog, PageLayout, UiIcon },
  setup() {
    const appKey = computed(() => route.value.params.app);
    const app = ref(null);
    const forms = ref(null);
    const error = ref(null);
    const creating = ref(null);
    // Designing a form does not grant its records: the link shows only where the analyst may read them.
    const readable = ref(new Set());
    const inMenu = ref(null);
    const dashboardsInMenu = ref(null);
    const adding = ref(null);
    const flows = ref(null);
    const newProcess = ref(null);
    const processError = ref(null);

    watch(appKey, async key => {
      app.value = null;
      forms.value = null;
      error.value = null;
      await attempt(error, async () => {
        [app.value, forms.value] = await Promise.all([api.get(`/api/apps/${encodeURIComponent(key)}`), appForms(key)]);
      });
      const published = (forms.value || []).filter(form => form.publishedVersion != null);
      const answers = await Promise.all(published.map(form => api.get(`/api/apps/${encodeURIComponent(key)}/forms/`
        + `${encodeURIComponent(form.key)}`).then(() => form.key, () => null)));
      readable.value = new Set(answers.filter(Boolean));
      inMenu.value = await inAppMenu(key).catch(() => null);
      dashboardsInMenu.value = await inAppMenu(key, 'dashboard').catch(() => null);
    }, { immediate: true });
    /**
     * Rule sets (kind `rules`), decision tables (`decision`), reports and dashboards, each with the route of its
     * designer and what a new one starts from (`source`): a form, a dataset (or a form for a new one), a report.
     * Datasets are made and changed in the report designer, so their list has no designer and no "New".
     */
    const ruleKinds = [
      { kind: 'rules', route: 'rules', title: 'rules.homeTitle', intro: 'rules.homeIntro', add: 'rules.newRuleSet', none: 'rules.noRuleSets', source: 'form' },
      { kind: 'decision', route: 'decisions', title: 'decision.homeTitle', intro: 'decision.homeIntro', add: 'decision.newTable', none: 'decision.noTables', source: 'form' },
      { kind: 'report', route: 'reports', title: 'report.homeTitle', intro: 'report.homeIntro', add: 'report.new', none: 'report.none', source: 'dataset' },
      { kind: 'dashboard', route: 'dashboards', title: 'dashboard.homeTitle', intro: 'dashboard.homeIntro', add: 'dashboard.new', none: 'dashboard.none', source: 'report' },
      { kind: 'dataset', route: null, title: 'dataset.homeTitle', intro: 'dataset.homeIntro', none: 'dataset.none', source: 'form' },
    ];
    const ruleLists = ref({});
    const newRuleDefinition = ref(null);
    const ruleError = ref(null);
    watch(appKey, async key => {
      ruleLists.value = {};
      await attempt(error, async () => {
        const lists = await Promise.all(ruleKinds.map(entry => appDefinitions(key, entry.kind)));
        ruleLists.value = Object.fromEntries(ruleKinds.map((entry, i) => [entry.kind, lists[i]]));
      });
    }, { immediate: true });
    const ruleKeyProblem = computed(() => {
      const key = newRuleDefinition.value?.key || '';
      if (!key) return null;
      if (!KEY_PATTERN.test(key)) return t('design.key.pattern');
      if (ruleLists.value[newRuleDefinition.value.kind.kind]?.some(item => item.key === key)) return t('rules.exists');
      // A report over a form gets a new dataset of its own key.
      const newDataset = newRuleDefinition.value.kind.kind === 'report' && newRuleDefinition.value.form.startsWith('form:');
      return newDataset && ruleLists.value.dataset?.some(item => item.key === key) ? t('report.datasetExists') : null;
    });
    function startNewRuleDefinition(entry) {
      ruleError.value = null;
      newRuleDefinition.value = { kind: entry, key: '', zh: '', en: '', form: forms.value?.length === 1 && entry.source === 'form' ? forms.value[0].key : '' };
    }
    /** What the new definition starts from: for a report `dataset:<key>` or `form:<key>`, for a dashboard a report key. */
    function start(kind, key, name, form) {
      if (kind.kind === 'report') {
        const [what, which] = form.split(':');
        return createReport(appKey.value, key, name, what === 'form' ? { form: which } : { dataset: which });
      }
      if (kind.kind === 'dashboard') return createDashboard(appKey.value, key, name, form);
      return createDefinition(appKey.value, kind.kind, key, name, forms.value.find(candidate => candidate.key === form));
    }
    async function createRuleDefinition() {
      const { kind, key, zh, en, form } = newRuleDefinition.value;
      if (!key || ruleKeyProblem.value || !zh.trim() || !en.trim() || !form) return;
      if (await attempt(ruleError, () => start(kind, key, { 'zh-CN': zh.trim(), en: en.trim() }, form))) {
        navigate(`/design/${encodeURIComponent(appKey.value)}/${kind.route}/${encodeURIComponent(key)}`);
      }
    }
    watch(appKey, async key => {
      flows.value = null;
      await attempt(error, async () => {
        flows.value = await appFlows(key);
      });
    }, { immediate: true });

    const keyProblem = computed(() => {
      const key = creating.value?.key || '';
      if (!key) return null;
      if (!KEY_PATTERN.test(key)) return t('design.key.pattern');
      return forms.value?.some(form => form.key === key) ? t('design.formExists') : null;
    });
    function startCreating() {
      creating.value = { key: '', zh: '', en: '' };
    }
    function create() {
      const { key, zh, en } = creating.value;
      if (!key || keyProblem.value || !zh.trim() || !en.trim()) return;
      rememberNewForm(appKey.value, key, { 'zh-CN': zh.trim(), en: en.trim() });
      navigate(`/design/${encodeURIComponent(appKey.value)}/forms/${encodeURIComponent(key)}`);
    }
    /** Gives a published form or dashboard its menu entry in the app (and its place in the manifest), then shows it there. */
    async function addToMenu(form, kind = 'form') {
      adding.value = form.key;
      const added = await attempt(error, () => addToAppMenu(appKey.value, form, kind));
      adding.value = null;
      const listed = kind === 'form' ? inMenu : dashboardsInMenu;
      if (added) listed.value = new Set([...listed.value, form.key]);
      else if (error.value?.code === 'manifest.draft') error.value = { message: t('design.manifestDraft') };
    }
    const publishedForms = computed(() => (forms.value || []).filter(form => form.publishedVersion != null));
    const processKeyProblem = computed(() => {
      const key = newProcess.value?.key || '';
      if (!key) return null;
      if (!KEY_PATTERN.test(key)) return t('design.key.pattern');
      return flows.value?.some(flow => flow.key === key) ? t('flow.processExists') : null;
    });
    function startNewProcess() {
      processError.value = null;
      newProcess.value = { key: '', name: '', form: publishedForms.value.length === 1 ? publishedForms.value[0].key : '' };
    }
    async function createNewProcess() {
      const { key, name, form } = newProcess.value;
      if (!key || processKeyProblem.value || !name.trim() || !form) return;
      if (await attempt(processError, () => createProcess(appKey.value, key, name.trim(), form))) {
        navigate(`/design/${encodeURIComponent(appKey.value)}/flows/${encodeURIComponent(key)}`);
      }
    }
    function formName(key) {
      const form = (forms.value || []).find(candidate => candidate.key === key);
      return form ? localName(form.name, key) : key;
    }
    function status(form) {
      if (form.publishedVersion == null) return { text: t('design.status.draftOnly'), css: 'change-update' };
      if (form.hasDraft) return { text: t('design.status.publishedWithDraft', { n: form.publishedVersion }), css: 'change-update' };
      return { text: t('design.status.published', { n: form.publishedVersion }), css: 'badge-ok' };
    }
    return {
      t, localName, zhEnName, formatDate, href, appKey, app, forms, error, creating, keyProblem, startCreating, create, status,
      readable, inMenu, dashboardsInMenu, adding, addToMenu, flows, newProcess, processError, processKeyProblem, publishedForms, startNewProcess,
      createNewProcess, formName, ruleKinds, ruleLists, newRuleDefinition, ruleError, ruleKeyProblem, startNewRuleDefinition,
      createRuleDefinition,
    };
  },
  template: /* html */ `
    <PageLayout>
      <a class="sidebar-back design-back" :href="href('apps', appKey)"><UiIcon name="back" :size="14" /> {{ app ? zhEnName(app) : appKey }}</a>
      <div class="page-header" data-test="design-home">
        <div><h1>{{ t('design.homeTitle', { app: app ? zhEnName(app) : appKey }) }}</h1>
          <p class="muted page-subtitle">{{ t('design.homeIntro') }}</p></div>
        <div class="page-actions">
          <button type="button" class="button button-primary" data-test="new-form" :disabled="!forms" @click="startCreating">+ {{ t('design.newForm') }}</button>
        </div>
      </div>
      <ErrorBox :error="error" />
      <p v-if="!forms && !error" class="muted">{{ t('common.loading') }}</p>
      <div v-else-if="forms && forms.length" class="table-wrap">
        <table class="table" data-test="form-list">
          <thead><tr><th>{{ t('design.formName') }}</th><th>{{ t('design.formKey') }}</th><th>{{ t('design.state') }}</th>
            <th class="hide-narrow">{{ t('design.changed') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="form in forms" :key="form.key" :data-form="form.key">
              <td><a :href="href('design', appKey, 'forms', form.key)"><strong>{{ localName(form.name, form.key) }}</strong></a>
                <span class="muted small"> · {{ t('design.fieldCount', { n: form.fields.length }) }}</span>
                <span v-if="inMenu && inMenu.has(form.key)" class="muted small" :data-test="'in-menu-' + form.key"> · {{ t('design.inMenu') }}</span></td>
              <td><code>{{ form.key }}</code></td>
              <td><span class="badge" :class="status(form).css">{{ status(form).text }}</span></td>
              <td class="hide-narrow muted small">{{ formatDate(form.updatedAt) }} · {{ form.updatedBy }}</td>
              <td class="row-actions">
                <button v-if="inMenu && form.publishedVersion != null && !inMenu.has(form.key)" type="button"
                        class="button button-small button-ghost" :disabled="adding === form.key" :data-test="'add-menu-' + form.key"
                        @click="addToMenu(form)">+ {{ t('design.addToMenu') }}</button>
                <a v-if="readable.has(form.key)" class="button button-small button-ghost" :data-test="'records-' + form.key"
                   :href="href('apps', appKey, 'form', form.key)">{{ t('design.records') }}</a>
                <a class="button button-small" :href="href('design', appKey, 'forms', form.key)">{{ t('design.open') }}</a></td>
            </tr>
          </tbody>
        </table>
      </div>
      <div v-else-if="forms" class="empty panel">
        <p>{{ t('design.noForms') }}</p>
        <button type="button" class="button button-primary" @click="startCreating">+ {{ t('design.newForm') }}</button>
      </div>

      <div class="page-header design-section" data-test="process-home">
        <div><h2>{{ t('flow.processes') }}</h2><p class="muted page-subtitle">{{ t('flow.processesIntro') }}</p></div>
        <div class="page-actions">
          <button type="button" class="button" data-test="new-process" :disabled="!flows || !forms" @click="startNewProcess">+ {{ t('flow.newProcess') }}</button>
        </div>
      </div>
      <div v-if="flows && flows.length" class="table-wrap">
        <table class="table" data-test="process-list">
          <thead><tr><th>{{ t('flow.processName') }}</th><th>{{ t('flow.processKey') }}</th><th>{{ t('flow.startForm') }}</th>
            <th>{{ t('design.state') }}</th><th class="hide-narrow">{{ t('design.changed') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="flow in flows" :key="flow.key" :data-process="flow.key">
              <td><a :href="href('design', appKey, 'flows', flow.key)"><strong>{{ flow.name || flow.key }}</strong></a></td>
              <td><code>{{ flow.key }}</code></td>
              <td>{{ formName(flow.form) }}</td>
              <td><span class="badge" :class="status(flow).css">{{ status(flow).text }}</span></td>
              <td class="hide-narrow muted small">{{ formatDate(flow.updatedAt) }} · {{ flow.updatedBy }}</td>
              <td class="row-actions"><a class="button button-small" :href="href('design', appKey, 'flows', flow.key)">{{ t('design.open') }}</a></td>
            </tr>
          </tbody>
        </table>
      </div>
      <p v-else-if="flows" class="empty-line muted">{{ t('flow.noProcesses') }}</p>

      <template v-for="entry in ruleKinds" :key="entry.kind">
        <div class="page-header design-section" :data-test="entry.kind + '-home'">
          <div><h2>{{ t(entry.title) }}</h2><p class="muted page-subtitle">{{ t(entry.intro) }}</p></div>
          <div class="page-actions">
            <button v-if="entry.add" type="button" class="button" :data-test="'new-' + entry.kind"
                    :disabled="!ruleLists[entry.kind] || !forms || (entry.source === 'report' && !(ruleLists.report || []).length)"
                    @click="startNewRuleDefinition(entry)">+ {{ t(entry.add) }}</button>
          </div>
        </div>
        <div v-if="ruleLists[entry.kind] && ruleLists[entry.kind].length" class="table-wrap">
          <table class="table" :data-test="entry.kind + '-list'">
            <thead><tr><th>{{ t('rules.name') }}</th><th>{{ t('rules.key') }}</th><th>{{ t(entry.kind === 'report' ? 'report.dataset' : entry.kind === 'dashboard' ? '' : 'rules.form') }}</th>
              <th>{{ t('design.state') }}</th><th class="hide-narrow">{{ t('design.changed') }}</th><th></th></tr></thead>
            <tbody>
              <tr v-for="item in ruleLists[entry.kind]" :key="item.key" :data-key="item.key">
                <td><a v-if="entry.route" :href="href('design', appKey, entry.route, item.key)"><strong>{{ localName(item.name, item.key) }}</strong></a>
                  <strong v-else>{{ localName(item.name, item.key) }}</strong></td>
                <td><code>{{ item.key }}</code></td>
                <td>{{ item.form ? formName(item.form) : item.dataset }}</td>
                <td><span class="badge" :class="status(item).css">{{ status(item).text }}</span></td>
                <td class="hide-narrow muted small">{{ formatDate(item.updatedAt) }} · {{ item.updatedBy }}</td>
                <td class="row-actions">
                  <button v-if="entry.kind === 'dashboard' && dashboardsInMenu && item.publishedVersion != null && !dashboardsInMenu.has(item.key)" type="button"
                          class="button button-small button-ghost" :disabled="adding === item.key" :data-test="'add-menu-' + item.key"
                          @click="addToMenu(item, 'dashboard')">+ {{ t('design.addToMenu') }}</button>
                  <a v-if="entry.kind === 'dashboard' && item.publishedVersion != null" class="button button-small button-ghost"
                     :href="href('apps', appKey, 'dashboards', item.key)" :data-test="'view-' + item.key">{{ t('dashboard.view') }}</a>
                  <a v-if="entry.route" class="button button-small" :href="href('design', appKey, entry.route, item.key)">{{ t('design.open') }}</a></td>
              </tr>
            </tbody>
          </table>
        </div>
        <p v-else-if="ruleLists[entry.kind]" class="empty-line muted">{{ t(entry.none) }}</p>
      </template>

      <ModalDialog v-if="newRuleDefinition" :title="t(newRuleDefinition.kind.add)" @close="newRuleDefinition = null">
        <form data-test="new-rule-dialog" @submit.prevent="createRuleDefinition">
          <ErrorBox :error="ruleError" />
          <label class="field"><span>{{ t('rules.key') }}</span>
            <input name="key" v-model.trim="newRuleDefinition.key" autocomplete="off" spellcheck="false"
                   :placeholder="({ rules: 'order_checks', decision: 'rebate_rate', report: 'dealer_ranking', dashboard: 'sales_overview' })[newRuleDefinition.kind.kind]"
                   :aria-invalid="ruleKeyProblem ? 'true' : null" autofocus>
            <small v-if="ruleKeyProblem" class="prop-error">{{ ruleKeyProblem }}</small>
            <small v-else class="muted">{{ t('design.keyHint') }}</small></label>
          <div class="form-grid">
            <label class="field"><span>{{ t('rules.name') }} · 中文</span><input name="nameZh" v-model="newRuleDefinition.zh" lang="zh-CN"></label>
            <label class="field"><span>{{ t('rules.name') }} · English</span><input name="nameEn" v-model="newRuleDefinition.en" lang="en"></label>
          </div>
          <label v-if="newRuleDefinition.kind.source === 'form'" class="field"><span>{{ t('rules.form') }}</span>
            <select name="form" v-model="newRuleDefinition.form">
              <option value="" disabled>{{ t('flow.chooseForm') }}</option>
              <option v-for="form in forms" :key="form.key" :value="form.key">{{ localName(form.name, form.key) }} ({{ form.key }})</option>
            </select></label>
          <label v-else-if="newRuleDefinition.kind.source === 'dataset'" class="field"><span>{{ t('report.dataset') }}</span>
            <select name="form" v-model="newRuleDefinition.form">
              <option value="" disabled>{{ t('report.chooseDataset') }}</option>
              <optgroup :label="t('report.newDatasetFrom')">
                <option v-for="form in forms" :key="form.key" :value="'form:' + form.key">{{ localName(form.name, form.key) }} ({{ form.key }})</option>
              </optgroup>
              <optgroup v-if="(ruleLists.dataset || []).length" :label="t('dataset.homeTitle')">
                <option v-for="d in ruleLists.dataset" :key="d.key" :value="'dataset:' + d.key">{{ localName(d.name, d.key) }} ({{ d.key }})</option>
              </optgroup>
            </select></label>
          <label v-else class="field"><span>{{ t('dashboard.firstReport') }}</span>
            <select name="form" v-model="newRuleDefinition.form">
              <option value="" disabled>{{ t('dashboard.chooseReport') }}</option>
              <option v-for="r in ruleLists.report" :key="r.key" :value="r.key">{{ localName(r.name, r.key) }} ({{ r.key }})</option>
            </select></label>
          <div class="form-actions">
            <button type="button" class="button button-ghost" @click="newRuleDefinition = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary"
                    :disabled="!newRuleDefinition.key || !!ruleKeyProblem || !newRuleDefinition.zh.trim() || !newRuleDefinition.en.trim() || !newRuleDefinition.form">{{ t('design.createAndOpen') }}</button>
          </div>
        </form>
      </ModalDialog>

      <ModalDialog v-if="newProcess" :title="t('flow.newProcess')" @close="newProcess = null">
        <form data-test="new-process-dialog" @submit.prevent="createNewProcess">
          <ErrorBox :error="processError" />
          <label class="field"><span>{{ t('flow.processKey') }}</span>
            <input name="key" v-model.trim="newProcess.key" autocomplete="off" spellcheck="false" placeholder="order_approval"
                   :aria-invalid="processKeyProblem ? 'true' : null" autofocus>
            <small v-if="processKeyProblem" class="prop-error">{{ processKeyProblem }}</small>
            <small v-else class="muted">{{ t('design.keyHint') }}</small></label>
          <label class="field"><span>{{ t('flow.processName') }}</span><input name="name" v-model="newProcess.name"></label>
          <label class="field"><span>{{ t('flow.startForm') }}</span>
            <select name="form" v-model="newProcess.form">
              <option value="" disabled>{{ t('flow.chooseForm') }}</option>
              <option v-for="form in publishedForms" :key="form.key" :value="form.key">{{ localName(form.name, form.key) }} ({{ form.key }})</option>
            </select>
            <small v-if="!publishedForms.length" class="prop-error">{{ t('flow.noPublishedForms') }}</small></label>
          <div class="form-actions">
            <button type="button" class="button button-ghost" @click="newProcess = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary" :disabled="!newProcess.key || !!processKeyProblem || !newProcess.name.trim() || !newProcess.form">{{ t('design.createAndOpen') }}</button>
          </div>
        </form>
      </ModalDialog>

      <ModalDialog v-if="creating" :title="t('design.newForm')" @close="creating = null">
        <form data-test="new-form-dialog" @submit.prevent="create">
          <label class="field"><span>{{ t('rules.key') }}</span>
            <input name="key" v-model.trim="creating.key" autocomplete="off" spellcheck="false" placeholder="order"
                   :aria-invalid="keyProblem ? 'true' : null" autofocus>
            <small v-if="keyProblem" class="prop-error">{{ keyProblem }}</small>
            <small v-else class="muted">{{ t('design.keyHint') }}</small></label>
          <div class="form-grid">
            <label class="field"><span>{{ t('design.formName') }} · 中文</span><input name="nameZh" v-model="creating.zh" lang="zh-CN"></label>
            <label class="field"><span>{{ t('design.formName') }} · English</span><input name="nameEn" v-model="creating.en" lang="en"></label>
          </div>
          <div class="form-actions">
            <button type="button" class="button button-ghost" @click="creating = null">{{ t('common.cancel') }}</button>
            <button type="submit" class="button button-primary" :disabled="!creating.key || !!keyProblem || !creating.zh.trim() || !creating.en.trim()">{{ t('design.createAndOpen') }}</button>
          </div>
        </form>
      </ModalDialog>
    </PageLayout>`,
};
