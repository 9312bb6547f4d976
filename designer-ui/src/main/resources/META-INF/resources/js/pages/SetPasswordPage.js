// Where a one-time link from an e-mail lands (#/set-password?token=…): the owner of a new account, or of one whose
// administrator sent a new link, chooses a password without being signed in, then signs in with it.
import { ref, reactive, computed } from 'vue';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { route, navigate } from '../router.js';
import { passwordProblem } from '../passwordRules.js';
import ErrorBox from '../components/ErrorBox.js';
import SignedOutCard from '../components/SignedOutCard.js';

export default {
  name: 'SetPasswordPage',
  components: { ErrorBox, SignedOutCard },
  setup() {
    const token = computed(() => new URLSearchParams(route.value.query).get('token') || '');
    const form = reactive({ password: '', repeated: '' });
    const error = ref(null);
    const busy = ref(false);
    const username = ref(null);
    const problem = computed(() => passwordProblem(form.password, form.repeated));

    async function submit() {
      busy.value = true;
      error.value = null;
      try {
        username.value = (await api.post('/api/auth/password', { token: token.value, password: form.password })).username;
      } catch (failure) {
        error.value = failure;
      } finally {
        busy.value = false;
      }
    }
    const signIn = () => navigate(`/login?username=${encodeURIComponent(username.value)}`);
    return { t, token, form, error, busy, username, problem, submit, signIn };
  },
  template: /* html */ `
    <div class="login-screen">
      <div v-if="username" class="login-card" data-test="password-set">
        <SignedOutCard :title="t('setPassword.doneTitle')" :subtitle="t('setPassword.doneText', { username })">
          <button class="button button-primary button-block" type="button" @click="signIn">{{ t('login.submit') }}</button>
        </SignedOutCard>
      </div>
      <form v-else class="login-card" data-test="set-password" @submit.prevent="submit" novalidate>
        <SignedOutCard :title="t('setPassword.title')" :subtitle="t('setPassword.intro')">
          <div v-if="!token" class="alert alert-error" role="alert">{{ t('setPassword.noToken') }}</div>
          <ErrorBox :error="error" :hint="error?.problems?.some(p => p.pointer === '/token') ? t('setPassword.askAdmin') : ''" />
          <label class="field"><span>{{ t('setPassword.password') }}</span>
            <input name="password" type="password" v-model="form.password" autocomplete="new-password" autofocus required></label>
          <label class="field"><span>{{ t('setPassword.repeated') }}</span>
            <input name="repeated" type="password" v-model="form.repeated" autocomplete="new-password" required></label>
          <p v-if="form.password && form.repeated && problem" class="muted" data-test="password-problem">{{ t(problem) }}</p>
          <button class="button button-primary button-block" type="submit" :disabled="busy || !token || problem !== null">
            {{ busy ? t('setPassword.saving') : t('setPassword.submit') }}</button>
        </SignedOutCard>
      </form>
    </div>`,
};
