// ECharts from its webjar, loaded when a page first draws a chart (it is a large script the rest of the UI never needs).
let loading = null;

export function loadEcharts() {
  if (!loading) {
    loading = import('/webjars/echarts/echarts.esm.min.js');
    // A failed load is tried again by the next chart that asks.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
