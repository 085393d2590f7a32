/**
 * The interface language as runes state: components call `t(...)`, `formatDate(...)` in their markup or
 * `$derived`, which read `current.locale`, so switching language re-renders them in place (no remount,
 * the selection and the map stay as they are).
 */
import type { MessageKey } from './en.ts';
import { formatIsoDateIn, formatList, formatMessage, hasMessages, loadMessages, type MessageValues } from './format.ts';
import { DEFAULT_LOCALE, detectLocale, isLocale, searchWithLocale, type Locale } from './locales.ts';
import { pageAddress } from '../address/page-address.ts';

const current = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

export const locale = (): Locale => current.locale;

export const t = (key: MessageKey, values?: MessageValues): string => formatMessage(current.locale, key, values);
export const formatDate = (iso: string): string => formatIsoDateIn(current.locale, iso);
export const joinList = (items: string[]): string => formatList(current.locale, items);

/**
 * Switches the interface language and keeps `<html lang>` right, so screen readers pronounce it and axe
 * checks it. `remember` writes `?lang=` into the address (the hash, which holds the view, is kept), so a
 * reload or a shared link keeps the language the visitor chose.
 */
export function setLocale(next: Locale, { remember = false }: { remember?: boolean } = {}): Promise<void> {
  asked = next;
  // A language whose messages are still to come is switched to once they are here, unless another was asked since;
  // until then the page stays whole in the language it shows.
  if (!hasMessages(next)) {
    return loadMessages(next).then(
      () => (asked === next ? setLocale(next, { remember }) : undefined),
      (e: unknown) => console.error(`The ${next} interface could not be loaded; the page stays in ${current.locale}: ${(e as Error).message}`),
    );
  }
  current.locale = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (remember && typeof location !== 'undefined' && typeof history !== 'undefined') {
    history.replaceState(history.state, '', pageAddress(location.href, { search: searchWithLocale(location.search, next) }));
  }
  return Promise.resolve();
}

/** The language last asked for (setLocale), which may still be loading. */
let asked: Locale = DEFAULT_LOCALE;

/**
 * The language the page opens in: `?lang=` > the kiosk config's `language` > the browser's languages
 * (web only) > English. Call once at start-up, and again with the kiosk config once it has loaded.
 */
export function initLocale(kioskLanguage?: string | null): Promise<void> {
  const onKiosk = kioskLanguage !== undefined;
  const next = detectLocale({
    search: typeof location === 'undefined' ? '' : location.search,
    kioskLanguage,
    browserLanguages: onKiosk || typeof navigator === 'undefined' ? [] : navigator.languages,
  });
  return setLocale(next);
}

/**
 * Curator-written text in the current language: the Spanish field where the corpus has it; otherwise the
 * English, marked as such (`missing`) so the page can set `lang="en"` on it and say it is English only,
 * rather than pass English off as a translation.
 */
export function curated(english: string, spanish: string | undefined): { text: string; lang: Locale; missing: boolean } {
  if (current.locale === 'es') return spanish ? { text: spanish, lang: 'es', missing: false } : { text: english, lang: 'en', missing: true };
  return { text: english, lang: 'en', missing: false };
}

export { isLocale, type Locale };

/**
 * The page opens in its language before the first component renders (`?lang=` or the browser's languages): main.ts
 * mounts the app once this has settled (at once for the default language, after one small fetch for another). The
 * kiosk calls initLocale(config.language) again once its config has loaded.
 */
export const firstLocaleReady: Promise<void> = typeof window !== 'undefined' ? initLocale() : Promise.resolve();
