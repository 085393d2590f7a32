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
