import { fromDateParts, fromDayNumber, toDayNumber, type IsoDateString } from '../calendar/iso-date';
import { SUNDAY, weekdayOnOrBefore } from '../calendar/weekdays';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a clock time written 'HH:MM' (24-hour). */
export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_TIME.test(value);
}

/** Minutes after midnight of 'HH:MM'. */
export function minutesOfDay(time: string): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Expected a time written HH:MM, got ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * British Summer Time runs from 01:00 UTC on the last Sunday in March to
 * 01:00 UTC on the last Sunday in October (the rule since 1996). Returned as
 * minutes since 1 January 1970 UTC.
 */
const spans = new Map<number, { from: number; to: number }>();
function summerTimeSpan(year: number): { from: number; to: number } {
  const known = spans.get(year);
  if (known) return known;
  const span = workOutSummerTimeSpan(year);
  spans.set(year, span);
  return span;
}

function workOutSummerTimeSpan(year: number): { from: number; to: number } {
  const startDay = weekdayOnOrBefore(fromDateParts(year, 3, 31), SUNDAY);
  const endDay = weekdayOnOrBefore(fromDateParts(year, 10, 31), SUNDAY);
  return { from: toDayNumber(startDay) * 1440 + 60, to: toDayNumber(endDay) * 1440 + 60 };
}

/**
 * The UTC instant (ISO, '2026-10-07T15:30:00.000Z') of a wall-clock time in
 * Europe/London. A time that happens twice when the clocks go back is taken
 * the first time (in BST); a time skipped when they go forward is read as GMT.
 */
export function londonLocalToUtc(date: IsoDateString, time: string): string {
  const dayNumber = toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const local = dayNumber * 1440 + minutesOfDay(time);
  const span = summerTimeSpan(year);
  const asSummer = local - 60;
  const utc = asSummer >= span.from && asSummer < span.to ? asSummer : local;
  const day = Math.floor(utc / 1440);
  const minutes = utc - day * 1440;
  const utcDate = day === dayNumber ? date : fromDayNumber(day);
  return `${utcDate}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}
