// Where a mailed one-time link leads (#/set-password?token=…): the account's owner chooses a password, which the
// server sets while it spends the link, and is then signed in with it. No session is needed to get here.
import { ref, reactive, computed } from 'vue';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { route, navigate } from '../router.js';
import { signedIn } from '../session.js';
import ErrorBox from '../components/ErrorBox.js';

export default {
  name: 'SetPasswordPage',
  components: { ErrorBox },
  setup() {
    const form = reactive({ password: '', repeat: '' });
    const error = ref(null);
    const busy = ref(false);
    const token = computed(() => new URLSearchParams(route.value.query).get('token') || '');
    const mismatch = computed(() => form.repeat !== '' && form.repeat !== form.password);
    const problem = pointer => error.value?.problems?.find(p => p.pointer === pointer)?.message;

    async function submit() {
      if (mismatch.value) return;
      busy.value = true;
      error.value = null;
      try {
        const { username } = await api.post('/api/auth/password', { token: token.value, password: form.password });
        signedIn(await api.post('/api/auth/login', { username, password: form.password }));
        navigate('/apps');
      } catch (failure) {
        error.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { t, form, error, busy, token, mismatch, problem, submit };
  },
  template: /* html */ `
    <div class="login-screen">
      <form class="login-card" data-test="set-password" @submit.prevent="submit" novalidate>
        <div class="login-brand"><span class="brand-mark large" aria-hidden="true"><i></i><i></i><i></i><i></i></span>
          <div><h1>{{ t('password.title') }}</h1><p>{{ t('password.intro') }}</p></div></div>
        <ErrorBox v-if="!token" :error="{ message: t('password.noToken'), problems: [] }" />
        <ErrorBox v-else :error="error" :hint="problem('/token') ? t('password.askAgain') : ''" />
        <label class="field"><span>{{ t('password.new') }}</span>
          <input name="password" type="password" v-model="form.password" autocomplete="new-password" autofocus required
                 :aria-invalid="problem('/password') ? 'true' : null">
          <small v-if="problem('/password')" class="field-error" data-test="password-error">{{ problem('/password') }}</small></label>
        <label class="field"><span>{{ t('password.repeat') }}</span>
          <input name="repeat" type="password" v-model="form.repeat" autocomplete="new-password" required
                 :aria-invalid="mismatch ? 'true' : null">
          <small v-if="mismatch" class="field-error" data-test="password-mismatch">{{ t('password.mismatch') }}</small></label>
        <button class="button button-primary button-block" type="submit"
                :disabled="busy || !token || !form.password || form.password !== form.repeat">
          {{ busy ? t('password.saving') : t('password.submit') }}</button>
      </form>
    </div>`,
};
