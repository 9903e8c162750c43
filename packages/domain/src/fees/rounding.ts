import type { FeeRounding, RoundingMode } from './fee-schedule';

/**
 * The only place fee arithmetic divides. Everything is an exact integer
 * ratio `pence × numerator / denominator`, rounded once to a whole unit, so
 * a fee can never pick up floating-point error or drift between runs.
 */

export function unitPence(rounding: FeeRounding): number {
  return rounding.unit === 'pound' ? 100 : 1;
}

/** Divide non-negative integers and round the quotient as asked. */
function divideRounded(numerator: number, denominator: number, mode: RoundingMode): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // Correct the rare off-by-one where floating division of large integers lands on the wrong side.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  if (remainder === 0 || mode === 'down') return quotient;
  if (mode === 'up') return quotient + 1;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

function divideRoundedBig(numerator: bigint, denominator: bigint, mode: RoundingMode): number {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n || mode === 'down') return Number(quotient);
  if (mode === 'up') return Number(quotient + 1n);
  return Number(2n * remainder >= denominator ? quotient + 1n : quotient);
}

/**
 * `pence × numerator / denominator`, rounded to the rounding's unit and
 * returned in pence. Inputs must be non-negative integers. Falls back to
 * BigInt only when the product would not be exact as a double.
 */
export function scaleAndRound(pence: number, numerator: number, denominator: number, rounding: FeeRounding): number {
  if (!Number.isInteger(pence) || !Number.isInteger(numerator) || !Number.isInteger(denominator) || pence < 0 || numerator < 0 || denominator <= 0) {
    throw new RangeError(`scaleAndRound needs non-negative whole numbers, got ${pence} × ${numerator} / ${denominator}`);
  }
  const unit = unitPence(rounding);
  const product = pence * numerator;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(denominator * unit)) {
    return divideRounded(product, denominator * unit, rounding.mode) * unit;
  }
  return divideRoundedBig(BigInt(pence) * BigInt(numerator), BigInt(denominator) * BigInt(unit), rounding.mode) * unit;
}

/** Round whole pence to the rounding's unit (a no-op for pennies). */
export function roundPence(pence: number, rounding: FeeRounding): number {
  return scaleAndRound(pence, 1, 1, rounding);
}

/** `pence × numerator / denominator` rounded down to the penny: the building block of fair splits. */
export function scaleDown(pence: number, numerator: number, denominator: number): number {
  return scaleAndRound(pence, numerator, denominator, { unit: 'penny', mode: 'down' });
}

/** How a rounding reads in a sentence: "to the nearest penny", "rounded down to the pound". */
export function describeRounding(rounding: FeeRounding): string {
  const unit = rounding.unit === 'pound' ? 'pound' : 'penny';
  if (rounding.mode === 'half-up') return `to the nearest ${unit}`;
  return `rounded ${rounding.mode} to the ${unit}`;
}

/** The verb used in a total line: "rounded to", "rounded down to", "rounded up to". */
export function roundedToWords(rounding: FeeRounding): string {
  return rounding.mode === 'half-up' ? 'rounded to' : `rounded ${rounding.mode} to`;
}
