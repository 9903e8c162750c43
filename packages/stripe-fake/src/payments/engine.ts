import type { Fake } from '../fake.js';
import { cardError, invalidRequest, unexpectedState } from '../http/errors.js';
import { authorisedOutcome, buildCharge, declinedOutcome, type Charge } from '../resources/charges.model.js';
import { createBacsMandate, usableMandate, type Acceptance } from '../resources/mandates.js';
import type { PaymentIntent } from '../resources/paymentIntents.model.js';
import { attachPaymentMethod, type StoredPaymentMethod } from '../resources/paymentMethods.js';
import type { StoredObject } from '../store/state.js';
import { DAY } from '../util/clock.js';
import { clone } from '../util/json.js';
import { lookupCard } from './testCards.js';

export const BACS_SETTLEMENT_JOB = 'bacs_payment';

export interface ConfirmInput {
  paymentMethod: StoredPaymentMethod;
  /** Mandate acceptance for Bacs (from `mandate_data` or the hosted Checkout page). */
  acceptance?: Acceptance;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/**
 * Confirms a PaymentIntent with a payment method: cards succeed (or are declined) at once; Bacs Direct
 * Debit creates/uses a mandate and leaves the intent `processing` until settlement. A decline throws
 * Stripe's 402 card error after the failed state is recorded.
 */
export function confirmPaymentIntent(fake: Fake, record: StoredObject<PaymentIntent>, input: ConfirmInput): void {
  const pi = record.data;
  if (!CONFIRMABLE.includes(pi.status)) {
    const why = pi.status === 'succeeded' ? 'it has already succeeded after being previously confirmed' : `it has a status of ${pi.status}`;
    throw unexpectedState(`You cannot confirm this PaymentIntent because ${why}.`);
  }
  const pm = input.paymentMethod;
  const allowed = pi.payment_method_types;
  if (!allowed.includes(pm.data.type)) {
    throw invalidRequest(
      `The PaymentMethod provided (${pm.data.type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${allowed.join(', ')}.`,
      { param: 'payment_method', code: 'payment_intent_incompatible_payment_method' },
    );
  }
  if (pm.data.customer && pm.data.customer !== pi.customer) {
    throw invalidRequest('The provided PaymentMethod belongs to a Customer, so you must also pass the Customer ID in the `customer` parameter.', {
      param: 'payment_method',
    });
  }
  pi.payment_method = pm.id;
  pi.last_payment_error = null;
  if (pm.data.type === 'bacs_debit') confirmBacs(fake, record, input);
  else confirmCard(fake, record, pm);
}

function confirmCard(fake: Fake, record: StoredObject<PaymentIntent>, pm: StoredPaymentMethod): void {
  const pi = record.data;
  const charge = buildCharge(pi, pm.data, fake.now(), fake.baseUrl);
  pi.latest_charge = charge.id;
  const decline = lookupCard(pm.internal.cardNumber ?? '')?.decline;
  if (decline) {
    charge.status = 'failed';
    charge.failure_code = decline.code;
    charge.failure_message = decline.message;
    charge.outcome = declinedOutcome(decline.declineCode ?? decline.code);
    fake.store.insert('charge', record.scope, charge);
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.last_payment_error = {
      type: 'card_error',
      code: decline.code as never,
      decline_code: decline.declineCode,
      message: decline.message,
      charge: charge.id,
      doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
      payment_method: clone(pm.data),
    };
    fake.store.touch();
    fake.events.emit('charge.failed', charge, record.scope);
    fake.events.emit('payment_intent.payment_failed', pi, record.scope);
    fake.paymentSettled(record, false);
    throw cardError(decline.message, decline.code, {
      decline_code: decline.declineCode,
      charge: charge.id,
      payment_intent: clone(pi),
      payment_method: clone(pm.data),
    });
  }
  charge.outcome = authorisedOutcome();
  charge.paid = true;
  charge.status = 'succeeded';
  const manual = pi.capture_method === 'manual';
  charge.captured = !manual;
  charge.amount_captured = manual ? 0 : charge.amount;
  fake.store.insert('charge', record.scope, charge);
  fake.events.emit('charge.succeeded', charge, record.scope);
  if (manual) {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
    fake.events.emit('payment_intent.amount_capturable_updated', pi, record.scope);
  } else {
    succeed(fake, record);
  }
  saveForFuture(fake, record, pm);
}

function confirmBacs(fake: Fake, record: StoredObject<PaymentIntent>, input: ConfirmInput): void {
  const pi = record.data;
  const pm = input.paymentMethod;
  if (pi.currency !== 'gbp') {
    throw invalidRequest(`The currency provided (${pi.currency}) is invalid for Bacs Direct Debit, which only supports gbp.`, { param: 'currency', code: 'parameter_invalid_string' });
  }
  let mandate = usableMandate(fake, record.scope, pm.id);
  if (!mandate) {
    if (!input.acceptance) {
      throw invalidRequest(
        'This PaymentIntent requires a mandate, but no existing mandate was found. Collect mandate acceptance from the customer and try again, providing acceptance data in the mandate_data parameter.',
        { param: 'mandate_data', code: 'parameter_missing' },
      );
    }
    mandate = createBacsMandate(fake, record.scope, pm.data, input.acceptance);
  }
  const charge: Charge = buildCharge(pi, pm.data, fake.now(), fake.baseUrl, mandate.id);
  charge.status = 'pending';
  charge.outcome = { ...authorisedOutcome(), network_status: 'approved_by_network', seller_message: 'Payment pending.' };
  fake.store.insert('charge', record.scope, charge);
  pi.latest_charge = charge.id;
  pi.status = 'processing';
  fake.store.addJob(BACS_SETTLEMENT_JOB, fake.now() + fake.settings.bacsDelayDays * DAY, record.scope, pi.id, { charge: charge.id, mandate: mandate.id });
  fake.store.touch();
  fake.events.emit('charge.pending', charge, record.scope);
  fake.events.emit('payment_intent.processing', pi, record.scope);
  saveForFuture(fake, record, pm);
}

/** Marks the intent succeeded (funds received) and sends `payment_intent.succeeded`. */
export function succeed(fake: Fake, record: StoredObject<PaymentIntent>): void {
  const pi = record.data;
  pi.status = 'succeeded';
  pi.amount_received = pi.amount;
  pi.amount_capturable = 0;
  fake.store.touch();
  fake.events.emit('payment_intent.succeeded', pi, record.scope);
  fake.paymentSettled(record, true);
}

/** `setup_future_usage` with a customer: the payment method is attached to that customer. */
function saveForFuture(fake: Fake, record: StoredObject<PaymentIntent>, pm: StoredPaymentMethod): void {
  const customer = record.data.customer;
  if (record.data.setup_future_usage && typeof customer === 'string' && !pm.data.customer) attachPaymentMethod(fake, record.scope, pm, customer);
}
