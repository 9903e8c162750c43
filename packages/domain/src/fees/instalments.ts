import { calendarDateOf, dayNumberOf, dayNumberOfParts, formatLongDate, isoDateOf } from './calendar-dates';
import { countDays, countWholeMonths, describeDayRanges, isWholeMonths, splitAtYearStarts, type DayRange } from './day-ranges';
import type { FeeSchedule, IsoDate } from './fee-schedule';
import { boundedMemo } from './memo';
import type { PartOfPeriod } from './part-period';
import type { FeeInstalment, SchoolForFees } from './quote-types';
import { scaleDown } from './rounding';
import { financialYearStartMonthForType } from '../billing/school-finance';

/** April: the financial year of maintained schools, the majority, used when a school's own is not known. */
export const DEFAULT_FINANCIAL_YEAR_START_MONTH = 4;

/** The month the school's own financial year starts: as given, else from its type by the rule billing uses (April when the type is not known). */
export function schoolFinancialYearStartMonth(school: SchoolForFees): number {
  return school.financialYearStartMonth ?? (school.schoolType ? financialYearStartMonthForType(school.schoolType) : DEFAULT_FINANCIAL_YEAR_START_MONTH);
}

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
    case 'in-advance': {
      const label = IN_ADVANCE_LABELS(part.key, () => `In advance for ${describeDayRanges(part.chargeable)}`);
      return [{ label, dueDate: isoDateOf(firstDay), amountPence: totalPence }];
    }
    case 'instalments': {
      const amounts = allocate(totalPence, payment.parts.map((p) => p.shareBasisPoints));
      // A school that joins part way through cannot owe an instalment before it joined: those fall due on its first day.
      return payment.parts.map((p, i) => ({ label: p.label, dueDate: isoDateOf(Math.max(dayNumberOf(p.dueDate), firstDay)), amountPence: amounts[i]! }));
    }
    case 'split-by-school-financial-year': {
      const startMonth = schoolFinancialYearStartMonth(school);
      const plan = YEAR_SPLITS(`${part.key}|${startMonth}`, () => splitByFinancialYear(part.chargeable, startMonth));
      const amounts = allocate(totalPence, plan.weights);
      return plan.weights.map((_, i) => ({ label: plan.labels[i]!, dueDate: plan.dueDates[i]!, amountPence: amounts[i]! }));
    }
    case 'at-school-financial-year-start': {
      const startMonth = schoolFinancialYearStartMonth(school);
      const lastDay = part.chargeable[part.chargeable.length - 1]!.last;
      const due = yearStartOnOrAfter(firstDay, startMonth);
      const label = `The whole fee at the start of your financial year`;
      if (due > lastDay) return [{ label: `${label}, for ${describeDayRanges(part.chargeable)}`, dueDate: isoDateOf(firstDay), amountPence: totalPence }];
      return [{ label: `${label} on ${formatLongDate(due)}, for ${describeDayRanges(part.chargeable)}`, dueDate: isoDateOf(due), amountPence: totalPence }];
    }
  }
}

/** The first day of a school financial year (starting in `startMonth`) on or after the given day. */
function yearStartOnOrAfter(dayNumber: number, startMonth: number): number {
  const { year, month, day } = calendarDateOf(dayNumber);
  if (month === startMonth && day === 1) return dayNumber;
  return dayNumberOfParts(month < startMonth ? year : year + 1, startMonth, 1);
}

/** How a fee splits across a school's financial years: the same for every school with the same days and year start. */
interface YearSplit {
  weights: number[];
  labels: string[];
  dueDates: IsoDate[];
}

const IN_ADVANCE_LABELS = boundedMemo<string>(1000);
const YEAR_SPLITS = boundedMemo<YearSplit>(1000);

/**
 * One invoice per school financial year the chargeable days touch, each in
 * proportion to its share of them. Shares are whole months when every piece
 * is whole months (so an academic year splits 7/12 and 5/12 for a
 * maintained school, as budgets are set by month), otherwise days.
 */
function splitByFinancialYear(chargeable: readonly DayRange[], startMonth: number): YearSplit {
  // Pieces of the chargeable days, grouped by the school financial year they fall in (they arrive in date order).
  const groups: { year: number; pieces: DayRange[] }[] = [];
  for (const range of chargeable) {
    for (const piece of splitAtYearStarts(range, startMonth)) {
      const year = financialYearOf(piece.first, startMonth);
      const last = groups[groups.length - 1];
      if (last?.year === year) last.pieces.push(piece);
      else groups.push({ year, pieces: [piece] });
    }
  }
  const byMonth = groups.every((group) => group.pieces.every(isWholeMonths));
  const measure = byMonth ? countWholeMonths : countDays;
  const weights = groups.map((group) => group.pieces.reduce((t, piece) => t + measure(piece), 0));
  const whole = weights.reduce((a, b) => a + b, 0);
  const unit = byMonth ? 'months' : 'days';
  return {
    weights,
    labels: groups.map((group, i) => `Your financial year starting ${formatLongDate(dayNumberOfParts(group.year, startMonth, 1))}: ${describeDayRanges(group.pieces)}, ${weights[i]} of ${whole} ${unit}`),
    dueDates: groups.map((group) => isoDateOf(group.pieces[0]!.first)),
  };
}

/** The calendar year in which the school financial year containing this day began. */
function financialYearOf(dayNumber: number, startMonth: number): number {
  const { year, month } = calendarDateOf(dayNumber);
  return month >= startMonth ? year : year - 1;
}
