/** One line of a school's use of a core entitlement: units used (negative when given back). */
export interface LedgerEntry {
  quantity: number;
}

export interface EntitlementBalance {
  /** Units included in the year; null when the entitlement has no limit. */
  allowance: number | null;
  used: number;
  /** Units left (never below zero); null when unlimited. */
  remaining: number | null;
  /** Units used beyond the allowance. */
  over: number;
  sentence: string;
}

/** A school's balance for one entitlement and year, from the allowance and its ledger. */
export function entitlementBalance(allowance: number | null, entries: readonly LedgerEntry[], unitPlural = 'units'): EntitlementBalance {
  const used = entries.reduce((sum, e) => sum + e.quantity, 0);
  if (allowance === null) return { allowance: null, used, remaining: null, over: 0, sentence: `${used} ${unitPlural} used; no limit.` };
  const remaining = Math.max(0, allowance - used);
  const over = Math.max(0, used - allowance);
  const sentence = over > 0
    ? `${used} of ${allowance} ${unitPlural} used: ${over} over the allowance.`
    : `${used} of ${allowance} ${unitPlural} used, ${remaining} left.`;
  return { allowance, used, remaining, over, sentence };
}

/** Whether recording `quantity` more units keeps within the allowance (giving units back is always allowed). */
export function entitlementUseProblem(balance: EntitlementBalance, quantity: number): string | null {
  if (!Number.isInteger(quantity) || quantity === 0 || Math.abs(quantity) > 1000) return 'The quantity is a whole number from -1,000 to 1,000, and not 0.';
  if (quantity < 0 && balance.used + quantity < 0) return 'More units would be given back than have been used.';
  if (quantity > 0 && balance.remaining !== null && quantity > balance.remaining) {
    return `Only ${balance.remaining} left of the allowance of ${balance.allowance}.`;
  }
  return null;
}
