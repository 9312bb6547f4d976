// Shows an ApiFailure (or any Error) as the server's message plus each problem's pointer and message;
// `hint` adds the UI's own explanation in the user's language. Inside a form, the fields a problem points
// at (pointer "/displayName" → the control named "displayName") are marked invalid.
import { ref, watch, nextTick } from 'vue';
import { t } from '../i18n.js';

function fieldName(pointer) {
  const match = /^\/([A-Za-z][A-Za-z0-9_]*)$/.exec(pointer || '');
  return match ? match[1] : null;
}

export default {
  name: 'ErrorBox',
  props: { error: { type: Object, default: null }, hint: { type: String, default: '' } },
  setup(props) {
    const root = ref(null);
    let marked = [];

    watch(() => props.error, async error => {
      marked.forEach(control => control.removeAttribute('aria-invalid'));
      marked = [];
      await nextTick();
      const form = root.value?.closest('form');
      if (!form || !error?.problems) return;
      for (const name of error.problems.map(problem => fieldName(problem.pointer)).filter(Boolean)) {
        form.querySelectorAll(`[name="${name}"]`).forEach(control => {
          control.setAttribute('aria-invalid', 'true');
          marked.push(control);
        });
      }
    });

    function headline(error) {
      if (error.code === 'network') return t('error.network');
      return error.message || t('error.unknown');
    }
    return { t, root, headline };
  },
  template: /* html */ `
    <div v-if="error" ref="root" class="alert alert-error" role="alert">
      <div class="alert-title">
        <span v-if="error.status" class="badge badge-error">{{ error.status }}</span>
        {{ headline(error) }}
      </div>
      <p v-if="hint" class="alert-hint">{{ hint }}</p>
      <ul v-if="error.problems && error.problems.length" class="problems">
        <li v-for="(problem, i) in error.problems" :key="i">
          <code v-if="problem.pointer">{{ problem.pointer }}</code>
          <span>{{ problem.message }}</span>
        </li>
      </ul>
    </div>`,
};
