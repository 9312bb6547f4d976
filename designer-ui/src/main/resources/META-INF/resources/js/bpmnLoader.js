// bpmn-js from its webjar, loaded when a page first needs it: the modeler for the process designer, the viewer for
// showing where a process instance stands. Both bundles are UMD scripts that set the same global (BpmnJS), so each
// is taken off the window as soon as it has run and handed out from here.

const BASE = '/webjars/bpmn-js/dist';
const SCRIPTS = {
  modeler: `${BASE}/bpmn-modeler.production.min.js`,
  viewer: `${BASE}/bpmn-viewer.production.min.js`,
};
const STYLES = [`${BASE}/assets/diagram-js.css`, `${BASE}/assets/bpmn-font/css/bpmn-embedded.css`];

const loading = {};
// Loads run one after the other, so that each finds the global its own script set.
let queue = Promise.resolve();

function addStyles() {
  for (const href of STYLES) {
    if (document.querySelector(`link[data-bpmn][href="${href}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.bpmn = '';
    document.head.appendChild(link);
  }
}

function runScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const BpmnJS = window.BpmnJS;
      delete window.BpmnJS;
      script.remove();
      resolve(BpmnJS);
    };
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

/** The bpmn-js constructor of `kind` ('modeler' or 'viewer'), with bpmn-js's stylesheets in the page. */
export function loadBpmn(kind) {
  if (!SCRIPTS[kind]) throw new Error(`No bpmn-js bundle '${kind}'`);
  addStyles();
  if (!loading[kind]) {
    const load = queue.then(() => runScript(SCRIPTS[kind]));
    queue = load.catch(() => {});
    // A failed load is tried again by the next page that asks.
    load.catch(() => delete loading[kind]);
    loading[kind] = load;
  }
  return loading[kind];
}
