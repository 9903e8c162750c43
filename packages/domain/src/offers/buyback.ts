import { addDays, compareDates, formatUkDate, isValidIsoDate, type IsoDateString } from '../calendar/iso-date';
import { academicYearStarting, yearLabel } from '../calendar/school-years';
import { splitBySchoolFinancialYear, type SchoolFinanceKind } from '../calendar/school-financial-year';
import { formatPence } from '../money/format-pence';

/** The annual buy-back: schools choose next year's services between opening and closing. */
export interface BuybackWindow {
  /** Start year of the academic year bought for (2027 is 2027/28). */
  year: number;
  opensOn: IsoDateString;
  closesOn: IsoDateString;
  /** The last day a school may cancel a rolling service so it does not roll over. */
  cancelDeadline: IsoDateString;
  /** Days before the deadline when schools are reminded, e.g. [28, 14, 7]. */
  reminderDays: readonly number[];
}

export type BuybackPhase = 'not-open' | 'open' | 'closed';

export function buybackPhase(window: Pick<BuybackWindow, 'opensOn' | 'closesOn'>, today: IsoDateString): BuybackPhase {
  if (compareDates(today, window.opensOn) < 0) return 'not-open';
  if (compareDates(today, window.closesOn) > 0) return 'closed';
  return 'open';
}

/** Every problem with a window, by field. */
export function buybackWindowProblems(window: Partial<BuybackWindow>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!Number.isInteger(window.year) || window.year! < 2000 || window.year! > 2200) problems.push({ field: 'year', message: 'The year is the start year of the academic year bought for, e.g. 2027 for 2027/28.' });
  for (const field of ['opensOn', 'closesOn', 'cancelDeadline'] as const) {
    if (!isValidIsoDate(window[field])) problems.push({ field, message: 'Enter a real date, YYYY-MM-DD.' });
  }
  if (problems.length === 0 && compareDates(window.opensOn!, window.closesOn!) > 0) problems.push({ field: 'closesOn', message: 'The window closes on or after the day it opens.' });
  if (problems.length === 0) {
    const yearStart = academicYearStarting(window.year!).start;
    if (compareDates(window.cancelDeadline!, yearStart) >= 0) problems.push({ field: 'cancelDeadline', message: `The deadline to cancel is before the year bought for starts (${formatUkDate(yearStart)}).` });
  }
  const days = window.reminderDays ?? [];
  if (!Array.isArray(days) || days.length > 10 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    problems.push({ field: 'reminderDays', message: 'Reminders are up to 10 whole numbers of days before the deadline, from 1 to 365.' });
  }
  return problems;
}

/** A rolling service a school has, as rollover sees it. */
export interface RollingService {
  /** The latest year the school has bought it for. */
  lastYear: number;
  cancelledOn: IsoDateString | null;
}

export type RolloverDecision = { rollOver: true; reason: string } | { rollOver: false; reason: string };

/**
 * Whether a rolling service carries on into the window's year. It does unless the school
 * cancelled on or before the deadline; a cancellation after the deadline ends it from the year
 * after. A service already bought for the year (in the school's own order) is not rolled again.
 */
export function rolloverDecision(service: RollingService, window: Pick<BuybackWindow, 'year' | 'cancelDeadline'>): RolloverDecision {
  if (service.lastYear >= window.year) return { rollOver: false, reason: `Already bought for ${yearLabel(window.year)}.` };
  if (service.lastYear < window.year - 1) return { rollOver: false, reason: `Not bought for ${yearLabel(window.year - 1)}, so there is nothing to roll over.` };
  if (service.cancelledOn !== null && compareDates(service.cancelledOn, window.cancelDeadline) <= 0) {
    return { rollOver: false, reason: `Cancelled on ${formatUkDate(service.cancelledOn)}, by the deadline of ${formatUkDate(window.cancelDeadline)}.` };
  }
  if (service.cancelledOn !== null) {
    return { rollOver: true, reason: `Cancelled on ${formatUkDate(service.cancelledOn)}, after the deadline of ${formatUkDate(window.cancelDeadline)}: it rolls over for ${yearLabel(window.year)} and ends after it.` };
  }
  return { rollOver: true, reason: `Not cancelled by ${formatUkDate(window.cancelDeadline)}, so it rolls over into ${yearLabel(window.year)}.` };
}

/** Whether a school may still cancel a rolling service so it does not roll over. */
export function canCancelRollover(window: Pick<BuybackWindow, 'cancelDeadline'>, today: IsoDateString): boolean {
  return compareDates(today, window.cancelDeadline) <= 0;
}

/**
 * The reminder steps due today: each step (days before the deadline) is due from its day until the
 * deadline, so a missed day is caught up, and a step already sent is never sent again. Only the
 * nearest step due is sent, so a school that joins late gets one reminder, not three.
 */
export function remindersDue(window: Pick<BuybackWindow, 'cancelDeadline' | 'reminderDays'>, today: IsoDateString, alreadySent: readonly number[]): number[] {
  if (compareDates(today, window.cancelDeadline) > 0) return [];
  const due = [...new Set(window.reminderDays)]
    .filter((days) => compareDates(addDays(window.cancelDeadline, -days), today) <= 0)
    .sort((a, b) => a - b);
  if (due.length === 0) return [];
  const nearest = due[0]!;
  return alreadySent.includes(nearest) ? [] : [nearest];
}

export interface OrderInvoicePart {
  part: number;
  partCount: number;
  /** e.g. "Part 1 of 2: 1 September 2027 to 31 March 2028 (2027-28 financial year)". */
  label: string;
  start: IsoDateString;
  end: IsoDateString;
  amountPence: number;
  /** This part's share of the year (numerators add up to the denominator). */
  share: { numerator: number; denominator: number };
}

/** Splits an amount by shares whose numerators add up to the denominator; odd pennies go on the first. */
export function splitPence(amountPence: number, shares: readonly { numerator: number; denominator: number }[]): number[] {
  const amounts = shares.map((s) => Math.floor((amountPence * s.numerator) / s.denominator));
  if (amounts.length > 0) amounts[0]! += amountPence - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}

/**
 * How a year's order is invoiced: once for the whole academic year, or in parts along the
 * school's own financial year (a maintained school's April–March year splits September–August
 * into 7/12 and 5/12). Parts add up exactly to the amount; odd pennies go on the first part.
 */
export function orderInvoiceParts(amountPence: number, year: number, invoicing: 'once' | 'school_financial_year', financeKind: SchoolFinanceKind): OrderInvoicePart[] {
  if (!Number.isInteger(amountPence) || amountPence < 0) throw new RangeError(`Money must be whole pence, got ${amountPence}`);
  const span = academicYearStarting(year);
  if (invoicing === 'once') {
    return [{ part: 1, partCount: 1, label: `${yearLabel(year)}: ${formatUkDate(span.start)} to ${formatUkDate(span.end)}`, start: span.start, end: span.end, amountPence, share: { numerator: 1, denominator: 1 } }];
  }
  const shares = splitBySchoolFinancialYear({ start: span.start, end: span.end }, financeKind);
  const amounts = splitPence(amountPence, shares.map((s) => s.share));
  return shares.map((s, i) => ({
    part: i + 1,
    partCount: shares.length,
    label: shares.length === 1
      ? `${yearLabel(year)}: ${formatUkDate(s.start)} to ${formatUkDate(s.end)}`
      : `Part ${i + 1} of ${shares.length}: ${formatUkDate(s.start)} to ${formatUkDate(s.end)} (${s.financialYear.label}, ${formatPence(amounts[i]!)})`,
    start: s.start,
    end: s.end,
    amountPence: amounts[i]!,
    share: { numerator: s.share.numerator, denominator: s.share.denominator },
  }));
}
