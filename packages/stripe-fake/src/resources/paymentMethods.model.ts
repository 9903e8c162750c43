import type Stripe from 'stripe';
import { cardError, invalidRequest, parameterMissing } from '../http/errors.js';
import type { Params } from '../http/params.js';
import { validBacsDetails } from '../payments/testBacs.js';
import { lookupCard } from '../payments/testCards.js';
import { addressFrom } from '../util/address.js';
import { newId } from '../util/ids.js';
import type { Wire } from '../util/wire.js';

export type PaymentMethod = Wire<Stripe.PaymentMethod>;

/** Details we keep privately (Stripe never returns the full number). */
export interface PaymentMethodSecrets {
  cardNumber?: string;
  sortCode?: string;
  accountNumber?: string;
}

export interface BuiltPaymentMethod {
  paymentMethod: PaymentMethod;
  secrets: PaymentMethodSecrets;
}

function billingDetails(params: Params | undefined): PaymentMethod['billing_details'] {
  return {
    address: addressFrom(params?.obj('address')),
    email: params?.str('email') ?? null,
    name: params?.str('name') ?? null,
    phone: params?.str('phone') ?? null,
    tax_id: null,
  };
}

function base(type: Stripe.PaymentMethod.Type, params: Params, now: number): PaymentMethod {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billingDetails(params.obj('billing_details')),
    created: now,
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: params.metadata(),
    type,
  };
}

export function cardDetails(number: string, expMonth: number, expYear: number): NonNullable<PaymentMethod['card']> {
  const card = lookupCard(number)!;
  const digits = number.replace(/\D/g, '');
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: card.country,
    display_brand: card.brand,
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprint(digits),
    funding: card.funding,
    generated_from: null,
    last4: digits.slice(-4),
    networks: { available: [card.brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

/** Stable per number, like Stripe's fingerprints (same card → same fingerprint). */
function fingerprint(value: string): string {
  let hash = 0;
  for (const ch of value) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `fp${hash.toString(36)}`.padEnd(16, '0');
}

export function buildCardPaymentMethod(params: Params, now: number, cardNumber?: string): BuiltPaymentMethod {
  const card = params.obj('card');
  const number = cardNumber ?? card?.str('number');
  if (!number) throw parameterMissing('card[number]');
  if (!lookupCard(number)) throw cardError('Your card number is incorrect.', 'incorrect_number', { param: 'card[number]' });
  const pm = base('card', params, now);
  const expYear = card?.int('exp_year') ?? new Date().getUTCFullYear() + 4;
  pm.card = cardDetails(number, card?.int('exp_month') ?? 12, expYear < 100 ? 2000 + expYear : expYear);
  return { paymentMethod: pm, secrets: { cardNumber: number.replace(/\D/g, '') } };
}

export function buildBacsPaymentMethod(params: Params, now: number): BuiltPaymentMethod {
  const bacs = params.obj('bacs_debit');
  const sortCode = (bacs?.str('sort_code') ?? '').replace(/-/g, '');
  const accountNumber = bacs?.str('account_number') ?? '';
  if (!sortCode) throw parameterMissing('bacs_debit[sort_code]');
  if (!accountNumber) throw parameterMissing('bacs_debit[account_number]');
  if (!validBacsDetails(sortCode, accountNumber)) {
    throw invalidRequest('Your bank account details are invalid. Please check the sort code and account number.', { param: 'bacs_debit[account_number]', code: 'invalid_bank_account' });
  }
  const pm = base('bacs_debit', params, now);
  pm.bacs_debit = { fingerprint: fingerprint(sortCode + accountNumber), last4: accountNumber.slice(-4), sort_code: sortCode };
  return { paymentMethod: pm, secrets: { sortCode, accountNumber } };
}

export function buildPaymentMethod(params: Params, now: number): BuiltPaymentMethod {
  const type = params.reqStr('type');
  if (type === 'card') return buildCardPaymentMethod(params, now);
  if (type === 'bacs_debit') return buildBacsPaymentMethod(params, now);
  throw invalidRequest(`The payment method type \`${type}\` is not supported by stripe-fake (card and bacs_debit are).`, { param: 'type', code: 'parameter_invalid_string' });
}
