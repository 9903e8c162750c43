import type Stripe from 'stripe';
import { newId, randomToken } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import type { PaymentIntent } from './paymentIntents.model.js';
import type { PaymentMethod } from './paymentMethods.model.js';

export type Charge = Wire<Stripe.Charge>;

function methodDetails(pm: PaymentMethod, mandateId: string | null): Charge['payment_method_details'] {
  if (pm.type === 'bacs_debit' && pm.bacs_debit) {
    return { type: 'bacs_debit', bacs_debit: { fingerprint: pm.bacs_debit.fingerprint, last4: pm.bacs_debit.last4, mandate: mandateId, sort_code: pm.bacs_debit.sort_code } };
  }
  const card = pm.card!;
  return {
    type: 'card',
    card: {
      amount_authorized: null,
      authorization_code: null,
      brand: card.brand,
      checks: card.checks,
      country: card.country,
      electronic_commerce_indicator: null,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      fingerprint: card.fingerprint ?? null,
      funding: card.funding,
      installments: null,
      last4: card.last4,
      mandate: null,
      network: card.brand,
      network_token: { used: false },
      network_transaction_id: null,
      regulated_status: card.regulated_status,
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}

/** A new charge for a payment intent's attempt; status and outcome are set by the caller. */
export function buildCharge(pi: PaymentIntent, pm: PaymentMethod, now: number, receiptBase: string, mandateId: string | null = null): Charge {
  const id = newId('ch');
  return {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: pi.application_fee_amount,
    balance_transaction: null,
    billing_details: { ...pm.billing_details },
    calculated_statement_descriptor: 'STRIPE-FAKE',
    captured: false,
    created: now,
    currency: pi.currency,
    customer: typeof pi.customer === 'string' ? pi.customer : null,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: typeof pi.on_behalf_of === 'string' ? pi.on_behalf_of : null,
    outcome: null,
    paid: false,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: methodDetails(pm, mandateId),
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: `${receiptBase}/receipts/${id}?token=${randomToken(16)}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: 'pending',
    transfer_data: pi.transfer_data ? { amount: pi.transfer_data.amount ?? null, destination: pi.transfer_data.destination } : null,
    transfer_group: pi.transfer_group,
  };
}

export function authorisedOutcome(): NonNullable<Charge['outcome']> {
  return {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    network_status: 'approved_by_network',
    reason: null,
    risk_level: 'normal',
    risk_score: 12,
    seller_message: 'Payment complete.',
    type: 'authorized',
  };
}

export function declinedOutcome(reason: string): NonNullable<Charge['outcome']> {
  return {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    network_status: 'declined_by_network',
    reason,
    risk_level: 'normal',
    risk_score: 12,
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}
