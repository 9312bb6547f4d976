// The processes of one app as the designers list and create them: each is a BPMN process (kind `process`) and its
// binding (kind `flow`) under the same key, the binding's `process` naming it and its `form` the form that starts it.
import { api, JsonText, XmlText } from '../api.js';
import { t } from '../i18n.js';
import { newBinding, syncBinding, starterProcess, bindingText } from './flowBinding.js';

export function definitionPath(app, kind, key) {
  return `/api/apps/${encodeURIComponent(app)}/definitions/${kind}/${encodeURIComponent(key)}`;
}

/** The name a BPMN document gives its process, or ''. */
export function bpmnProcessName(xml, key) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const processes = [...doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')];
  const process = processes.find(element => element.getAttribute('id') === key) || processes[0];
  return process?.getAttribute('name') || '';
}

/** `[{key, name, form, hasDraft, publishedVersion, updatedAt, updatedBy}]` of the app's bindings, sorted by key. */
export async function appFlows(app) {
  const summaries = await api.get(`/api/apps/${encodeURIComponent(app)}/definitions?kind=flow`);
  const flows = await Promise.all(summaries.map(async summary => {
    const binding = JSON.parse((await api.get(definitionPath(app, 'flow', summary.key))).content);
    const process = await api.get(definitionPath(app, 'process', binding.process)).catch(() => null);
    return { ...summary, form: binding.form, name: process ? bpmnProcessName(process.content, binding.process) : '' };
  }));
  return flows.sort((a, b) => a.key.localeCompare(b.key));
}

/** Saves the drafts of a new process (start → one approval task → end) and of its binding to `form`. */
export async function createProcess(app, key, name, form) {
  await api.put(definitionPath(app, 'process', key), new XmlText(starterProcess(key, name, t('flow.starterTask'))));
  const binding = syncBinding(newBinding(key, form), {
    userTasks: [{ id: 'review', multiInstance: false }], flows: [], gateways: [],
  });
  await api.put(definitionPath(app, 'flow', key), new JsonText(bindingText(binding)));
}

/**
 * The fields of a form as the binding is checked against them: its newest published version's, or the draft's
 * while it has never been published (`published` says which).
 */
export async function formFields(app, form) {
  const definition = await api.get(definitionPath(app, 'form', form));
  const content = definition.publishedVersion != null && definition.hasDraft
    ? (await api.get(`${definitionPath(app, 'form', form)}/versions/${definition.publishedVersion}`)).content
    : definition.content;
  return { fields: JSON.parse(content).fields || [], published: definition.publishedVersion != null };
}
