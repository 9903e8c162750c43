import { MAX_AMOUNT_PENCE, MAX_RATE_PENCE, type FeeComponent, type FeeSchedule } from './fee-schedule';
import { formatPence } from '../money/format-pence';
import { DomainRefusal, refusal, type Refused } from '../refusal';
import { quoteFee } from './quote-fee';
import type { QuoteOptions, SchoolForFees } from './quote-types';

/**
 * The scenario planner: "what rate raises £X if these N schools join?" is a
 * sum partnerships (Ealing, for one) work out by hand. Both functions are
 * pure and reuse quoteFee, so the planner can never disagree with the fees
 * actually charged (rounding, minimums, flat fees and all).
 */

/** What a set of schools would pay in total under a schedule, in pence. */
export function totalIncome(schedule: FeeSchedule, schools: readonly SchoolForFees[], options?: QuoteOptions): number {
  let total = 0;
  for (const school of schools) total += quoteFee(schedule, school, options).totalPence;
  return total;
}

export interface SolveRequest {
  /** Index into schedule.components of the charge to solve for. */
  componentIndex: number;
  /** 'ratePence' for a per-pupil rate; 'amountPence' for a base, flat, fixed, minimum or maximum fee. */
  field: 'ratePence' | 'amountPence';
  targetPence: number;
}

export interface Solved {
  /** The smallest whole-pence value that raises at least the target. */
  valuePence: number;
  /** What the schools would pay in total at that value (at least the target). */
  totalPence: number;
  /** The schedule with the value put in, ready to save as a new scenario. */
  schedule: FeeSchedule;
}

/** Solved, or a 'target_unreachable' refusal (field 'targetPence') with the most the schools could raise. */
export type SolveResult = { ok: true; value: Solved } | (Refused & { maxTotalPence: number });

/** Components whose total only ever rises as the solved value rises, which the binary search relies on. */
const SOLVABLE: Partial<Record<FeeComponent['kind'], SolveRequest['field']>> = {
  'per-pupil': 'ratePence',
  'base-fee': 'amountPence',
  'flat-fee': 'amountPence',
  'fixed-fee': 'amountPence',
  'minimum-fee': 'amountPence',
  'maximum-fee': 'amountPence',
};

/**
 * Find the smallest whole-pence value for one component's rate or fee that
 * raises at least the target from these schools. Income never falls as a
 * charge rises (rounding, limits, discounts and pro rata are all monotone),
 * so a binary search finds the exact smallest value in about 30 quotes of
 * the set, rather than guessing a rate and rounding it by eye.
 *
 * Throws a 'cannot_solve' DomainRefusal for a request that makes no sense (no
 * such component, a discount, the wrong field, a target that is not whole
 * pence); returns a 'target_unreachable' refusal when even the largest allowed
 * value cannot raise the target (e.g. every school is capped, or none match).
 */
export function solveForTarget(schedule: FeeSchedule, schools: readonly SchoolForFees[], request: SolveRequest, options?: QuoteOptions): SolveResult {
  const { componentIndex, field, targetPence } = request;
  const component = schedule.components[componentIndex];
  if (!component) throw cannotSolve(`There is no component ${componentIndex} in this schedule`);
  const expected = SOLVABLE[component.kind];
  if (!expected) throw cannotSolve(`A ${component.kind} component cannot be solved for: only charges and limits raise income as they rise`);
  if (field !== expected) throw cannotSolve(`A ${component.kind} component is solved by its ${expected}, not ${field}`);
  if (!Number.isInteger(targetPence) || targetPence < 0) throw cannotSolve(`The target must be whole pence, got ${targetPence}`);

  const withValue = (value: number): FeeSchedule => ({
    ...schedule,
    components: schedule.components.map((c, i) => (i === componentIndex ? ({ ...c, [field]: value } as FeeComponent) : c)),
  });
  const incomeAt = (value: number) => totalIncome(withValue(value), schools, options);
  const ceiling = field === 'ratePence' ? MAX_RATE_PENCE : MAX_AMOUNT_PENCE;

  if (incomeAt(0) >= targetPence) return solved(0);
  // Grow an upper bound by doubling, so small answers cost few quotes, then halve the gap.
  let low = 0; // always raises too little
  let high = 1;
  while (incomeAt(high) < targetPence) {
    if (high === ceiling) {
      const maxTotalPence = incomeAt(ceiling);
      const message = `Even at the largest allowed value the schools would raise less than the target. The most these schools can raise is ${formatPence(maxTotalPence)}.`;
      return { ok: false, refusals: [refusal('target_unreachable', message, 'targetPence')], maxTotalPence };
    }
    low = high;
    high = Math.min(high * 2, ceiling);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (incomeAt(middle) >= targetPence) high = middle;
    else low = middle;
  }
  return solved(high);

  function solved(value: number): SolveResult {
    const updated = withValue(value);
    return { ok: true, value: { valuePence: value, totalPence: totalIncome(updated, schools, options), schedule: updated } };
  }
}

function cannotSolve(message: string): DomainRefusal {
  return new DomainRefusal(refusal('cannot_solve', message));
}
