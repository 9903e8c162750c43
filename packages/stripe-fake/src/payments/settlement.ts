import type { Fake } from '../fake.js';
import type { Charge } from '../resources/charges.model.js';
import { setMandateStatus, type Mandate } from '../resources/mandates.js';
import type { PaymentIntent } from '../resources/paymentIntents.model.js';
import type { PaymentMethod, PaymentMethodSecrets } from '../resources/paymentMethods.model.js';
import type { PendingJob } from '../store/state.js';
import { clone } from '../util/json.js';
import { BACS_SETTLEMENT_JOB, succeed } from './engine.js';
import { registerJobHandler } from './scheduler.js';
import { bacsOutcome } from './testBacs.js';

/**
 * The end of a Bacs Direct Debit's clearing period: the payment succeeds (mandate accepted) or fails
 * for the magic test account numbers (mandate revoked or kept, as the failure dictates).
 */
export function settleBacsPayment(fake: Fake, job: PendingJob): void {
  const intent = fake.store.get<PaymentIntent>('payment_intent', job.ref, job.scope);
  if (!intent || intent.data.status !== 'processing') return;
  const pi = intent.data;
  const charge = fake.store.get<Charge>('charge', String(job.data['charge']), job.scope);
  const mandate = fake.store.get<Mandate>('mandate', String(job.data['mandate']), job.scope);
  const pm = fake.store.get<PaymentMethod>('payment_method', String(pi.payment_method), job.scope);
  const secrets = (pm?.internal ?? {}) as PaymentMethodSecrets;
  const outcome = bacsOutcome(secrets.sortCode ?? '', secrets.accountNumber ?? '');

  if (outcome.succeeds) {
    if (mandate) setMandateStatus(fake, mandate, 'active', 'accepted');
    if (charge) {
      Object.assign(charge.data, { status: 'succeeded', paid: true, captured: true, amount_captured: charge.data.amount });
      charge.data.outcome = { ...charge.data.outcome!, seller_message: 'Payment complete.' };
      fake.events.emit('charge.succeeded', charge.data, job.scope);
    }
    succeed(fake, intent);
  } else {
    if (mandate) {
      if (outcome.mandate === 'inactive') setMandateStatus(fake, mandate, 'inactive', 'revoked', 'debit_not_authorized');
      else setMandateStatus(fake, mandate, 'active', 'accepted');
    }
    if (charge) {
      Object.assign(charge.data, { status: 'failed', failure_code: outcome.failureCode ?? null, failure_message: outcome.failureMessage ?? null });
      charge.data.outcome = { ...charge.data.outcome!, network_status: 'declined_by_network', type: 'issuer_declined', reason: outcome.failureCode ?? null, seller_message: outcome.failureMessage ?? null };
      fake.events.emit('charge.failed', charge.data, job.scope);
    }
    pi.status = 'requires_payment_method';
    pi.last_payment_error = {
      type: 'invalid_request_error',
      code: outcome.failureCode as never,
      message: outcome.failureMessage,
      charge: charge?.id,
      payment_method: pm ? clone(pm.data) : undefined,
      payment_method_type: 'bacs_debit',
    };
    pi.payment_method = null;
    fake.store.touch();
    fake.events.emit('payment_intent.payment_failed', pi, job.scope);
    fake.paymentSettled(intent, false);
  }
}

export function registerSettlementJobs(): void {
  registerJobHandler(BACS_SETTLEMENT_JOB, settleBacsPayment);
}
