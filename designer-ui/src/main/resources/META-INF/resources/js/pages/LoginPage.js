import { ref, reactive, computed } from 'vue';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { route, navigate } from '../router.js';
import { session, signedIn } from '../session.js';
import ErrorBox from '../components/ErrorBox.js';
import SignedOutCard from '../components/SignedOutCard.js';

export default {
  name: 'LoginPage',
  components: { ErrorBox, SignedOutCard },
  setup() {
    // A page that just set a password passes the username along (#/login?username=…).
    const form = reactive({ username: new URLSearchParams(route.value.query).get('username') || '', password: '' });
    const error = ref(null);
    const busy = ref(false);

    const hint = computed(() => {
      if (error.value?.status === 429) {
        const seconds = error.value.retryAfter;
        const wait = !seconds ? '' : seconds < 120 ? t('login.retryAfter', { seconds })
          : t('login.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) });
        return `${t('login.throttled')} ${wait}`.trim();
      }
      return error.value?.status === 401 ? t('login.badCredentials') : '';
    });

    async function submit() {
      busy.value = true;
      error.value = null;
      try {
        signedIn(await api.post('/api/auth/login', { ...form }));
        const target = session.returnTo || '/apps';
        session.returnTo = null;
        navigate(target);
      } catch (failure) {
        error.value = failure;
        form.password = '';
      } finally {
        busy.value = false;
      }
    }
    return { t, form, error, hint, busy, submit };
  },
  template: /* html */ `
    <div class="login-screen">
      <form class="login-card" @submit.prevent="submit" novalidate>
        <SignedOutCard title="Mosaic" :subtitle="t('login.tagline')">
          <ErrorBox :error="error" :hint="hint" />
          <label class="field"><span>{{ t('login.username') }}</span>
            <input name="username" v-model.trim="form.username" autocomplete="username" autofocus required></label>
          <label class="field"><span>{{ t('login.password') }}</span>
            <input name="password" type="password" v-model="form.password" autocomplete="current-password" required></label>
          <button class="button button-primary button-block" type="submit" :disabled="busy || !form.username || !form.password">
            {{ busy ? t('login.signingIn') : t('login.submit') }}</button>
        </SignedOutCard>
      </form>
    </div>`,
};
