import { addDays, addMonthsClamped, compareDates, isLastDayOfMonth, lastDayOfMonth, toDateParts, toDayNumber, type IsoDateString } from './iso-date';

/** `to` minus `from` in days: 1 from one day to the next, negative when `to` is earlier. */
export function daysBetween(from: IsoDateString, to: IsoDateString): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Days in the period from `start` to `end`, counting both: 1 September to 31 August is 365 (or 366). */
export function daysInPeriod(start: IsoDateString, end: IsoDateString): number {
  assertOrdered(start, end);
  return daysBetween(start, end) + 1;
}

/**
 * The last day of a period of `months` months that starts on `start`.
 *
 * The first day counts, so the period ends the day before the same date N
 * months later: a year from 1 September 2025 ends on 31 August 2026, which
 * is what schools expect from "one year's notice given on 1 September".
 * When the day before the start is a month end, so is the result (a month
 * from 1 March ends on 31 March, not 28 March); otherwise the day is pulled
 * back into short months (a month from 31 January ends on 28 February).
 */
export function periodEndAfterMonths(start: IsoDateString, months: number): IsoDateString {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Expected a whole number of months, got ${months}`);
  const dayBefore = addDays(start, -1);
  const shifted = addMonthsClamped(dayBefore, months);
  if (!isLastDayOfMonth(dayBefore)) return shifted;
  const { year, month } = toDateParts(shifted);
  return lastDayOfMonth(year, month);
}

/**
 * Complete months in the period from `start` to `end` (both counted), on the
 * same footing as `periodEndAfterMonths`: 1 September to 31 March is 7;
 * 15 September to 14 October is 1; 15 September to 13 October is 0.
 */
export function wholeMonthsBetween(start: IsoDateString, end: IsoDateString): number {
  assertOrdered(start, end);
  const from = toDateParts(start);
  const to = toDateParts(end);
  // An overestimate by at most one month, walked down; the loop runs once or twice.
  let months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  while (months > 0 && compareDates(periodEndAfterMonths(start, months), end) > 0) months--;
  return months;
}

function assertOrdered(start: IsoDateString, end: IsoDateString): void {
  if (compareDates(start, end) > 0) throw new RangeError(`The period ends (${end}) before it starts (${start})`);
}
