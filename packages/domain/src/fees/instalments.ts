import { calendarDateOf, dayNumberOf, dayNumberOfParts, formatLongDate, isoDateOf } from './calendar-dates';
import { countDays, countWholeMonths, describeDayRanges, isWholeMonths, splitAtYearStarts, type DayRange } from './day-ranges';
import type { FeeSchedule } from './fee-schedule';
import type { PartOfPeriod } from './part-period';
import type { FeeInstalment, SchoolForFees } from './quote-types';
import { scaleDown } from './rounding';

/** April: the financial year of maintained schools, the majority, used when a school's own is not known. */
export const DEFAULT_FINANCIAL_YEAR_START_MONTH = 4;

/**
 * Share `totalPence` in proportion to `weights`, rounding each part down to
 * the penny and giving the remainder pennies to the first part, so the parts
 * always add up to the total exactly and the school's first invoice absorbs
 * the odd pennies (as invoicing teams do by hand).
 */
export function allocate(totalPence: number, weights: number[]): number[] {
  const whole = weights.reduce((a, b) => a + b, 0);
  if (whole === 0) return weights.map((_, i) => (i === 0 ? totalPence : 0));
  const parts = weights.map((w) => scaleDown(totalPence, w, whole));
  parts[0]! += totalPence - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The invoices for a quote. Nothing to pay means nothing to invoice. */
export function planInstalments(schedule: FeeSchedule, school: SchoolForFees, totalPence: number, part: PartOfPeriod): FeeInstalment[] {
  if (totalPence === 0 || part.chargeable.length === 0) return [];
  const firstDay = part.chargeable[0]!.first;
  const payment = schedule.payment;
  switch (payment.kind) {
    case 'in-advance':
      return [{ label: `In advance for ${describeDayRanges(part.chargeable)}`, dueDate: isoDateOf(firstDay), amountPence: totalPence }];
    case 'instalments': {
      const amounts = allocate(totalPence, payment.parts.map((p) => p.shareBasisPoints));
      // A school that joins part way through cannot owe an instalment before it joined: those fall due on its first day.
      return payment.parts.map((p, i) => ({ label: p.label, dueDate: isoDateOf(Math.max(dayNumberOf(p.dueDate), firstDay)), amountPence: amounts[i]! }));
    }
    case 'split-by-school-financial-year':
      return splitByFinancialYear(totalPence, part.chargeable, school.financialYearStartMonth ?? DEFAULT_FINANCIAL_YEAR_START_MONTH);
  }
}

/**
 * One invoice per school financial year the chargeable days touch, each in
 * proportion to its share of them. Shares are whole months when every piece
 * is whole months (so an academic year splits 7/12 and 5/12 for a
 * maintained school, as budgets are set by month), otherwise days.
 */
function splitByFinancialYear(totalPence: number, chargeable: DayRange[], startMonth: number): FeeInstalment[] {
  const years = new Map<number, DayRange[]>();
  for (const piece of chargeable.flatMap((range) => splitAtYearStarts(range, startMonth))) {
    const year = financialYearOf(piece.first, startMonth);
    years.set(year, [...(years.get(year) ?? []), piece]);
  }
  const groups = [...years.entries()];
  const byMonth = groups.every(([, pieces]) => pieces.every(isWholeMonths));
  const measure = byMonth ? countWholeMonths : countDays;
  const weights = groups.map(([, pieces]) => pieces.reduce((t, piece) => t + measure(piece), 0));
  const whole = weights.reduce((a, b) => a + b, 0);
  const amounts = allocate(totalPence, weights);
  const unit = byMonth ? 'months' : 'days';
  return groups.map(([year, pieces], i) => ({
    label: `Your financial year starting ${formatLongDate(dayNumberOfParts(year, startMonth, 1))}: ${describeDayRanges(pieces)}, ${weights[i]} of ${whole} ${unit}`,
    dueDate: isoDateOf(pieces[0]!.first),
    amountPence: amounts[i]!,
  }));
}

/** The calendar year in which the school financial year containing this day began. */
function financialYearOf(dayNumber: number, startMonth: number): number {
  const { year, month } = calendarDateOf(dayNumber);
  return month >= startMonth ? year : year - 1;
}
