// A formula or condition as the analyst types it, checked by the server (POST /api/formulas/check) a moment
// after each change: the problem's message and the character it is at, or what the formula reads.
import { ref, watch, onBeforeUnmount } from 'vue';
import { api } from '../../api.js';
import { t } from '../../i18n.js';

const CHECK_DELAY_MS = 350;

export default {
  name: 'FormulaInput',
  props: {
    modelValue: { type: String, default: '' },
    /** Keys the formula may start a name with (fields of the form, columns of the row). */
    fields: { type: Array, required: true },
    /** A formula may not read its own field; a condition may. */
    ownKey: { type: String, default: null },
    name: { type: String, required: true },
    invalid: Boolean,
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const check = ref(null);
    let timer = null;
    let asked = 0;

    async function run(expression) {
      const question = ++asked;
      let answer;
      try {
        const result = await api.post('/api/formulas/check', { expression, fields: props.fields });
        const own = props.ownKey && result.references.find(path => path.split('.')[0] === props.ownKey);
        answer = own ? { ok: false, problems: [{ code: 'own_field', message: t('formula.ownField', { key: props.ownKey }) }] }
          : { ok: true, references: result.references };
      } catch (failure) {
        // Only designers may ask; others (finance in a period run) type without the check, and the server still
        // refuses a formula that does not parse when the whole is sent.
        if (failure.status === 403) {
          if (question === asked) check.value = null;
          return;
        }
        answer = failure.code === 'formula.invalid'
          ? { ok: false, problems: failure.problems }
          : { ok: false, problems: [{ message: failure.message }] };
      }
      if (question === asked) check.value = { ...answer, expression };
    }

    watch(() => [props.modelValue, props.fields.join()], ([expression]) => {
      clearTimeout(timer);
      if (!expression || !expression.trim()) {
        asked++;
        check.value = null;
        return;
      }
      timer = setTimeout(() => run(expression), CHECK_DELAY_MS);
    }, { immediate: true });
    onBeforeUnmount(() => clearTimeout(timer));

    /** The expression split around the character a problem points at, to show where it is. */
    function around(problem) {
      const text = check.value.expression;
      const at = Math.min(problem.position, text.length);
      return { before: text.slice(0, at), at: text.slice(at, at + 1) || ' ', after: text.slice(at + 1) };
    }
    function headline(problem) {
      const known = problem.code && t(`formula.error.${problem.code}`) !== `formula.error.${problem.code}`;
      const what = known ? t(`formula.error.${problem.code}`) : problem.message;
      return problem.position == null ? what : t('formula.at', { what, n: problem.position + 1 });
    }
    return { t, check, emit, around, headline };
  },
  template: /* html */ `
    <div class="formula-input">
      <textarea class="formula-text" :name="name" :data-prop="name" rows="2" spellcheck="false" :value="modelValue"
                :aria-invalid="invalid || (check && !check.ok) ? 'true' : null"
                @input="emit('update:modelValue', $event.target.value)"></textarea>
      <div v-if="check && check.ok" class="formula-check formula-ok" data-test="formula-ok" :data-expression="check.expression">
        ✓ {{ t('formula.ok') }}<template v-if="check.references.length"> · {{ t('formula.reads') }}
          <code v-for="path in check.references" :key="path">{{ path }}</code></template>
      </div>
      <div v-else-if="check" class="formula-check formula-error" data-test="formula-error" :data-expression="check.expression" role="alert">
        <div v-for="(problem, i) in check.problems" :key="i" :data-code="problem.code" :data-position="problem.position">
          <strong>{{ headline(problem) }}</strong>
          <span v-if="problem.code && problem.message" class="formula-detail">{{ problem.message }}</span>
          <pre v-if="problem.position != null" class="formula-where">{{ around(problem).before }}<mark>{{ around(problem).at }}</mark>{{ around(problem).after }}</pre>
        </div>
      </div>
    </div>`,
};
