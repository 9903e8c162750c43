import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { Router } from '../http/router.js';
import { registerJobHandler } from '../payments/scheduler.js';
import type { PendingJob, StoredObject } from '../store/state.js';
import { DAY } from '../util/clock.js';
import { newId } from '../util/ids.js';
import { clone } from '../util/json.js';
import { formatMoney } from '../util/money.js';
import type { Wire } from '../util/wire.js';
import type { Charge } from './charges.model.js';
import type { PaymentIntent } from './paymentIntents.model.js';

export type Refund = Wire<Stripe.Refund>;

const REFUND_SETTLEMENT_JOB = 'bacs_refund';

function chargeFor(req: { fake: Fake; scope: string }, chargeId: string | undefined, intentId: string | undefined): StoredObject<Charge> {
  if (chargeId && intentId) throw invalidRequest('You cannot specify both charge and payment_intent.', { param: 'payment_intent' });
  if (intentId) {
    const pi = req.fake.store.require<PaymentIntent>('payment_intent', intentId, req.scope, 'payment_intent');
    const charge = pi.data.latest_charge ? req.fake.store.get<Charge>('charge', String(pi.data.latest_charge), req.scope) : undefined;
    if (!charge || pi.data.status !== 'succeeded') {
      throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { param: 'payment_intent', code: 'charge_not_refundable' });
    }
    return charge;
  }
  if (!chargeId) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing' });
  return req.fake.store.require<Charge>('charge', chargeId, req.scope, 'charge');
}

function settleRefund(fake: Fake, job: PendingJob): void {
  const refund = fake.store.get<Refund>('refund', job.ref, job.scope);
  if (!refund || refund.data.status !== 'pending') return;
  const previous = { status: refund.data.status };
  refund.data.status = 'succeeded';
  const charge = fake.store.get<Charge>('charge', String(refund.data.charge), job.scope);
  const listed = charge?.data.refunds?.data.find((r) => r.id === refund.id);
  if (listed) listed.status = 'succeeded';
  fake.store.touch();
  fake.events.emit('refund.updated', refund.data, job.scope, { previous });
  fake.events.emit('charge.refund.updated', refund.data, job.scope, { previous });
}

export function registerRefundJobs(): void {
  registerJobHandler(REFUND_SETTLEMENT_JOB, settleRefund);
}

export function registerRefunds(router: Router): void {
  router.post('/v1/refunds', (req) => {
    req.params.forEndpoint('refunds.create');
    const charge = chargeFor(req, req.params.str('charge'), req.params.str('payment_intent'));
    const c = charge.data;
    if (c.status !== 'succeeded' || !c.captured) throw invalidRequest(`Charge ${c.id} has not been captured or has not succeeded, so it cannot be refunded.`, { code: 'charge_not_refundable' });
    const remaining = c.amount_captured - c.amount_refunded;
    if (remaining <= 0) throw invalidRequest(`Charge ${c.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = req.params.int('amount') ?? remaining;
    if (amount < 1) throw invalidRequest('Invalid positive integer', { param: 'amount', code: 'parameter_invalid_integer' });
    if (amount > remaining) {
      throw invalidRequest(`Refund amount (${formatMoney(amount, c.currency)}) is greater than unrefunded amount on charge (${formatMoney(remaining, c.currency)})`, {
        param: 'amount',
        code: 'amount_too_large',
      });
    }
    const bacs = c.payment_method_details?.type === 'bacs_debit';
    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: c.id,
      created: req.fake.now(),
      currency: c.currency,
      customer: c.customer,
      customer_account: null,
      destination_details: bacs ? { type: 'bacs_debit' } : { type: 'card', card: { type: 'refund' } },
      metadata: req.params.metadata(),
      payment_intent: c.payment_intent,
      payment_method: c.payment_method,
      reason: req.params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: bacs ? 'pending' : 'succeeded',
      transfer_reversal: null,
    };
    req.fake.store.insert('refund', req.scope, refund);
    const previous = { amount_refunded: c.amount_refunded, refunded: c.refunded };
    c.amount_refunded += amount;
    c.refunded = c.amount_refunded >= c.amount;
    c.refunds = { object: 'list', data: [clone(refund), ...(c.refunds?.data ?? [])], has_more: false, url: `/v1/charges/${c.id}/refunds` };
    if (bacs) req.fake.store.addJob(REFUND_SETTLEMENT_JOB, req.fake.now() + req.fake.settings.bacsDelayDays * DAY, req.scope, refund.id);
    req.fake.store.touch();
    req.fake.events.emit('refund.created', refund, req.scope);
    req.fake.events.emit('charge.refunded', c, req.scope, { previous });
    return refund;
  });

  router.get('/v1/refunds', (req) => {
    req.params.forEndpoint('refunds.list');
    const chargeId = req.params.str('charge');
    const intent = req.params.str('payment_intent');
    const items = req.fake.store
      .list<Refund>('refund', req.scope, (r) => (!chargeId || r.data.charge === chargeId) && (!intent || r.data.payment_intent === intent))
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/refunds');
  });

  router.get('/v1/refunds/:id', (req) => req.fake.store.require<Refund>('refund', req.pathParams['id']!, req.scope, 'refund').data);

  router.post('/v1/refunds/:id', (req) => {
    req.params.allowOnly(['metadata']);
    const refund = req.fake.store.require<Refund>('refund', req.pathParams['id']!, req.scope, 'refund');
    refund.data.metadata = req.params.metadata(refund.data.metadata ?? {});
    req.fake.store.touch();
    return refund.data;
  });
}
