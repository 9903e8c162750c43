/**
 * Calendar dates written 'YYYY-MM-DD'.
 *
 * Schools think in calendar days in England (Europe/London), never instants,
 * so dates stay plain strings (they round-trip through JSON and the database
 * unchanged) and all arithmetic goes through whole day numbers. We do not use
 * `Date` at all: it brings time zones, daylight saving and the two-digit-year
 * quirk of `Date.UTC`, none of which a calendar day should be exposed to.
 */
export type IsoDateString = string;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Wide enough for any partnership's history and plans; narrow enough to catch typos such as '0225-09-01'. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written 'YYYY-MM-DD' (so not '2017-02-30'). */
export function isValidIsoDate(value: unknown): value is IsoDateString {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthOf(year, month);
}

export function toDateParts(date: IsoDateString): DateParts {
  if (!isValidIsoDate(date)) throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function fromDateParts(year: number, month: number, day: number): IsoDateString {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isValidIsoDate(date)) throw new RangeError(`There is no date ${day}/${month}/${year}`);
  return date;
}

/** Days since 1 January 1970 (Howard Hinnant's days-from-civil algorithm, proleptic Gregorian). */
export function toDayNumber(date: IsoDateString): number {
  const { year, month, day } = toDateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of `toDayNumber` (civil-from-days). */
export function fromDayNumber(dayNumber: number): IsoDateString {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Expected a whole day number, got ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fromDateParts(year, month, day);
}

export function addDays(date: IsoDateString, days: number): IsoDateString {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Same day of the month N months on, pulled back to the month's last day when it has no such day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonthsClamped(date: IsoDateString, months: number): IsoDateString {
  const { year, month, day } = toDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return fromDateParts(newYear, newMonth, Math.min(day, daysInMonthOf(newYear, newMonth)));
}

export function lastDayOfMonth(year: number, month: number): IsoDateString {
  return fromDateParts(year, month, daysInMonthOf(year, month));
}

export function isLastDayOfMonth(date: IsoDateString): boolean {
  const { year, month, day } = toDateParts(date);
  return day === daysInMonthOf(year, month);
}

/** Valid ISO dates sort as strings, so comparison needs no parsing; we still validate to catch bad data early. */
export function compareDates(a: IsoDateString, b: IsoDateString): -1 | 0 | 1 {
  toDateParts(a);
  toDateParts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterOf(a: IsoDateString, b: IsoDateString): IsoDateString {
  return compareDates(a, b) >= 0 ? a : b;
}

export function earlierOf(a: IsoDateString, b: IsoDateString): IsoDateString {
  return compareDates(a, b) <= 0 ? a : b;
}

/** How dates are written to schools: "31 August 2027". */
export function formatUkDate(date: IsoDateString): string {
  const { year, month, day } = toDateParts(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
