// Unsaved work in a designer is not left behind without asking: in-app links ask in a dialog (the page shows it
// while `pendingLeave` holds where the user wanted to go), closing the tab asks the browser's way.
import { ref, onMounted, onBeforeUnmount } from 'vue';
import { guardLeaving, navigate } from '../router.js';

export function useLeaveGuard(dirty) {
  const pendingLeave = ref(null);
  let leaving = false;
  const stopGuard = guardLeaving(next => {
    if (leaving || !dirty.value) {
      leaving = false;
      return true;
    }
    pendingLeave.value = next.path;
    return false;
  });
  /** Goes where the user wanted to; the hash changes (and the guard is asked) only after this returns. */
  function leave() {
    const to = pendingLeave.value;
    pendingLeave.value = null;
    leaving = true;
    navigate(to);
  }
  const beforeUnload = event => {
    if (!dirty.value) return;
    event.preventDefault();
    event.returnValue = '';
  };
  onMounted(() => window.addEventListener('beforeunload', beforeUnload));
  onBeforeUnmount(() => {
    stopGuard();
    window.removeEventListener('beforeunload', beforeUnload);
  });
  return { pendingLeave, leave };
}
