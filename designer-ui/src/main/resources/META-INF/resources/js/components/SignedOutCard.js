// The card of the pages a visitor sees before signing in (sign-in, setting a password from a mailed link): the
// brand with the page's title, the page's own content, and the switch to the other language.
import { t, locale, setLocale } from '../i18n.js';

export default {
  name: 'SignedOutCard',
  props: { title: { type: String, required: true }, subtitle: { type: String, default: '' } },
  setup() {
    const otherLocale = () => (locale.value === 'en' ? 'zh-CN' : 'en');
    return { t, setLocale, otherLocale };
  },
  template: /* html */ `
    <div class="login-brand"><span class="brand-mark large" aria-hidden="true"><i></i><i></i><i></i><i></i></span>
      <div><h1>{{ title }}</h1><p>{{ subtitle }}</p></div></div>
    <slot />
    <button type="button" class="link-button login-language" @click="setLocale(otherLocale())">
      {{ otherLocale() === 'en' ? 'English' : '中文' }}</button>`,
};
