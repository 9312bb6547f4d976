// The process diagram of one workflow instance (GET /api/flow/instances/{id}/diagram) in the bpmn-js viewer,
// the steps waiting now marked as active and the steps done as completed. The element keeps the marked ids in
// `data-active` / `data-completed` once drawn, for tests.
import { ref, watch, onBeforeUnmount, onMounted } from 'vue';
import { api } from '../../api.js';
import { t } from '../../i18n.js';
import { loadBpmn } from '../../bpmnLoader.js';

export default {
  name: 'FlowDiagram',
  props: { instanceId: { type: String, required: true } },
  setup(props) {
    const canvas = ref(null);
    const failed = ref(false);
    const drawn = ref(null);
    let viewer = null;

    async function draw() {
      failed.value = false;
      drawn.value = null;
      try {
        const [diagram, BpmnJS] = await Promise.all([
          api.get(`/api/flow/instances/${encodeURIComponent(props.instanceId)}/diagram`), loadBpmn('viewer')]);
        viewer?.destroy();
        viewer = new BpmnJS({ container: canvas.value });
        await viewer.importXML(diagram.bpmn);
        const elements = viewer.get('elementRegistry');
        const board = viewer.get('canvas');
        const mark = (ids, marker) => (ids || []).filter(id => elements.get(id)).forEach(id => board.addMarker(id, marker));
        mark(diagram.completed, 'flow-completed');
        mark(diagram.active, 'flow-active');
        board.zoom('fit-viewport', 'auto');
        drawn.value = { active: (diagram.active || []).join(','), completed: (diagram.completed || []).join(',') };
      } catch {
        failed.value = true;
      }
    }
    onMounted(() => watch(() => props.instanceId, draw, { immediate: true }));
    onBeforeUnmount(() => viewer?.destroy());
    return { t, canvas, failed, drawn };
  },
  template: /* html */ `
    <div class="flow-diagram" data-test="diagram" :data-active="drawn ? drawn.active : null" :data-completed="drawn ? drawn.completed : null">
      <div v-show="!failed" ref="canvas" class="flow-diagram-canvas"></div>
      <p v-if="failed" class="muted" data-test="diagram-failed">{{ t('flow.diagramFailed') }}</p>
      <div v-if="drawn" class="flow-legend small muted">
        <span><i class="legend-swatch legend-active"></i>{{ t('flow.legend.active') }}</span>
        <span><i class="legend-swatch legend-completed"></i>{{ t('flow.legend.completed') }}</span>
      </div>
    </div>`,
};
