/** Messages, dates, numbers and lists in a given language, through ICU MessageFormat and Intl. Pure. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en.ts';
import { formatIsoDate } from '../corpus/dates.ts';
import type { Locale } from './locales.ts';
// Compiled ahead (compile.ts): the page formats ASTs and ships no ICU parser.
import { LANGUAGE_NAMES, PRELOADED, loadCompiled, type CompiledTable } from './compiled.ts';

export type MessageValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();
const tables: Partial<Record<Locale, CompiledTable>> = { ...PRELOADED };
const loading = new Map<Locale, Promise<void>>();

/** Whether a language's messages are here, so the page can be shown in it at once. */
export const hasMessages = (locale: Locale): boolean => tables[locale] !== undefined;

/** Fetches a language's messages (a chunk of its own in the built page), once; resolves when they are here. */
export function loadMessages(locale: Locale): Promise<void> {
  if (hasMessages(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loadCompiled(locale).then(
      (table) => void (tables[locale] = table),
      (e: unknown) => {
        loading.delete(locale); // a later switch tries again
        throw e;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** A language's name in itself ("Español"), there before its messages are. */
export const languageName = (locale: Locale): string => LANGUAGE_NAMES[locale];

/** The message `key` in `locale`, its arguments filled in and its plurals chosen by the language's rules. */
export function formatMessage(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const table = tables[locale];
    if (!table) throw new Error(`i18n: the ${locale} messages are not loaded yet (loadMessages first)`);
    const message = table[key];
    if (message === undefined) throw new Error(`i18n: message "${key}" is missing from src/lib/i18n/${locale}.ts`);
    if (typeof message === 'string') return message;
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** BCP 47 tags for Intl (the same as the dates': corpus/dates.ts). */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', es: 'es-419' };

/** "Havana and Cuba" / "La Habana y Cuba". */
export const formatList = (locale: Locale, items: string[]) => new Intl.ListFormat(INTL_TAG[locale], { style: 'long', type: 'conjunction' }).format(items);

/** An ISO date prefix as the language writes it, never with a day the source does not give. */
export const formatIsoDateIn = (locale: Locale, iso: string) => formatIsoDate(iso, locale);
