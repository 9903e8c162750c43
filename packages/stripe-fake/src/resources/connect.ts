import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import type { Params } from '../http/params.js';
import { PLATFORM, type Scope } from '../store/state.js';
import type { Account } from './accounts.model.js';

/**
 * Connect rules Stripe enforces when money moves: direct charges need an account that can take charges,
 * destination charges need a destination with `transfers` active, and an application fee needs one of the two.
 * `params` are the payment intent parameters (or Checkout's `payment_intent_data`).
 */
export function assertCanCharge(fake: Fake, scope: Scope, params: Params | undefined, feeParam = 'application_fee_amount'): void {
  if (scope !== PLATFORM) {
    const account = fake.store.get<Account>('account', scope, PLATFORM)?.data;
    if (!account?.charges_enabled) {
      throw invalidRequest(
        `The account ${scope} cannot currently make charges: charges_enabled is false (see the account's requirements.disabled_reason). Complete onboarding with an account link first.`,
        { code: 'account_invalid' },
      );
    }
  }
  const destination = params?.obj('transfer_data')?.str('destination');
  if (destination) {
    const account = fake.store.get<Account>('account', destination, PLATFORM)?.data;
    if (!account) throw invalidRequest(`No such destination: '${destination}'`, { param: 'transfer_data[destination]', code: 'resource_missing' });
    if (account.capabilities?.transfers !== 'active') {
      throw invalidRequest('Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', {
        param: 'transfer_data[destination]',
        code: 'insufficient_capabilities_for_transfer',
      });
    }
  }
  if (params?.has('application_fee_amount') && scope === PLATFORM && !destination) {
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      { param: feeParam },
    );
  }
}
