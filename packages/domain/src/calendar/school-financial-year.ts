import { daysInPeriod } from './date-spans';
import { addDays, compareDates, earlierOf, isLastDayOfMonth, laterOf, toDateParts, type IsoDateString } from './iso-date';
import { academicYearStarting, financialYearStarting, startYearOfYearContaining, yearLabel, type YearSpan } from './school-years';

/**
 * How a school keeps its books. Academies (including free schools) use
 * September–August; maintained schools (community, foundation, voluntary
 * aided and controlled) use the council's April–March year. A partnership may
 * need to invoice one annual fee in two parts along the school's own year.
 */
export type SchoolFinanceKind = 'academy' | 'maintained';

export function schoolFinancialYearStartMonth(kind: SchoolFinanceKind): number {
  return kind === 'academy' ? 9 : 4;
}

export function schoolFinancialYearOf(date: IsoDateString, kind: SchoolFinanceKind): YearSpan {
  const startYear = startYearOfYearContaining(date, schoolFinancialYearStartMonth(kind));
  if (kind === 'maintained') return financialYearStarting(startYear);
  return { ...academicYearStarting(startYear), label: `${yearLabel(startYear)} academy financial year` };
}

export interface DatePeriod {
  start: IsoDateString;
  end: IsoDateString;
}

export interface FinancialYearShare {
  financialYear: YearSpan;
  /** The part of the period inside this financial year. */
  start: IsoDateString;
  end: IsoDateString;
  days: number;
  /** Calendar months wholly inside this part. */
  wholeMonths: number;
  /**
   * This part's share of the whole period. In months when the period is made
   * of whole calendar months (7/12 and 5/12 for an academic year split at
   * 1 April), otherwise in days. Either way the numerators add up to the
   * denominator exactly, so splitting an amount by them loses nothing.
   */
  share: { numerator: number; denominator: number; basis: 'months' | 'days' };
}

/**
 * Splits a period (both ends inclusive) across the school's own financial
 * years, in date order. Year boundaries always fall on the 1st of a month, so
 * every calendar month lies wholly in one part and month counts add up.
 */
export function splitBySchoolFinancialYear(period: DatePeriod, kind: SchoolFinanceKind): FinancialYearShare[] {
  if (compareDates(period.start, period.end) > 0) throw new RangeError(`The period ends (${period.end}) before it starts (${period.start})`);
  const wholeMonthPeriod = toDateParts(period.start).day === 1 && isLastDayOfMonth(period.end);
  const parts: Omit<FinancialYearShare, 'share'>[] = [];
  for (let cursor = period.start; compareDates(cursor, period.end) <= 0; ) {
    const financialYear = schoolFinancialYearOf(cursor, kind);
    const start = laterOf(cursor, financialYear.start);
    const end = earlierOf(period.end, financialYear.end);
    parts.push({ financialYear, start, end, days: daysInPeriod(start, end), wholeMonths: calendarMonthsWithin(start, end) });
    cursor = addDays(end, 1);
  }
  const basis = wholeMonthPeriod ? 'months' : 'days';
  const measure = (part: Omit<FinancialYearShare, 'share'>): number => (basis === 'months' ? part.wholeMonths : part.days);
  const denominator = parts.reduce((sum, part) => sum + measure(part), 0);
  return parts.map((part) => ({ ...part, share: { numerator: measure(part), denominator, basis } }));
}

/** Calendar months (1st to last day) lying wholly inside start..end. */
function calendarMonthsWithin(start: IsoDateString, end: IsoDateString): number {
  const from = toDateParts(start);
  const to = toDateParts(end);
  const firstWhole = from.day === 1 ? from.year * 12 + from.month - 1 : from.year * 12 + from.month;
  const lastWhole = isLastDayOfMonth(end) ? to.year * 12 + to.month - 1 : to.year * 12 + to.month - 2;
  return Math.max(0, lastWhole - firstWhole + 1);
}
