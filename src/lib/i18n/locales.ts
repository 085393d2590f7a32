/** Which interface languages exist and how the page chooses one: pure, so node tests and the browser share it. */
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, es };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** "es-MX" → "es"; undefined for a language the interface does not have. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

export interface LocaleSources {
  /** The page's query string (`?lang=es`). */
  search?: string;
  /** The kiosk config's `language`, when the page runs as a kiosk. */
  kioskLanguage?: string | null;
  /** navigator.languages on the web; left out on the kiosk, whose browser language is the machine's, not the visitor's. */
  browserLanguages?: readonly string[];
}

/** `?lang=` first, then the kiosk config's `language`, then the browser's languages in order, then English. */
export function detectLocale({ search, kioskLanguage, browserLanguages }: LocaleSources): Locale {
  const fromQuery = toLocale(new URLSearchParams(search ?? '').get('lang'));
  if (fromQuery) return fromQuery;
  const fromKiosk = toLocale(kioskLanguage);
  if (fromKiosk) return fromKiosk;
  for (const tag of browserLanguages ?? []) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** A query string with `lang` set to `locale`, the other parameters kept: "?kiosk&lang=es". */
export function searchWithLocale(search: string, locale: Locale): string {
  const query = new URLSearchParams(search);
  query.set('lang', locale);
  return `?${query.toString().replace(/=(?=&|$)/g, '')}`;
}

/** The language the other button press leads to: with two languages, the other one. */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');

/**
 * The language for the n-th round of the kiosk's attract loop: the configured languages in turn
 * (kiosk config `attractLanguages`), or the current language when none or one is configured.
 */
export function attractLocale(attractLanguages: readonly string[] | undefined, round: number, current: Locale): Locale {
  const usable = (attractLanguages ?? []).map(toLocale).filter((l): l is Locale => l !== undefined);
  if (usable.length === 0) return current;
  return usable[((round % usable.length) + usable.length) % usable.length]!;
}
