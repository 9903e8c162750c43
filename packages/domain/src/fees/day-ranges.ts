import { calendarDateOf, daysInMonth, dayNumberOf, dayNumberOfParts, formatLongDate } from './calendar-dates';
import type { FeeDateRange } from './fee-schedule';

/** An inclusive range of day numbers (see calendar-dates.ts). */
export interface DayRange {
  first: number;
  last: number;
}

export function dayRangeOf(range: FeeDateRange): DayRange {
  return { first: dayNumberOf(range.from), last: dayNumberOf(range.to) };
}

export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const first = Math.max(a.first, b.first);
  const last = Math.min(a.last, b.last);
  return first <= last ? { first, last } : null;
}

/** What is left of `a` once `b` is taken out: nothing, one range, or two if `b` falls in the middle. */
export function subtract(a: DayRange, b: DayRange): DayRange[] {
  const overlap = intersect(a, b);
  if (!overlap) return [a];
  const left: DayRange[] = [];
  if (a.first < overlap.first) left.push({ first: a.first, last: overlap.first - 1 });
  if (overlap.last < a.last) left.push({ first: overlap.last + 1, last: a.last });
  return left;
}

export function countDays(range: DayRange): number {
  return range.last - range.first + 1;
}

/** Months counted from year 0, so that whole months can be counted by subtraction. */
function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** Calendar months lying wholly inside the range. A part month does not count. */
export function countWholeMonths(range: DayRange): number {
  const first = calendarDateOf(range.first);
  const last = calendarDateOf(range.last);
  const firstWhole = monthIndex(first.year, first.month) + (first.day === 1 ? 0 : 1);
  const lastWhole = monthIndex(last.year, last.month) - (last.day === daysInMonth(last.year, last.month) ? 0 : 1);
  return Math.max(0, lastWhole - firstWhole + 1);
}

/** True when the range starts on the first of a month and ends on the last day of one. */
export function isWholeMonths(range: DayRange): boolean {
  const first = calendarDateOf(range.first);
  const last = calendarDateOf(range.last);
  return first.day === 1 && last.day === daysInMonth(last.year, last.month);
}

/**
 * Cut the range at every 1 `startMonth` (the start of a school's financial
 * year), giving the pieces that fall in each of its financial years.
 */
export function splitAtYearStarts(range: DayRange, startMonth: number): DayRange[] {
  const pieces: DayRange[] = [];
  let first = range.first;
  const { year } = calendarDateOf(range.first);
  for (let y = year; first <= range.last; y++) {
    const cut = dayNumberOfParts(y, startMonth, 1);
    if (cut > first && cut <= range.last) {
      pieces.push({ first, last: cut - 1 });
      first = cut;
    } else if (cut > range.last) {
      break;
    }
  }
  pieces.push({ first, last: range.last });
  return pieces;
}

/** "1 April 2017 to 31 August 2017", or one date for a single day. */
export function describeDayRange(range: DayRange): string {
  if (range.first === range.last) return formatLongDate(range.first);
  return `${formatLongDate(range.first)} to ${formatLongDate(range.last)}`;
}

export function describeDayRanges(ranges: readonly DayRange[]): string {
  return ranges.map(describeDayRange).join(' and ');
}
