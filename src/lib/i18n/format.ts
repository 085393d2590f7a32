/** Messages, dates, numbers and lists in a given language, through ICU MessageFormat and Intl. Pure. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en.ts';
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

/** BCP 47 tags for Intl: British English keeps the day-month-year the atlas has always printed. */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', es: 'es-419' };

/** A number as the language writes it ("1,234" / "1234" or "1.234"). */
export const formatNumber = (locale: Locale, n: number) => new Intl.NumberFormat(INTL_TAG[locale]).format(n);

/** "Havana and Cuba" / "La Habana y Cuba". */
export const formatList = (locale: Locale, items: string[]) => new Intl.ListFormat(INTL_TAG[locale], { style: 'long', type: 'conjunction' }).format(items);

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * An ISO date prefix as the language writes it, never with a day the source does not give:
 * "14 April 1962" / "14 de abril de 1962", "April 1961" / "abril de 1961", "1961".
 */
export function formatIsoDateIn(locale: Locale, iso: string): string {
  const match = ISO_PREFIX.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  if (!m) return y!;
  // Noon UTC, printed in UTC: no time zone can move the day.
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1, 12));
  const options: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL_TAG[locale], options).format(date);
}
