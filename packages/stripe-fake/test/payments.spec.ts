import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { startWithWebhooks, stopWithWebhooks, type WebhookReceiver } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
let hooks: WebhookReceiver;
beforeAll(async () => {
  ({ fake, stripe, hooks } = await startWithWebhooks());
});
afterAll(() => stopWithWebhooks(fake, hooks));

const cardParams = (number: string) => ({ type: 'card', card: { number, exp_month: 12, exp_year: 2034, cvc: '123' } }) as Stripe.PaymentMethodCreateParams;

describe('payment methods', () => {
  it('creates cards and Bacs debits, attaches, lists and detaches', async () => {
    const customer = await stripe.customers.create({ name: 'Pat' });
    const card = await stripe.paymentMethods.create({ ...cardParams('4242424242424242'), billing_details: { name: 'Pat', email: 'pat@example.org' } });
    expect(card.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034, funding: 'credit' });
    expect(card.billing_details.email).toBe('pat@example.org');
    const bacs = await stripe.paymentMethods.create({ type: 'bacs_debit', bacs_debit: { sort_code: '10-88-00', account_number: '00012345' } });
    expect(bacs.bacs_debit).toMatchObject({ sort_code: '108800', last4: '2345' });

    await stripe.paymentMethods.attach(card.id, { customer: customer.id });
    await stripe.paymentMethods.attach(bacs.id, { customer: customer.id });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(2);
    expect((await stripe.paymentMethods.list({ customer: customer.id, type: 'card' })).data.map((p) => p.id)).toEqual([card.id]);
    expect((await stripe.paymentMethods.detach(card.id)).customer).toBeNull();

    await expect(stripe.paymentMethods.create(cardParams('4242424242424241'))).rejects.toMatchObject({ type: 'StripeCardError', code: 'incorrect_number' });
  });
});

describe('payment intents', () => {
  it('create → confirm with the 4242 card succeeds and creates a charge', async () => {
    const pm = await stripe.paymentMethods.create(cardParams('4242424242424242'));
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', description: 'Trip deposit', metadata: { booking: '7' } });
    expect(pi).toMatchObject({ status: 'requires_payment_method', amount: 2000, currency: 'gbp', metadata: { booking: '7' } });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: pm.id });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 2000, payment_method: pm.id });
    const charge = await stripe.charges.retrieve(String(confirmed.latest_charge));
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, captured: true, amount: 2000, payment_intent: pi.id, description: 'Trip deposit' });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    await expect(stripe.paymentIntents.confirm(pi.id, { payment_method: pm.id })).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('the 4000000000000002 card is declined with a 402 card_error', async () => {
    const pm = await stripe.paymentMethods.create(cardParams('4000000000000002'));
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const error = (await stripe.paymentIntents.confirm(pi.id, { payment_method: pm.id }).catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    expect((await stripe.charges.retrieve(String(after.latest_charge))).status).toBe('failed');
    await fake.waitForDeliveries();
    expect(hooks.received.some((d) => d.event.type === 'payment_intent.payment_failed' && d.event.data.object['id'] === pi.id)).toBe(true);
  });

  it('payment_method_data creates the payment method inline; unmodelled parameters are refused clearly', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 1800,
      currency: 'gbp',
      payment_method_data: { type: 'card', card: { number: '4242424242424242', exp_month: 10, exp_year: 2033 } } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData,
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect((await stripe.paymentMethods.retrieve(String(pi.payment_method))).card?.last4).toBe('4242');
    await expect(stripe.paymentIntents.create({ amount: 100, currency: 'gbp', confirmation_token: 'ctoken_x' })).rejects.toThrow(/does not implement `confirmation_token`/);
  });

  it('cancel and manual capture', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 900, currency: 'gbp' });
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'requested_by_customer' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer' });
    expect(canceled.canceled_at).toBeTypeOf('number');
    await expect(stripe.paymentIntents.cancel(pi.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });

    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: 1000 });
    const captured = await stripe.paymentIntents.capture(held.id, { amount_to_capture: 800 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 800 });
  });

  it('Bacs via the API needs mandate_data, then settles when time advances', async () => {
    const pm = await stripe.paymentMethods.create({ type: 'bacs_debit', bacs_debit: { sort_code: '108800', account_number: '00012345' }, billing_details: { name: 'Pat', email: 'pat@example.org' } });
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: 'gbp', allowed_payment_method_types: ['bacs_debit'], payment_method: pm.id });
    await expect(stripe.paymentIntents.confirm(pi.id)).rejects.toThrow(/requires a mandate/);
    const processing = await stripe.paymentIntents.confirm(pi.id, { mandate_data: { customer_acceptance: { type: 'online', online: { ip_address: '127.0.0.1', user_agent: 'test' } } } });
    expect(processing.status).toBe('processing');
    fake.advanceTime(3);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });
});

describe('refunds', () => {
  it('partial then full refund update the charge; over-refunding is rejected; charge.refunded is sent', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 1500, reason: 'requested_by_customer', metadata: { why: 'ill' } });
    expect(partial).toMatchObject({ object: 'refund', amount: 1500, status: 'succeeded', payment_intent: pi.id, charge: pi.latest_charge, reason: 'requested_by_customer' });
    let charge = await stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 1500, refunded: false });

    const tooMuch = (await stripe.refunds.create({ charge: charge.id, amount: 4000 }).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(tooMuch.code).toBe('amount_too_large');
    expect(tooMuch.message).toBe('Refund amount (£40.00) is greater than unrefunded amount on charge (£35.00)');

    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(3500);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({ code: 'charge_already_refunded' });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(2);

    await fake.waitForDeliveries();
    const refunded = hooks.received.filter((d) => d.event.type === 'charge.refunded' && d.event.data.object['id'] === charge.id);
    expect(refunded.map((d) => d.event.data.object['amount_refunded'])).toEqual([1500, 5000]);
  });

  it('refuses to refund a payment that has not succeeded', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: 'gbp' });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ code: 'charge_not_refundable' });
  });
});
