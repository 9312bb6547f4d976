// What the process designer asks of a bpmn-js modeler: the diagram as plain data for designer/flowBinding.js, the
// edits its property panel makes (through bpmn-js's modeling, so that they are undoable like any other), and the
// server's problems marked on the elements they are about.

/**
 * Flowable refuses a multi-instance task that names no collection, so the marker names one for the runtime to fill
 * with the assignees the binding resolves (`signers`, one per instance as `signer`): plain variable names, since
 * the process kind refuses expressions.
 */
const FLOWABLE_NS = 'http://flowable.org/bpmn';
const SIGNERS = { 'flowable:collection': 'signers', 'flowable:elementVariable': 'signer' };
const ERROR_MARKER = 'mo-error';
const CONDITION = 'mo-condition';

const isMultiInstance = bo => bo.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics';

/** The diagram as flowBinding.js reads it. */
export function describeDiagram(modeler) {
  const userTasks = [];
  const flows = [];
  const gateways = [];
  modeler.get('elementRegistry').forEach(element => {
    const bo = element.businessObject;
    if (element.type === 'label' || !bo) return;
    if (element.type === 'bpmn:UserTask') {
      userTasks.push({ id: bo.id, name: bo.name || '', multiInstance: isMultiInstance(bo) });
    } else if (element.type === 'bpmn:SequenceFlow') {
      flows.push({ id: bo.id, source: bo.sourceRef?.id, target: bo.targetRef?.id });
    } else if (element.type.endsWith('Gateway')) {
      gateways.push({ id: bo.id, type: element.type.replace('bpmn:', ''), default: bo.default?.id || null });
    }
  });
  return { userTasks, flows, gateways };
}

/** The selected element as the property panel shows it (null for the process itself). */
export function describeElement(element) {
  if (!element || element.type === 'label' && !element.labelTarget) return null;
  const target = element.labelTarget || element;
  const bo = target.businessObject;
  if (target.type === 'bpmn:Process' || target.type === 'bpmn:Collaboration') return null;
  return {
    id: bo.id,
    type: target.type.replace('bpmn:', ''),
    name: bo.name || '',
    multiInstance: isMultiInstance(bo),
    source: bo.sourceRef?.id || null,
    target: bo.targetRef?.id || null,
  };
}

export function processName(modeler) {
  return modeler.get('canvas').getRootElement().businessObject.name || '';
}

export function setProcessName(modeler, name) {
  const root = modeler.get('canvas').getRootElement();
  modeler.get('modeling').updateProperties(root, { name: name || undefined });
}

export function setName(modeler, id, name) {
  const element = modeler.get('elementRegistry').get(id);
  if (element) modeler.get('modeling').updateLabel(element, name || null);
}

/** Answers why `to` cannot be the element's new id, or null once it is. */
export function setId(modeler, id, to) {
  const registry = modeler.get('elementRegistry');
  if (to === id) return null;
  if (registry.get(to)) return 'taken';
  modeler.get('modeling').updateProperties(registry.get(id), { id: to });
  return null;
}

export function setMultiInstance(modeler, id, on) {
  const element = modeler.get('elementRegistry').get(id);
  const modeling = modeler.get('modeling');
  if (!on) {
    modeling.updateProperties(element, { loopCharacteristics: undefined });
    return;
  }
  const definitions = modeler.getDefinitions();
  if (!Object.values(definitions.$attrs).includes(FLOWABLE_NS)) definitions.$attrs['xmlns:flowable'] = FLOWABLE_NS;
  const loop = modeler.get('moddle').create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: false });
  Object.assign(loop.$attrs, SIGNERS);
  modeling.updateProperties(element, { loopCharacteristics: loop });
}

/** Makes the flow its gateway's default, or takes that away. */
export function setDefaultFlow(modeler, gatewayId, flowId, on) {
  const registry = modeler.get('elementRegistry');
  const flow = registry.get(flowId);
  modeler.get('modeling').updateProperties(registry.get(gatewayId), { default: on ? flow.businessObject : undefined });
}

/** A plain task does nothing in Flowable; an approval step is a user task. */
export function makeUserTask(modeler, id) {
  const element = modeler.get('elementRegistry').get(id);
  const replaced = modeler.get('bpmnReplace').replaceElement(element, { type: 'bpmn:UserTask' });
  modeler.get('selection').select(replaced);
}

export function select(modeler, id) {
  const element = id && modeler.get('elementRegistry').get(id);
  modeler.get('selection').select(element || null);
}

/**
 * Marks each element with problems red, with a badge whose tooltip holds the messages (the problem list and the
 * property panel show them in full); `problems` is `{id: [message]}`.
 */
export function markProblems(modeler, problems) {
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const registry = modeler.get('elementRegistry');
  overlays.remove({ type: ERROR_MARKER });
  registry.forEach(element => canvas.removeMarker(element.id, ERROR_MARKER));
  for (const [id, messages] of Object.entries(problems)) {
    const element = registry.get(id);
    if (!element) continue;
    canvas.addMarker(id, ERROR_MARKER);
    const badge = document.createElement('div');
    badge.className = 'mo-error-badge';
    badge.dataset.element = id;
    badge.textContent = messages.length > 1 ? String(messages.length) : '!';
    badge.title = messages.join('\n');
    overlays.add(id, ERROR_MARKER, { position: element.waypoints ? { top: -10, left: -10 } : { top: -9, right: 9 }, html: badge });
  }
}

/** Writes each condition beside its flow, since the BPMN holds none for bpmn-js to draw; `conditions` is `{flowId: text}`. */
export function showConditions(modeler, conditions) {
  const overlays = modeler.get('overlays');
  const registry = modeler.get('elementRegistry');
  overlays.remove({ type: CONDITION });
  for (const [id, text] of Object.entries(conditions)) {
    const flow = registry.get(id);
    if (!flow?.waypoints) continue;
    // Beside the flow's first leg, just after it leaves the gateway.
    const [from, to] = flow.waypoints;
    const chip = document.createElement('div');
    chip.className = 'mo-condition';
    chip.textContent = text;
    chip.title = text;
    const box = { x: Math.min(...flow.waypoints.map(p => p.x)), y: Math.min(...flow.waypoints.map(p => p.y)) };
    const horizontal = Math.abs(to.x - from.x) >= Math.abs(to.y - from.y);
    overlays.add(id, CONDITION, {
      position: { left: from.x - box.x + (horizontal ? 8 : 6), top: from.y - box.y + (horizontal ? -24 : 8) }, html: chip,
    });
  }
}
