import { scaleAndRound } from '../fees/rounding';
import type { PlatformPlanCode } from '../onboarding/platform-plans';

/**
 * The platform's share of each online payment a school makes to its partnership (a Stripe
 * Connect application fee), in basis points, by the partnership's plan: larger plans pay more
 * for the platform up front and less per payment. The platform operator can change these.
 */
export const DEFAULT_APPLICATION_FEE_BASIS_POINTS: Readonly<Record<PlatformPlanCode, number>> = {
  trial: 100,
  small: 100,
  medium: 75,
  large: 50,
};

export const MAX_APPLICATION_FEE_BASIS_POINTS = 1000;

/** The fee on a payment, to the nearest penny, never more than the payment. */
export function applicationFeePence(amountPence: number, basisPoints: number): number {
  if (!Number.isInteger(amountPence) || amountPence < 0) throw new RangeError(`Money must be whole pence, got ${amountPence}`);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > MAX_APPLICATION_FEE_BASIS_POINTS) {
    throw new RangeError(`An application fee is 0 to ${MAX_APPLICATION_FEE_BASIS_POINTS} basis points, got ${basisPoints}`);
  }
  return Math.min(amountPence, scaleAndRound(amountPence, basisPoints, 10_000, { unit: 'penny', mode: 'half-up' }));
}
