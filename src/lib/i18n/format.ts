/** Messages, dates, numbers and lists in a given language, through ICU MessageFormat and Intl. Pure. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en.ts';
import { formatIsoDate } from '../corpus/dates.ts';
import { MESSAGES, type Locale } from './locales.ts';

export type MessageValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

/** The message `key` in `locale`, its arguments filled in and its plurals chosen by the language's rules. */
export function formatMessage(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const source = MESSAGES[locale][key];
    if (source === undefined) throw new Error(`i18n: message "${key}" is missing from src/lib/i18n/${locale}.ts`);
    format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
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
