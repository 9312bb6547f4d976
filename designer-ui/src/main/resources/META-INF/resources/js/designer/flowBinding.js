// The process designer's model: the binding JSON (engine-flow's flow.schema.json) kept true to the BPMN diagram
// the modeler edits, and the small conversions its property panel needs. No DOM and no bpmn-js here: the page
// describes the diagram as plain data (designer/bpmnDiagram.js), so that Node can test all of it.
//
// A diagram is `{ userTasks: [{id, name, multiInstance}], flows: [{id, source, target}],
//                 gateways: [{id, type, default}] }`, `type` being bpmn-js's without the prefix (ExclusiveGateway).

export const ACTIONS = ['approve', 'reject', 'return', 'withdraw', 'transfer', 'delegate', 'add_signer_before',
  'add_signer_after', 'cc', 'urge'];
export const ASSIGNMENT_TYPES = ['initiator_manager', 'users', 'roles', 'candidates', 'initiator', 'org_manager', 'field_user',
  'dealer_users'];
export const OVERDUE_ACTIONS = ['remind', 'escalate', 'auto_approve', 'auto_reject'];
export const COUNTERSIGN_MODES = ['all', 'any', 'percentage'];
export const ACCESS = ['editable', 'read_only', 'hidden'];
export const ELEMENT_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,254}$/;

/** Everyone who starts a process has a manager chain, and `admin` exists on every installation. */
export function newTask(id) {
  return {
    id,
    assignment: { type: 'initiator_manager', levels: 1 },
    fallback: { type: 'user', user: 'admin' },
    actions: ['approve', 'reject', 'return'],
  };
}

export function newBinding(key, form) {
  return { key, process: key, form, startOn: 'submit', tasks: [], flows: [] };
}

/** Gateways that pick among their outgoing flows by condition: exclusive and inclusive ones with more than one. */
function choosing(diagram) {
  const outgoing = new Map();
  for (const flow of diagram.flows) outgoing.set(flow.source, [...(outgoing.get(flow.source) || []), flow.id]);
  return diagram.gateways
    .filter(gateway => ['ExclusiveGateway', 'InclusiveGateway'].includes(gateway.type) && (outgoing.get(gateway.id) || []).length > 1)
    .map(gateway => ({ ...gateway, outgoing: outgoing.get(gateway.id) }));
}

/**
 * What a sequence flow is to the binding: `'default'` (its gateway's default: no condition), `'conditional'` (it
 * needs a condition) or null (it takes none), with the gateway it leaves.
 */
export function flowRole(diagram, flowId) {
  const gateway = choosing(diagram).find(candidate => candidate.outgoing.includes(flowId));
  if (!gateway) return { role: null, gateway: null };
  return { role: gateway.default === flowId ? 'default' : 'conditional', gateway: gateway.id };
}

/** Flows that need a condition in the binding, in diagram order. */
export function conditionalFlows(diagram) {
  const gateways = choosing(diagram);
  return diagram.flows.map(flow => flow.id)
    .filter(id => gateways.some(gateway => gateway.outgoing.includes(id) && gateway.default !== id));
}

/**
 * Makes the binding fit the diagram: one task entry per user task (new ones get {@link newTask}), in diagram order;
 * conditions only on flows that take one. Countersigning follows the task's multi-instance marker. What the diagram
 * no longer holds goes into `memory` (`{tasks: {id: entry}, flows: {id: condition}}`), so that undoing a removal in
 * the modeler brings the task's settings back too. Changes `binding` in place and answers it.
 */
export function syncBinding(binding, diagram, memory = { tasks: {}, flows: {} }) {
  const tasks = new Map((binding.tasks || []).map(task => [task.id, task]));
  const userTaskIds = new Set(diagram.userTasks.map(task => task.id));
  for (const [id, task] of tasks) if (!userTaskIds.has(id)) memory.tasks[id] = task;
  binding.tasks = diagram.userTasks.map(({ id, multiInstance }) => {
    const task = tasks.get(id) || memory.tasks[id] || newTask(id);
    delete memory.tasks[id];
    if (!multiInstance) delete task.countersign;
    else if (!task.countersign) task.countersign = { mode: 'all' };
    return task;
  });
  const conditions = new Map((binding.flows || []).map(flow => [flow.id, flow.condition]));
  const wanted = conditionalFlows(diagram);
  for (const [id, condition] of conditions) if (!wanted.includes(id)) memory.flows[id] = condition;
  binding.flows = wanted.map(id => ({ id, condition: conditions.get(id) ?? memory.flows[id] }))
    .filter(flow => flow.condition != null);
  wanted.forEach(id => conditions.has(id) && delete memory.flows[id]);
  return binding;
}

/** A BPMN element got a new id: its task or flow entry and its translated names follow. */
export function renameElement(binding, from, to) {
  for (const entry of [...(binding.tasks || []), ...(binding.flows || [])]) {
    if (entry.id === from) entry.id = to;
  }
  if (binding.names && from in binding.names) {
    binding.names[to] = binding.names[from];
    delete binding.names[from];
  }
}

/**
 * Sets an element's name in one language (`zh-CN`, `en`) in the binding's `names`. The binding names an element in
 * both languages or not at all, so the other language starts as the BPMN's name; an entry that says no more than the
 * BPMN's name is removed.
 */
export function setElementName(binding, id, language, text, bpmnName) {
  const plain = bpmnName || id;
  const entry = { ...(binding.names?.[id] || {}), [language]: (text || '').trim() };
  const named = { 'zh-CN': entry['zh-CN'] || plain, en: entry.en || plain };
  const names = { ...(binding.names || {}) };
  if (named['zh-CN'] === plain && named.en === plain) delete names[id];
  else names[id] = named;
  if (Object.keys(names).length) binding.names = names;
  else delete binding.names;
}

/** Sets or clears a flow's condition (blank clears it). */
export function setCondition(binding, flowId, condition) {
  const flows = (binding.flows || []).filter(flow => flow.id !== flowId);
  const text = (condition || '').trim() ? condition : null;
  binding.flows = text ? [...flows, { id: flowId, condition: text }] : flows;
}

export function conditionOf(binding, flowId) {
  return (binding.flows || []).find(flow => flow.id === flowId)?.condition || '';
}

/** An assignment of another type that passes the schema, keeping the users and roles chosen so far where they fit. */
export function assignmentOfType(previous, type) {
  const users = previous?.users || [];
  const roles = previous?.roles || [];
  switch (type) {
    case 'users': return { type, users };
    case 'roles': return { type, roles };
    case 'candidates': return { type, ...(roles.length ? { roles } : {}), ...(users.length || !roles.length ? { users } : {}) };
    case 'initiator_manager': return { type, levels: previous?.levels || 1 };
    case 'org_manager':
    case 'field_user':
    case 'dealer_users': return { type, field: previous?.field || '' };
    default: return { type };
  }
}

const HOURS = /^PT(\d+)H$/;
const DAYS = /^P(\d+)D$/;

/** 'PT4H' → {amount: 4, unit: 'hours'}, 'P2D' → {amount: 2, unit: 'days'}; other spellings in hours when they can be. */
export function durationParts(text) {
  if (!text) return null;
  let match = HOURS.exec(text);
  if (match) return { amount: Number(match[1]), unit: 'hours' };
  match = DAYS.exec(text);
  if (match) return { amount: Number(match[1]), unit: 'days' };
  match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(text);
  if (match && (match[1] || match[2] || match[3])) {
    const [weeks, days, hours] = match.slice(1).map(part => Number(part || 0));
    const total = (weeks * 7 + days) * 24 + hours;
    return total % 24 === 0 ? { amount: total / 24, unit: 'days' } : { amount: total, unit: 'hours' };
  }
  return null;
}

export function durationText(amount, unit) {
  const whole = Math.max(1, Math.round(Number(amount) || 1));
  return unit === 'hours' ? `PT${whole}H` : `P${whole}D`;
}

/**
 * The rows of the field-permission grid: each field of the form, a sub-table's columns under it as
 * `lines.price`. `fields` are the form definition's.
 */
export function accessRows(fields) {
  const rows = [];
  for (const field of fields || []) {
    rows.push({ path: field.key, label: field.label, type: field.type, depth: 0 });
    for (const column of field.columns || []) {
      rows.push({ path: `${field.key}.${column.key}`, label: column.label, type: column.type, depth: 1 });
    }
  }
  return rows;
}

export function accessOf(task, path) {
  return task.view?.[path] || 'read_only';
}

/** Read-only is what a field not named gets, so the binding names only the others. */
export function setAccess(task, path, access) {
  const view = { ...(task.view || {}) };
  if (access === 'read_only') delete view[path];
  else view[path] = access;
  if (Object.keys(view).length) task.view = view;
  else delete task.view;
}

/** Fields an assignment may read a person from: user fields for `field_user`, org fields for `org_manager`. */
export function assignmentFields(fields, type) {
  if (type === 'dealer_users') {
    // a dealer code: text, or a text formula such as dealer.code
    return (fields || []).filter(field => ['text', 'select', 'radio'].includes(field.type)
      || field.type === 'formula' && field.resultType === 'text').map(field => field.key);
  }
  const wanted = type === 'field_user' ? ['user'] : ['org'];
  return (fields || []).filter(field => wanted.includes(field.type)).map(field => field.key);
}

const ELEMENT_IN_MESSAGE = /\(BPMN element '([^']+)'\)\s*$/;

/**
 * The BPMN element a server problem is about, or null when it concerns the definition as a whole. A process's
 * problems point at element ids; a binding's at JSON Pointers into the binding (its task or flow entry names the
 * element), or their message names the element.
 */
export function problemElement(kind, problem, binding) {
  const pointer = problem.pointer || '';
  if (kind === 'process') return pointer && !pointer.startsWith('/') ? pointer : null;
  const named = ELEMENT_IN_MESSAGE.exec(problem.message || '');
  if (named) return named[1];
  const translated = /^\/names\/([^/]+)/.exec(pointer);
  if (translated) return translated[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const entry = /^\/(tasks|flows)\/(\d+)(\/|$)/.exec(pointer);
  return entry ? binding?.[entry[1]]?.[Number(entry[2])]?.id || null : null;
}

/** The message without the element it names, which the diagram shows by marking the element. */
export function problemText(problem) {
  return (problem.message || '').replace(ELEMENT_IN_MESSAGE, '').trim();
}

const escapeXml = text => String(text).replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]));

/** A new process: start → one approval task → end, laid out for the modeler. Its id is the process key. */
export function starterProcess(key, name, taskName) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="definitions_${key}" targetNamespace="http://mosaic.io/process">
  <bpmn:process id="${key}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="start">
      <bpmn:outgoing>to_review</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="to_review" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="${escapeXml(taskName)}">
      <bpmn:incoming>to_review</bpmn:incoming>
      <bpmn:outgoing>to_end</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="to_end" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end">
      <bpmn:incoming>to_end</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_${key}">
    <bpmndi:BPMNPlane id="plane_${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="142" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="250" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="412" y="142" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="to_review_di" bpmnElement="to_review"><di:waypoint x="188" y="160" /><di:waypoint x="250" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="to_end_di" bpmnElement="to_end"><di:waypoint x="350" y="160" /><di:waypoint x="412" y="160" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The binding as stored: pretty-printed, with empty flows left out. */
export function bindingText(binding) {
  const { flows, ...rest } = binding;
  return JSON.stringify(flows?.length ? binding : rest, null, 2);
}
