import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { startWithWebhooks, stopWithWebhooks, type WebhookReceiver } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
let hooks: WebhookReceiver;
let price: Stripe.Price;
beforeAll(async () => {
  ({ fake, stripe, hooks } = await startWithWebhooks());
  const product = await stripe.products.create({ name: 'Partnership subscription', metadata: { tier: 'standard' } });
  price = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 4500, recurring: { interval: 'month' }, lookup_key: 'standard_monthly' });
});
afterAll(() => stopWithWebhooks(fake, hooks));

async function customerWithCard(number = 'pm_card_visa') {
  const customer = await stripe.customers.create({ email: 'finance@partnership.example', name: 'North Partnership' });
  const pm = await stripe.paymentMethods.attach(number, { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  return { customer, pm };
}

describe('products and prices', () => {
  it('create, retrieve, update, list', async () => {
    const product = await stripe.products.create({ name: 'Training day', description: 'CPD' });
    expect((await stripe.products.update(product.id, { name: 'Training day (full)' })).name).toBe('Training day (full)');
    const oneOff = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 12000 });
    expect(oneOff).toMatchObject({ type: 'one_time', recurring: null, unit_amount: 12000, active: true });
    expect((await stripe.prices.list({ lookup_keys: ['standard_monthly'] })).data.map((p) => p.id)).toEqual([price.id]);
    expect((await stripe.prices.update(oneOff.id, { active: false })).active).toBe(false);
    expect((await stripe.prices.list({ product: product.id, active: true })).data).toHaveLength(0);
  });
});

describe('subscriptions and invoices', () => {
  it('a subscription paid by card is active with a paid invoice; invoice.paid and customer.subscription.created are sent', async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id, quantity: 2 }], metadata: { partnership: 'north' } });
    expect(sub).toMatchObject({ object: 'subscription', status: 'active', customer: customer.id, metadata: { partnership: 'north' } });
    expect(sub.items.data[0]).toMatchObject({ quantity: 2, price: { id: price.id } });
    const invoice = await stripe.invoices.retrieve(String(sub.latest_invoice));
    expect(invoice).toMatchObject({ status: 'paid', amount_due: 9000, amount_paid: 9000, billing_reason: 'subscription_create', customer: customer.id });
    expect(invoice.number).toMatch(/-0001$/);
    expect(invoice.lines.data[0]).toMatchObject({ amount: 9000, quantity: 2, description: '2 × Partnership subscription (at £45.00 / month)' });
    expect((await fetch(String(invoice.hosted_invoice_url))).status).toBe(200);
    expect((await stripe.invoices.list({ customer: customer.id })).data.map((i) => i.id)).toEqual([invoice.id]);

    await fake.waitForDeliveries();
    const types = hooks.received.filter((d) => JSON.stringify(d.event.data.object).includes(sub.id)).map((d) => d.event.type);
    expect(types[0]).toBe('customer.subscription.created');
    expect(types).toEqual(expect.arrayContaining(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']));
  });

  it('trial_period_days: trialing with a £0 invoice, then active and billed when the trial ends', async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_period_days: 30 });
    expect(sub.status).toBe('trialing');
    expect(sub.trial_end! - sub.trial_start!).toBe(30 * 86400);
    expect((await stripe.invoices.retrieve(String(sub.latest_invoice))).amount_due).toBe(0);

    fake.advanceTime(31);
    const after = await stripe.subscriptions.retrieve(sub.id);
    expect(after.status).toBe('active');
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 4500],
      ['subscription_create', 'paid', 0],
    ]);
  });

  it('quantity updates send customer.subscription.updated with previous_attributes; renewals and cancellation', async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id, quantity: 1 }] });
    const updated = await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0]!.id, quantity: 5 }] });
    expect(updated.items.data[0]!.quantity).toBe(5);
    await fake.waitForDeliveries();
    const update = hooks.received.find((d) => d.event.type === 'customer.subscription.updated' && d.event.data.object['id'] === sub.id);
    expect(update).toBeDefined();
    expect(JSON.stringify((update!.event.data as { previous_attributes?: unknown }).previous_attributes)).toContain('"quantity":1');

    fake.advanceTime(32);
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data[0]).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 22500 });

    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    fake.advanceTime(32);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled');

    const other = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const canceled = await stripe.subscriptions.cancel(other.id);
    expect(canceled.status).toBe('canceled');
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(2);
  });

  it('a declined card leaves the subscription incomplete with an open invoice', async () => {
    const customer = await stripe.customers.create({ email: 'x@example.org' });
    const pm = await stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: pm.id });
    expect(sub.status).toBe('incomplete');
    const invoice = await stripe.invoices.retrieve(String(sub.latest_invoice));
    expect(invoice).toMatchObject({ status: 'open', attempted: true, amount_paid: 0 });
    const paid = await stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
    expect(paid.status).toBe('paid');
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });

  it('rejects a default payment method that is not attached to the customer', async () => {
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2035 } } as Stripe.PaymentMethodCreateParams);
    await expect(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: pm.id })).rejects.toThrow(/must be attached to the customer/);
  });
});
