// Shows an ApiFailure (or any Error) as the server's message plus each problem's pointer and message;
// `hint` adds the UI's own explanation in the user's language.
import { t } from '../i18n.js';

export default {
  name: 'ErrorBox',
  props: { error: { type: Object, default: null }, hint: { type: String, default: '' } },
  setup() {
    function headline(error) {
      if (error.code === 'network') return t('error.network');
      return error.message || t('error.unknown');
    }
    return { t, headline };
  },
  template: /* html */ `
    <div v-if="error" class="alert alert-error" role="alert">
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
