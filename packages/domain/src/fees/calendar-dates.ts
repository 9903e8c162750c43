import type { IsoDate } from './fee-schedule';

/**
 * Calendar days as whole numbers (days since 1 January 1970), so that ranges
 * can be compared and counted with integer arithmetic and no time zone or
 * daylight saving change can shift a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/**
 * A schedule's few dates are converted for every school quoted, so
 * conversions are remembered. The caches are cleared when large, so a
 * long-running server cannot grow them without bound.
 */
const CACHE_LIMIT = 10_000;
const DAY_NUMBERS = new Map<string, number>();
const LONG_DATES = new Map<number, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Pure arithmetic conversions between dates and day numbers (H. Hinnant's
 * days_from_civil and civil_from_days), with no Date objects: quoting a
 * whole borough converts dates tens of thousands of times, and Date
 * allocation was the largest single cost in the benchmark.
 */
export function dayNumberOfParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function calendarDateOf(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March ... 11 = February
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD' (so not '2017-02-30'). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (DAY_NUMBERS.has(value)) return true;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function dayNumberOf(date: IsoDate): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const dayNumber = dayNumberOfParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  return remember(DAY_NUMBERS, date, dayNumber);
}

export function isoDateOf(dayNumber: number): IsoDate {
  const { year, month, day } = calendarDateOf(dayNumber);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The way dates are written to schools: "1 April 2017". */
export function formatLongDate(dayNumber: number): string {
  const known = LONG_DATES.get(dayNumber);
  if (known !== undefined) return known;
  const { year, month, day } = calendarDateOf(dayNumber);
  return remember(LONG_DATES, dayNumber, `${day} ${MONTH_NAMES[month - 1]} ${year}`);
}
