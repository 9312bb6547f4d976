// Language of the UI: the signed-in user's locale wins, then the last choice on this browser, then the
// browser's own language. Every string lives in messages.js.
import { ref } from 'vue';
import { messages } from './messages.js';

export const LOCALES = ['zh-CN', 'en'];
const STORAGE_KEY = 'mosaic.locale';

function supported(tag) {
  if (!tag) return null;
  if (LOCALES.includes(tag)) return tag;
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : tag.toLowerCase().startsWith('en') ? 'en' : null;
}

function initialLocale() {
  return supported(localStorage.getItem(STORAGE_KEY))
    || (navigator.languages || [navigator.language]).map(supported).find(Boolean)
    || 'en';
}

export const locale = ref(initialLocale());

export function setLocale(tag) {
  const chosen = supported(tag);
  if (!chosen) return;
  locale.value = chosen;
  localStorage.setItem(STORAGE_KEY, chosen);
  document.documentElement.lang = chosen;
}

/** The message for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = messages[locale.value][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? params[name] : whole));
}

/** Picks the current language from a manifest name object `{"zh-CN": …, "en": …}`. */
export function localName(names, fallback = '') {
  if (!names) return fallback;
  if (typeof names === 'string') return names;
  return names[locale.value] || names.en || names['zh-CN'] || fallback;
}

/** Picks the current language from a record with `nameZh` / `nameEn`. */
export function zhEnName(item) {
  return (locale.value === 'zh-CN' ? item.nameZh || item.nameEn : item.nameEn || item.nameZh) || item.key;
}

export function formatDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

document.documentElement.lang = locale.value;
