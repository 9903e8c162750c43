import type Stripe from 'stripe';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import type { Params } from '../http/params.js';
import { resolveMethodTypes } from '../payments/methodTypes.js';
import { newId, randomToken } from '../util/ids.js';
import type { Wire } from '../util/wire.js';

export type PaymentIntent = Wire<Stripe.PaymentIntent>;

export function paymentMethodOptions(types: string[]): PaymentIntent['payment_method_options'] {
  const options: NonNullable<PaymentIntent['payment_method_options']> = {};
  if (types.includes('card')) options.card = { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' };
  if (types.includes('bacs_debit')) options.bacs_debit = {};
  return options;
}

/** Builds a new PaymentIntent from create params (status follows from whether a payment method is given). */
export function buildPaymentIntent(params: Params, now: number): PaymentIntent {
  const amount = params.int('amount');
  if (amount === undefined) throw parameterMissing('amount');
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount', code: 'parameter_invalid_integer' });
  const currency = params.reqStr('currency').toLowerCase();
  const methods = resolveMethodTypes(params, currency);
  const automatic = params.obj('automatic_payment_methods');
  const transfer = params.obj('transfer_data');
  const id = newId('pi');
  const captureMethod = params.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const) ?? 'automatic_async';
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: methods.allowed as PaymentIntent['allowed_payment_method_types'],
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: params.int('application_fee_amount') ?? null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: automatic?.bool('enabled') ?? true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: params.oneOf('confirmation_method', ['automatic', 'manual'] as const) ?? 'automatic',
    created: now,
    currency,
    customer: params.str('customer') ?? null,
    customer_account: null,
    description: params.str('description') ?? null,
    excluded_payment_method_types: methods.excluded as PaymentIntent['excluded_payment_method_types'],
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: params.metadata(),
    next_action: null,
    on_behalf_of: params.str('on_behalf_of') ?? null,
    payment_method: null,
    payment_method_configuration_details: { id: 'pmc_stripe_fake_default', parent: null },
    payment_method_options: paymentMethodOptions(methods.types),
    payment_method_types: methods.types,
    payment_record: null,
    processing: null,
    receipt_email: params.str('receipt_email') ?? null,
    review: null,
    setup_future_usage: params.oneOf('setup_future_usage', ['off_session', 'on_session'] as const) ?? null,
    shipping: null,
    source: null,
    statement_descriptor: params.str('statement_descriptor') ?? null,
    statement_descriptor_suffix: params.str('statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_data: transfer ? { destination: transfer.reqStr('destination'), ...(transfer.has('amount') ? { amount: transfer.int('amount') } : {}) } : null,
    transfer_group: params.str('transfer_group') ?? null,
  };
}
