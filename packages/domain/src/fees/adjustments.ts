import type { DiscountComponent, FeeComponent, MaximumFeeComponent, MinimumFeeComponent } from './fee-schedule';
import { BASIS_POINTS_WHOLE } from './fee-schedule';
import type { FeeLine, SchoolForFees } from './quote-types';
import { scaleAndRound } from './rounding';
import { flat, money, percentText } from './wording';

/** A fee after an adjustment, and the lines that explain it. */
export interface Adjusted {
  feePence: number;
  lines: FeeLine[];
}

/**
 * Apply the minimum and maximum fees that match. The highest minimum and the
 * lowest maximum count; the maximum is applied last so that a cap promised
 * to schools always holds. Each line carries the change it made.
 */
export function applyLimits(feePence: number, matching: FeeComponent[]): Adjusted {
  const lines: FeeLine[] = [];
  let fee = feePence;
  const minimum = pickLimit(matching.filter((c): c is MinimumFeeComponent => c.kind === 'minimum-fee'), (a, b) => a.amountPence >= b.amountPence);
  if (minimum && fee < minimum.amountPence) {
    const text = minimum.label ? flat`${minimum.label}: raised to ${money(minimum.amountPence)}` : flat`Raised to the minimum fee of ${money(minimum.amountPence)}`;
    lines.push({ text, amountPence: minimum.amountPence - fee });
    fee = minimum.amountPence;
  }
  const maximum = pickLimit(matching.filter((c): c is MaximumFeeComponent => c.kind === 'maximum-fee'), (a, b) => a.amountPence <= b.amountPence);
  if (maximum && fee > maximum.amountPence) {
    const text = maximum.label ? flat`${maximum.label}: capped at ${money(maximum.amountPence)}` : flat`Capped at the maximum fee of ${money(maximum.amountPence)}`;
    lines.push({ text, amountPence: maximum.amountPence - fee });
    fee = maximum.amountPence;
  }
  return { feePence: fee, lines };
}

/** The first limit that beats or ties every other (so the earliest wins a tie and its label is used). */
function pickLimit<T>(limits: T[], beatsOrTies: (a: T, b: T) => boolean): T | undefined {
  return limits.reduce<T | undefined>((best, next) => (best === undefined || !beatsOrTies(best, next) ? next : best), undefined);
}

/**
 * Apply the discounts the school qualifies for, in schedule order, each on
 * what is left after the previous one, never below zero. A percentage is
 * rounded to the nearest penny (a half penny goes to the school).
 */
export function applyDiscounts(feePence: number, matching: FeeComponent[], school: SchoolForFees): Adjusted {
  const lines: FeeLine[] = [];
  let fee = feePence;
  const claimed = new Set(school.discounts ?? []);
  for (const discount of matching.filter((c): c is DiscountComponent => c.kind === 'discount')) {
    if (!claimed.has(discount.code) || fee === 0) continue;
    const heading = discount.label ?? `Discount for ${discount.reason}`;
    if (discount.basisPoints !== undefined) {
      const reduction = scaleAndRound(fee, discount.basisPoints, BASIS_POINTS_WHOLE, { unit: 'penny', mode: 'half-up' });
      lines.push({ text: flat`${heading}: ${percentText(discount.basisPoints)} of ${money(fee)} = ${money(-reduction)}`, amountPence: -reduction });
      fee -= reduction;
    } else {
      const reduction = Math.min(discount.amountPence ?? 0, fee);
      lines.push({ text: flat`${heading} ${money(-reduction)}`, amountPence: -reduction });
      fee -= reduction;
    }
  }
  return { feePence: fee, lines };
}
