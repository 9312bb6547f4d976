// The bpmn-js viewer (webjar org.webjars.npm:bpmn-js, a UMD bundle that defines the global `BpmnJS`), loaded on
// first use only: most pages never draw a diagram, and the bundle is 160 kB.
const SCRIPT = '/webjars/bpmn-js/dist/bpmn-viewer.production.min.js';
const STYLES = ['/webjars/bpmn-js/dist/assets/diagram-js.css'];

let loading = null;

function addStyles() {
  for (const href of STYLES) {
    if (document.querySelector(`link[href="${href}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }
}

/** Resolves to the BpmnJS viewer class; a failed load is forgotten, so the next diagram tries again. */
export function loadBpmnViewer() {
  if (window.BpmnJS) return Promise.resolve(window.BpmnJS);
  loading ??= new Promise((resolve, reject) => {
    addStyles();
    const script = document.createElement('script');
    script.src = SCRIPT;
    script.async = true;
    script.onload = () => (window.BpmnJS ? resolve(window.BpmnJS) : reject(new Error('BpmnJS missing from the bundle')));
    script.onerror = () => reject(new Error(`Could not load ${SCRIPT}`));
    document.head.appendChild(script);
  }).catch(error => {
    loading = null;
    throw error;
  });
  return loading;
}
