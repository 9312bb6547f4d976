// The rule sets (kind `rules`) and decision tables (kind `decision`) of one app, as the design home lists and
// creates them. The listing has no names, so each definition is read as well.
import { api, JsonText } from '../api.js';
import { definitionPath } from './definitionEditor.js';
import { starterRuleSet, definitionText } from './ruleSet.js';
import { starterTable } from './decisionTable.js';
import { NUMBER_TYPES } from '../records.js';

/**
 * `[{key, name, form, dataset, hasDraft, publishedVersion, updatedAt, updatedBy}]` of the app's definitions of `kind`:
 * `form` the one a rule set, decision table or dataset reads, `dataset` the one a report stands on.
 */
export async function appDefinitions(app, kind) {
  const summaries = await api.get(`/api/apps/${encodeURIComponent(app)}/definitions?kind=${kind}`);
  const list = await Promise.all(summaries.map(async summary => {
    const content = JSON.parse((await api.get(definitionPath(app, kind, summary.key))).content);
    return { ...summary, name: content.name, form: content.form || content.source?.form || '', dataset: content.dataset || '' };
  }));
  return list.sort((a, b) => a.key.localeCompare(b.key));
}

/** Saves the starter draft of a new rule set or decision table on `form` (key and fields); the designer opens on it. */
export async function createDefinition(app, kind, key, name, form) {
  const number = (form.fields || []).find(field => NUMBER_TYPES.has(field.type));
  const starter = kind === 'rules' ? starterRuleSet(key, name, form.key) : starterTable(key, name, form.key, number);
  await api.put(definitionPath(app, kind, key), new JsonText(definitionText(starter)));
}
