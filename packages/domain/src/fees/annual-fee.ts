import { applyDiscounts, applyLimits } from './adjustments';
import { chargeLine, isCharge } from './charges';
import { matchesCondition } from './conditions';
import type { FeeComponent, FeeSchedule } from './fee-schedule';
import type { FeeLine, SchoolForFees } from './quote-types';
import { roundPence } from './rounding';

/** The fee for the whole period, before any pro rata. */
export interface AnnualFee {
  lines: FeeLine[];
  /** Whole pence after charges, limits and discounts. */
  beforeRoundingPence: number;
  /** After the schedule's rounding (e.g. to whole pounds). */
  annualPence: number;
}

/**
 * The order is fixed and documented because it changes the answer:
 * 1. a fixed fee, if one matches, is the whole story;
 * 2. otherwise a flat fee replaces the charges, or the charges are summed;
 * 3. the minimum and maximum fees apply;
 * 4. then discounts, so a discount is always a real reduction of what the
 *    school would pay;
 * 5. then the schedule's rounding, once, on the result.
 */
export function computeAnnualFee(schedule: FeeSchedule, school: SchoolForFees): AnnualFee {
  const matching = schedule.components.filter((c) => matchesCondition(c.when, school));
  const fixed = matching.find((c) => c.kind === 'fixed-fee');
  if (fixed) return finish(schedule, linesOf([fixed], school, schedule));

  const flat = matching.find((c) => c.kind === 'flat-fee');
  const lines = linesOf(flat ? [flat] : matching.filter(isCharge), school, schedule);
  const limited = applyLimits(sum(lines), matching);
  const discounted = applyDiscounts(limited.feePence, matching, school);
  return finish(schedule, [...lines, ...limited.lines, ...discounted.lines]);
}

function linesOf(components: FeeComponent[], school: SchoolForFees, schedule: FeeSchedule): FeeLine[] {
  return components.map((c) => chargeLine(c, school, schedule)).filter((line): line is FeeLine => line !== null);
}

function sum(lines: FeeLine[]): number {
  return lines.reduce((total, line) => total + line.amountPence, 0);
}

function finish(schedule: FeeSchedule, lines: FeeLine[]): AnnualFee {
  // Every line is a charge or the change an adjustment made, so their sum is the fee.
  const beforeRoundingPence = sum(lines);
  return { lines, beforeRoundingPence, annualPence: roundPence(beforeRoundingPence, schedule.rounding) };
}
