// Creating an app's reports and dashboards from the design home: each starts as a draft the schema accepts, so that
// its designer opens on something to change. A report stands on a dataset, an existing one or a new one over a form;
// a dashboard starts with one report on it.
import { api, JsonText } from '../api.js';
import { definitionPath } from './definitionEditor.js';
import { definitionText } from './ruleSet.js';
import { starterDataset, starterReport } from '../report/reportModel.js';
import { freePlace } from '../report/dashboardGrid.js';

const put = (app, kind, key, content) => api.put(definitionPath(app, kind, key), new JsonText(definitionText(content)));

/** Saves a starter dataset `key` over `form` (counting its records) and answers it. */
export async function createDataset(app, key, name, form) {
  const dataset = starterDataset(key, name, form);
  await put(app, 'dataset', key, dataset);
  return dataset;
}

/**
 * Saves the starter report `key` named `name` over `source`: `{dataset}` (an existing dataset's key) or `{form}`,
 * for which a new dataset of the report's key is saved first.
 */
export async function createReport(app, key, name, source) {
  const dataset = source.form ? await createDataset(app, key, name, source.form)
    : JSON.parse((await api.get(definitionPath(app, 'dataset', source.dataset))).content);
  await put(app, 'report', key, starterReport(key, name, dataset));
}

/** Saves the starter dashboard `key` named `name` with report `report` as its one widget, half the grid wide. */
export async function createDashboard(app, key, name, report) {
  const widget = { key: report, report, ...freePlace([], 6, 5) };
  await put(app, 'dashboard', key, { key, name, refreshSeconds: 300, filters: [], widgets: [widget] });
}
