import type { Fake } from '../fake.js';
import { invalidRequest, unexpectedState } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { Params } from '../http/params.js';
import type { ApiRequest, Router } from '../http/router.js';
import { confirmPaymentIntent, succeed } from '../payments/engine.js';
import { resolveMethodTypes } from '../payments/methodTypes.js';
import type { Scope, StoredObject } from '../store/state.js';
import type { Charge } from './charges.model.js';
import { assertCanCharge } from './connect.js';
import { acceptanceFrom } from './mandates.js';
import { buildPaymentIntent, paymentMethodOptions, type PaymentIntent } from './paymentIntents.model.js';
import { paymentMethodFromParams, resolvePaymentMethod } from './paymentMethods.js';

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

function requireIntent(req: ApiRequest): StoredObject<PaymentIntent> {
  return req.fake.store.require<PaymentIntent>('payment_intent', req.pathParams['id']!, req.scope, 'intent', 'payment_intent');
}

/** Confirms with the request's `payment_method` (or the one already set) and `mandate_data`. */
function confirmFromParams(fake: Fake, scope: Scope, record: StoredObject<PaymentIntent>, params: Params): void {
  const current = typeof record.data.payment_method === 'string' ? record.data.payment_method : undefined;
  const paymentMethod = paymentMethodFromParams(fake, scope, params) ?? (current ? resolvePaymentMethod(fake, scope, current) : undefined);
  if (!paymentMethod) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with a payment method, please pass a value for `payment_method`.",
    );
  }
  confirmPaymentIntent(fake, record, { paymentMethod, acceptance: acceptanceFrom(params.obj('mandate_data')) });
}

/** Creates (and optionally confirms) a PaymentIntent; shared with Checkout. */
export function createPaymentIntent(fake: Fake, scope: Scope, params: Params): StoredObject<PaymentIntent> {
  assertCanCharge(fake, scope, params);
  const customer = params.str('customer');
  if (customer) fake.store.require('customer', customer, scope, 'customer');
  const pi = buildPaymentIntent(params, fake.now());
  const record = fake.store.insert('payment_intent', scope, pi);
  const pm = paymentMethodFromParams(fake, scope, params);
  if (pm) {
    pi.payment_method = pm.id;
    pi.status = 'requires_confirmation';
  }
  fake.events.emit('payment_intent.created', pi, scope);
  if (params.bool('confirm')) confirmFromParams(fake, scope, record, params.has('payment_method_data') ? params.without('payment_method_data') : params);
  return record;
}

export function registerPaymentIntents(router: Router): void {
  router.post('/v1/payment_intents', (req) => {
    req.params.forEndpoint('paymentIntents.create');
    return createPaymentIntent(req.fake, req.scope, req.params).data;
  });

  router.get('/v1/payment_intents', (req) => {
    req.params.forEndpoint('paymentIntents.list');
    const customer = req.params.str('customer');
    const items = req.fake.store.list<PaymentIntent>('payment_intent', req.scope, (r) => !customer || r.data.customer === customer).map((r) => r.data);
    return paginate(items, req.params, '/v1/payment_intents');
  });

  router.get('/v1/payment_intents/:id', (req) => requireIntent(req).data);

  router.post('/v1/payment_intents/:id', (req) => {
    req.params.forEndpoint('paymentIntents.update');
    const record = requireIntent(req);
    const pi = record.data;
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status) && req.params.keys().some((k) => k !== 'metadata' && k !== 'description')) {
      throw unexpectedState(`You cannot update this PaymentIntent because it has a status of ${pi.status}.`);
    }
    const p = req.params;
    if (p.has('amount')) pi.amount = p.reqInt('amount');
    if (p.has('currency')) pi.currency = p.reqStr('currency').toLowerCase();
    if (p.has('customer')) pi.customer = p.emptyable('customer') ?? null;
    if (p.has('description')) pi.description = p.emptyable('description') ?? null;
    if (p.has('receipt_email')) pi.receipt_email = p.emptyable('receipt_email') ?? null;
    if (p.has('application_fee_amount')) pi.application_fee_amount = p.int('application_fee_amount') ?? null;
    if (p.has('metadata')) pi.metadata = p.metadata(pi.metadata);
    if (p.has('allowed_payment_method_types') || p.has('payment_method_types') || p.has('excluded_payment_method_types')) {
      const methods = resolveMethodTypes(p, pi.currency);
      pi.payment_method_types = methods.types;
      pi.allowed_payment_method_types = methods.allowed as typeof pi.allowed_payment_method_types;
      pi.excluded_payment_method_types = methods.excluded as typeof pi.excluded_payment_method_types;
      pi.payment_method_options = paymentMethodOptions(methods.types);
    }
    const pm = paymentMethodFromParams(req.fake, req.scope, p);
    if (pm) {
      pi.payment_method = pm.id;
      pi.status = 'requires_confirmation';
    }
    req.fake.store.touch();
    return pi;
  });

  router.post('/v1/payment_intents/:id/confirm', (req) => {
    req.params.forEndpoint('paymentIntents.confirm');
    const record = requireIntent(req);
    confirmFromParams(req.fake, req.scope, record, req.params);
    return record.data;
  });

  router.post('/v1/payment_intents/:id/capture', (req) => {
    req.params.forEndpoint('paymentIntents.capture');
    const record = requireIntent(req);
    const pi = record.data;
    if (pi.status !== 'requires_capture') throw unexpectedState(`This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`);
    const amount = req.params.int('amount_to_capture') ?? pi.amount_capturable;
    if (amount > pi.amount_capturable) throw invalidRequest('The amount to capture must be less than or equal to the amount capturable.', { param: 'amount_to_capture', code: 'amount_too_large' });
    const charge = req.fake.store.get<Charge>('charge', String(pi.latest_charge), req.scope);
    if (charge) {
      charge.data.captured = true;
      charge.data.amount_captured = amount;
      req.fake.events.emit('charge.captured', charge.data, req.scope);
    }
    pi.amount = amount;
    succeed(req.fake, record);
    return pi;
  });

  router.post('/v1/payment_intents/:id/cancel', (req) => {
    req.params.forEndpoint('paymentIntents.cancel');
    const record = requireIntent(req);
    const pi = record.data;
    if (!CANCELABLE.includes(pi.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      );
    }
    pi.status = 'canceled';
    pi.canceled_at = req.fake.now();
    pi.cancellation_reason = req.params.oneOf('cancellation_reason', ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
    pi.amount_capturable = 0;
    req.fake.store.jobs().filter((job) => job.ref === pi.id).forEach((job) => req.fake.store.removeJob(job.id));
    req.fake.store.touch();
    req.fake.events.emit('payment_intent.canceled', pi, req.scope);
    return pi;
  });
}
