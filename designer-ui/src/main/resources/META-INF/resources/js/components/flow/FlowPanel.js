// Where a workflow stands, for the instance page and the record page: the steps waiting now and with whom,
// withdraw and urge when the API offers them to this user, the timeline and the diagram.
import { ref } from 'vue';
import { api } from '../../api.js';
import { t } from '../../i18n.js';
import { userName, actionLabel } from '../../flow.js';
import { showToast } from '../../toast.js';
import CommentDialog from './CommentDialog.js';
import FlowTimeline from './FlowTimeline.js';
import FlowDiagram from './FlowDiagram.js';

const DONE_MESSAGE = { withdraw: 'flow.withdrawn', urge: 'flow.urged' };

export default {
  name: 'FlowPanel',
  components: { CommentDialog, FlowTimeline, FlowDiagram },
  props: {
    /** {instanceId, status, nodes, actions, timeline} as the instance and record-workflow endpoints give them. */
    flow: { type: Object, required: true },
  },
  emits: ['changed'],
  setup(props, { emit }) {
    const asking = ref(null);
    const busy = ref(false);
    const error = ref(null);
    const offered = action => (props.flow.actions || []).includes(action) && props.flow.instanceId;

    function ask(action) {
      error.value = null;
      asking.value = action;
    }
    async function send({ comment, attachments }) {
      busy.value = true;
      error.value = null;
      try {
        const action = asking.value;
        await api.post(`/api/flow/instances/${encodeURIComponent(props.flow.instanceId)}/${action}`, { comment, attachments });
        asking.value = null;
        showToast(t(DONE_MESSAGE[action]));
        emit('changed');
      } catch (failure) {
        error.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { t, asking, busy, error, offered, ask, send, userName, actionLabel };
  },
  template: /* html */ `
    <div class="flow-panel">
      <div v-if="(flow.nodes && flow.nodes.length) || offered('withdraw') || offered('urge')" class="panel flow-now" data-test="current-nodes">
        <div class="flow-now-head">
          <h2>{{ t('flow.currentNodes') }}</h2>
          <div class="page-actions">
            <button v-if="offered('urge')" type="button" class="button button-small" data-test="urge" @click="ask('urge')">{{ actionLabel('urge', t) }}</button>
            <button v-if="offered('withdraw')" type="button" class="button button-small button-danger-ghost" data-test="withdraw" @click="ask('withdraw')">{{ actionLabel('withdraw', t) }}</button>
          </div>
        </div>
        <ul class="flow-nodes">
          <li v-for="node in flow.nodes" :key="node.id" :data-node="node.id">
            <span class="chip">{{ node.name || node.id }}</span>
            <span class="muted small">{{ t('flow.assignees') }}:</span>
            <span data-test="assignees">{{ node.assignees && node.assignees.length ? node.assignees.map(userName).join(t('flow.listSeparator')) : t('flow.noAssignee') }}</span>
          </li>
        </ul>
      </div>
      <div class="flow-columns">
        <section class="panel">
          <h2>{{ t('flow.timeline') }}</h2>
          <FlowTimeline :entries="flow.timeline || []" />
        </section>
        <section v-if="flow.instanceId" class="panel">
          <h2>{{ t('flow.diagram') }}</h2>
          <FlowDiagram :instance-id="flow.instanceId" />
        </section>
      </div>
      <CommentDialog v-if="asking" :title="actionLabel(asking, t)" :confirm-label="t('flow.confirm', { action: actionLabel(asking, t) })"
                     :busy="busy" :error="error" @confirm="send" @close="asking = null" />
    </div>`,
};
