import { monthsBetween } from '../corpus/dates.ts';

/** The timeline's stops: the months the five documents span, as "YYYY-MM". */
export const TIMELINE_MONTHS: readonly string[] = monthsBetween('1961-01', '1963-12');
