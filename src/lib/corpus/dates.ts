/** ISO date prefixes (YYYY, YYYY-MM, YYYY-MM-DD) read as the span of days they may mean. */

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The first day a date may mean: "1961" → "1961-01-01". */
export function earliestDay(iso: string): string {
  const [y, m = '01', d = '01'] = iso.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a date may mean: "1962-02" → "1962-02-28". */
export function latestDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (d) return iso;
  if (m) return `${y}-${m}-${pad(daysIn(Number(y), Number(m)))}`;
  return `${y}-12-31`;
}

/**
 * The day a document enters the timeline: the latest its date can mean ("reported by"). A paper dated only "1961"
 * may have been written in December, so it is placed at 1961-12-31, never before events it may report.
 */
export const reportedDay = (iso: string) => latestDay(iso);

/** Sorts ISO date prefixes by the day they were reported by (reportedDay); equal days keep the more exact date first. */
export function byReportedDay(a: string, b: string): number {
  const [da, db] = [reportedDay(a), reportedDay(b)];
  if (da !== db) return da < db ? -1 : 1;
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** True when the date gives a day, not only a month or a year. */
export const isExactDay = (iso: string) => iso.split('-').length === 3;

/** Months from `from` to `to` inclusive, as "YYYY-MM": the timeline's stops. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The timeline's stops: the months the five documents span, as "YYYY-MM". */
export const TIMELINE_MONTHS: readonly string[] = monthsBetween('1961-01', '1963-12');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Why an ISO date prefix names no real month or day ("February 1962 has 28 days" for 1962-02-31), or undefined
 * when it names a real one. Text not written YYYY, YYYY-MM or YYYY-MM-DD is left to the schema to refuse.
 */
export function calendarProblem(iso: string): string | undefined {
  const match = ISO_PREFIX.exec(iso);
  if (!match?.[2]) return undefined;
  const [, y, m, d] = match;
  const month = Number(m);
  if (month < 1 || month > 12) return `there is no month ${m}; months run from 01 to 12`;
  if (d === undefined) return undefined;
  const days = daysIn(Number(y), month);
  if (Number(d) < 1 || Number(d) > days) return `${MONTHS[month - 1]} ${y} has ${days} days`;
  return undefined;
}

/**
 * Why a period cannot be, or undefined: its `from` must not come after its `to`. Prefixes compare by the days
 * they may mean, so "1962-06" to "1962" is fine (June falls within the year) and "1962-12" to "1962-06" is not.
 */
export function periodProblem(period: { from?: string; to?: string }): string | undefined {
  const { from, to } = period;
  const real = (iso: string | undefined): iso is string => iso !== undefined && ISO_PREFIX.test(iso) && calendarProblem(iso) === undefined;
  if (!real(from) || !real(to)) return undefined;
  if (earliestDay(from) > latestDay(to)) return `the period runs from ${from} to ${to}: "from" is after "to"; swap them or correct the one that is wrong`;
  return undefined;
}

/** BCP 47 tags for Intl: British English keeps the day-month-year order the atlas has always printed. */
const DATE_LOCALES = { en: 'en-GB', es: 'es-419' } as const;

/**
 * "14 April 1962", "April 1961" or "1961" (in Spanish "14 de abril de 1962", "abril de 1961"): never a day
 * the source does not give. Text that is not an ISO prefix is returned as it is.
 */
export function formatIsoDate(iso: string, language: keyof typeof DATE_LOCALES = 'en'): string {
  const match = ISO_PREFIX.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  if (!m) return y!;
  // Noon UTC, printed in UTC: no time zone can move the day.
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1, 12));
  return dateFormat(DATE_LOCALES[language], Boolean(d)).format(date);
}

// One formatter per language and kind of date: making one is slow (ICU), and each holds memory outside the JS heap
// until it is collected; the exports format a date for every passage (a million at 100,000 documents).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    const fields: Intl.DateTimeFormatOptions = withDay ? { day: 'numeric', month: 'long', year: 'numeric' } : { month: 'long', year: 'numeric' };
    dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' })));
  }
  return format;
}
