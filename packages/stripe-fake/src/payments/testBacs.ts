/**
 * Stripe's Bacs Direct Debit test bank accounts (sort code 10-88-00). Any other valid-looking
 * account succeeds. Failures surface when the simulated clearing delay has passed.
 */
export interface BacsOutcome {
  succeeds: boolean;
  failureCode?: string;
  failureMessage?: string;
  /** What happens to the mandate on failure. */
  mandate?: 'active' | 'inactive';
}

const FAILURES: Record<string, BacsOutcome> = {
  '33333335': { succeeds: false, failureCode: 'debit_not_authorized', failureMessage: 'The customer has notified their bank that this payment was unauthorised.', mandate: 'inactive' },
  '93333335': { succeeds: false, failureCode: 'debit_not_authorized', failureMessage: 'The customer has notified their bank that this payment was unauthorised.', mandate: 'inactive' },
  '22222227': { succeeds: false, failureCode: 'insufficient_funds', failureMessage: 'The customer’s account has insufficient funds to cover this payment.', mandate: 'active' },
  '92222227': { succeeds: false, failureCode: 'insufficient_funds', failureMessage: 'The customer’s account has insufficient funds to cover this payment.', mandate: 'active' },
  '00033333': { succeeds: false, failureCode: 'debit_not_authorized', failureMessage: 'The mandate was refused by the customer’s bank.', mandate: 'inactive' },
  '34343434': { succeeds: false, failureCode: 'charge_exceeds_source_limit', failureMessage: 'This payment exceeds the limit for Bacs Direct Debit payments.', mandate: 'active' },
  '12121212': { succeeds: false, failureCode: 'charge_exceeds_weekly_limit', failureMessage: 'This payment exceeds the weekly limit for Bacs Direct Debit payments.', mandate: 'active' },
};

export const BACS_TEST_SORT_CODE = '108800';
export const BACS_SUCCESS_ACCOUNT = '00012345';
export const BACS_FAILURE_ACCOUNT = '33333335';

export function bacsOutcome(sortCode: string, accountNumber: string): BacsOutcome {
  if (sortCode.replace(/-/g, '') === BACS_TEST_SORT_CODE) return FAILURES[accountNumber] ?? { succeeds: true };
  return { succeeds: true };
}

export function validBacsDetails(sortCode: string, accountNumber: string): boolean {
  return /^\d{6}$/.test(sortCode.replace(/-/g, '')) && /^\d{6,8}$/.test(accountNumber);
}
