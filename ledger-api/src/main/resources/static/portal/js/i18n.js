// The portal's language: Chinese by default, English when chosen; texts come from the server's message bundles.

let current = 'zh-CN';
let messages = {};

/**
 * The choice lives in one cookie, shared with the sign-in page (served by the authorization server), so switching on
 * either page switches both.
 */
export function savedLanguage() {
  return /(?:^|;\s*)portal_lang=en(?:;|$)/.test(document.cookie) ? 'en' : 'zh-CN';
}

export async function useLanguage(tag) {
  const language = tag === 'en' ? 'en' : 'zh-CN';
  const response = await fetch(`/portal/messages?lang=${language}`, { headers: { Accept: 'application/json' } });
  messages = await response.json();
  current = language;
  document.cookie = `portal_lang=${language}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = language;
}

export function language() {
  return current;
}

export function otherLanguage() {
  return current === 'en' ? 'zh-CN' : 'en';
}

/** The text of a key with {name} placeholders filled; the key itself when missing, so a gap is visible. */
export function t(key, values = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

export function has(key) {
  return key in messages;
}

/** Credits and other numbers as the language writes them (at most 2 decimals, as the API gives them). */
export function number(value) {
  if (value == null || value === '') return '';
  return new Intl.NumberFormat(current, { maximumFractionDigits: 2 }).format(Number(value));
}

/** A YYYY-MM-DD date as the language writes it; the calendar day itself, whatever the browser's zone. */
export function date(iso) {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(current, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .format(Date.UTC(year, month - 1, day));
}

export function instant(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A catalogue entry's name in the current language (titleZh/titleEn, nameZh/nameEn), Chinese when no English. */
export function localized(entry, field = 'title') {
  if (!entry) return '';
  return (current === 'en' && entry[`${field}En`]) || entry[`${field}Zh`] || entry.code;
}
