// What a designer tells the user about its definition (shown by components/designer/DesignerMessages.js): why it
// did not load, what the last save or publish did, and the server's refusal with its problems. A new load or save
// starts from a clean slate.
import { ref } from 'vue';

export function useFeedback() {
  const loadFailure = ref(null);
  const notice = ref(null);
  const failure = ref(null);
  const problems = ref([]);
  function clear() {
    notice.value = null;
    failure.value = null;
    problems.value = [];
  }
  return { loadFailure, notice, failure, problems, clear };
}
