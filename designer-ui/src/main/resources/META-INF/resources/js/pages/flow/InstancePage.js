// One workflow instance (#/instances/{id}): which record it is about, where it stands, with whom, what happened and
// the diagram; withdraw and urge when the API offers them to this user.
import { ref, computed, watch } from 'vue';
import { api, attempt } from '../../api.js';
import { t, formatDate } from '../../i18n.js';
import { route, href } from '../../router.js';
import { userName } from '../../flow.js';
import ErrorBox from '../../components/ErrorBox.js';
import PageLayout from '../../components/PageLayout.js';
import StatusBadge from '../../components/flow/StatusBadge.js';
import FlowPanel from '../../components/flow/FlowPanel.js';

export default {
  name: 'InstancePage',
  components: { ErrorBox, PageLayout, StatusBadge, FlowPanel },
  setup() {
    const instanceId = computed(() => route.value.params.instanceId);
    const instance = ref(null);
    const error = ref(null);

    async function load() {
      error.value = null;
      await attempt(error, async () => {
        instance.value = await api.get(`/api/flow/instances/${encodeURIComponent(instanceId.value)}`);
      });
    }
    watch(instanceId, id => {
      instance.value = null;
      if (id) load();
    }, { immediate: true });

    const recordLink = computed(() => instance.value
      && href('apps', instance.value.app, 'form', instance.value.form, String(instance.value.recordId)));
    return { t, formatDate, instance, error, load, recordLink, userName };
  },
  template: /* html */ `
    <PageLayout>
      <section class="instance-page" data-test="instance-page">
        <a class="back-link" href="#/inbox">‹ {{ t('flow.backToInbox') }}</a>
        <ErrorBox :error="error" :hint="error && error.status === 404 ? t('flow.unavailable') : ''" />
        <template v-if="instance">
          <div class="page-header">
            <div>
              <h1 data-test="instance-title">{{ instance.title }}</h1>
              <p class="muted small">{{ t('flow.initiator') }}: {{ userName(instance.initiator) }} · {{ t('flow.startedAt', { at: formatDate(instance.startedAt) }) }}
                <template v-if="instance.endedAt"> · {{ t('flow.endedAt', { at: formatDate(instance.endedAt) }) }}</template></p>
            </div>
            <div class="page-actions"><StatusBadge :status="instance.status" data-test="workflow-status" />
              <a class="button button-small" :href="recordLink" data-test="instance-record">{{ t('flow.record') }}</a></div>
          </div>
          <FlowPanel :flow="instance" @changed="load" />
        </template>
        <p v-else-if="!error" class="muted">{{ t('common.loading') }}</p>
      </section>
    </PageLayout>`,
};
