import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { startWithWebhooks, stopWithWebhooks, submitForm, type WebhookReceiver, WEBHOOK_SECRET } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
let hooks: WebhookReceiver;
beforeAll(async () => {
  ({ fake, stripe, hooks } = await startWithWebhooks());
});
afterAll(() => stopWithWebhooks(fake, hooks));
beforeEach(async () => {
  await fake.waitForDeliveries();
  hooks.received.length = 0;
});

const lineItems = [{ price_data: { currency: 'gbp', unit_amount: 2500, product_data: { name: 'Year 6 residential trip' } }, quantity: 2 }];

async function connectedAccount(): Promise<string> {
  const account = await stripe.accounts.create({ type: 'standard', country: 'GB', business_profile: { name: 'Hilltop Primary' } });
  fake.completeOnboarding(account.id);
  return account.id;
}

function eventsFor(id: string) {
  return hooks.received.filter((d) => JSON.stringify(d.event.data.object).includes(id)).map((d) => d.event.type);
}

describe('Checkout Sessions — payment mode', () => {
  it('card: hosted page "Pay by card" completes at once and redirects to success_url', async () => {
    const account = await connectedAccount();
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        allowed_payment_method_types: ['card', 'bacs_debit'],
        line_items: lineItems,
        client_reference_id: 'booking_42',
        metadata: { booking: '42' },
        payment_intent_data: { application_fee_amount: 150, metadata: { booking: '42' } },
        success_url: 'https://app.example/paid?session_id={CHECKOUT_SESSION_ID}',
        cancel_url: 'https://app.example/cancelled',
      },
      { stripeAccount: account },
    );
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', amount_total: 5000, currency: 'gbp', client_reference_id: 'booking_42', payment_intent: null });
    expect(session.url).toBe(`${fake.url}/checkout/pay/${session.id}`);

    const page = await (await fetch(session.url!)).text();
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('>Pay by card</button>');
    expect(page).toContain('>Pay by Bacs Direct Debit</button>');
    expect(page).toMatch(/<label for="card-number">Card number<\/label>/);
    expect(page).toContain('Year 6 residential trip');
    expect(page).toContain('href="https://app.example/cancelled"');

    const res = await submitForm(session.url!, { method: 'card', card_number: '4242 4242 4242 4242', name: 'Pat Parent', email: 'pat@example.org' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`https://app.example/paid?session_id=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] }, { stripeAccount: account });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', metadata: { booking: '42' } });
    expect(done.customer_details?.email).toBe('pat@example.org');
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'succeeded', amount: 5000, amount_received: 5000, application_fee_amount: 150, metadata: { booking: '42' } });

    await fake.waitForDeliveries();
    expect(eventsFor(session.id)).toEqual(['checkout.session.completed']);
    expect(hooks.types()).toEqual(expect.arrayContaining(['payment_intent.succeeded', 'charge.succeeded', 'checkout.session.completed']));
    const completed = hooks.received.find((d) => d.event.type === 'checkout.session.completed')!;
    expect(completed.event.account).toBe(account);
    expect(stripe.webhooks.constructEvent(completed.body, completed.signature, WEBHOOK_SECRET).type).toBe('checkout.session.completed');
  });

  it('a declined card shows an accessible error and leaves the session open; a good card then succeeds', async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, success_url: 'https://app.example/ok' });
    const declined = await submitForm(session.url!, { method: 'card', card_number: '4000000000000002', name: 'Pat' });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toMatch(/role="alert"[^>]*>.*Your card was declined\./s);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const paid = await submitForm(session.url!, { method: 'card', card_number: '4242424242424242', name: 'Pat' });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done.payment_status).toBe('paid');
    const pi = await stripe.paymentIntents.retrieve(String(done.payment_intent));
    expect(pi.status).toBe('succeeded');
    const charges = await stripe.charges.list({ payment_intent: pi.id });
    expect(charges.data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
  });

  it('Bacs: mandate created, payment processing until the multi-day delay passes, then succeeds', async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'payment', allowed_payment_method_types: ['bacs_debit'], line_items: lineItems, success_url: 'https://app.example/ok' });
    const res = await submitForm(session.url!, { method: 'bacs_debit', name: 'Pat Parent', email: 'pat@example.org', sort_code: '10-88-00', account_number: '00012345' });
    expect(res.status).toBe(303);

    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    const pi = await stripe.paymentIntents.retrieve(String(done.payment_intent), { expand: ['latest_charge'] });
    expect(pi.status).toBe('processing');
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.status).toBe('pending');
    const mandateId = String(charge.payment_method_details?.bacs_debit?.mandate);
    const mandate = await stripe.mandates.retrieve(mandateId);
    expect(mandate).toMatchObject({ status: 'pending', type: 'multi_use', payment_method_details: { type: 'bacs_debit', bacs_debit: { network_status: 'pending' } } });
    await fake.waitForDeliveries();
    expect(hooks.types()).toEqual(expect.arrayContaining(['payment_intent.processing', 'checkout.session.completed']));
    expect(hooks.types()).not.toContain('payment_intent.succeeded');

    expect(fake.advanceTime(1)).toBe(0);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('processing');
    expect(fake.advanceTime(2)).toBeGreaterThan(0);

    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    expect((await stripe.mandates.retrieve(mandateId)).status).toBe('active');
    await fake.waitForDeliveries();
    expect(hooks.types()).toEqual(expect.arrayContaining(['mandate.updated', 'payment_intent.succeeded', 'checkout.session.async_payment_succeeded']));
  });

  it('Bacs with the failing test account number fails after the delay (async_payment_failed, mandate revoked)', async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'payment', allowed_payment_method_types: ['bacs_debit'], line_items: lineItems, success_url: 'https://app.example/ok' });
    fake.completeCheckout(session.id, { method: 'bacs_debit', sortCode: '108800', accountNumber: '33333335', name: 'Pat' });
    fake.settlePending();
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    expect(done.payment_status).toBe('unpaid');
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error?.code).toBe('debit_not_authorized');
    expect((pi.latest_charge as Stripe.Charge).status).toBe('failed');
    const mandate = await stripe.mandates.retrieve(String((pi.latest_charge as Stripe.Charge).payment_method_details?.bacs_debit?.mandate));
    expect(mandate.status).toBe('inactive');
    await fake.waitForDeliveries();
    expect(hooks.types()).toEqual(expect.arrayContaining(['payment_intent.payment_failed', 'charge.failed', 'checkout.session.async_payment_failed', 'mandate.updated']));
  });

  it('lists line items, expands them, and validates the request', async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, success_url: 'https://app.example/ok' });
    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]).toMatchObject({ object: 'item', quantity: 2, amount_total: 5000, description: 'Year 6 residential trip' });
    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(expanded.line_items?.data).toHaveLength(1);
    await expect(stripe.checkout.sessions.create({ mode: 'payment', success_url: 'https://x' })).rejects.toThrow(/line_items/);
    await expect(stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } }, quantity: 1 }], allowed_payment_method_types: ['bacs_debit'] })).rejects.toThrow(/gbp/);
    await expect(stripe.checkout.sessions.create({ mode: 'subscription', line_items: lineItems })).rejects.toThrow(/recurring price/);
  });

  it('offers card and Bacs for GBP by default, card only for other currencies; accepts the older payment_method_types name', async () => {
    const gbp = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems });
    expect(gbp).toMatchObject({ payment_method_types: ['card', 'bacs_debit'], allowed_payment_method_types: null });
    const usd = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } }, quantity: 1 }] });
    expect(usd.payment_method_types).toEqual(['card']);
    const page = await (await fetch(usd.url!)).text();
    expect(page).toContain('Pay by card');
    expect(page).not.toContain('Pay by Bacs Direct Debit');
    const legacy = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, payment_method_types: ['bacs_debit'] } as Stripe.Checkout.SessionCreateParams);
    expect(legacy.payment_method_types).toEqual(['bacs_debit']);
    const excluded = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, excluded_payment_method_types: ['bacs_debit'] });
    expect(excluded.payment_method_types).toEqual(['card']);
    await expect(stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, allowed_payment_method_types: ['sepa_debit'] })).rejects.toThrow(/not supported by stripe-fake/);
  });

  it('expires on request and after 24 hours of fake time', async () => {
    const a = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems });
    expect((await stripe.checkout.sessions.expire(a.id)).status).toBe('expired');
    const b = await stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems });
    fake.advanceTime(1.01);
    expect((await stripe.checkout.sessions.retrieve(b.id)).status).toBe('expired');
    const page = await (await fetch(`${fake.url}/checkout/pay/${b.id}`)).text();
    expect(page).toContain('expired');
  });
});

describe('Checkout Sessions — setup and subscription modes', () => {
  it('setup mode with Bacs saves a payment method with a mandate and a customer', async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'gbp', allowed_payment_method_types: ['bacs_debit'], success_url: 'https://app.example/ok' });
    expect(session.payment_status).toBe('no_payment_required');
    const res = await submitForm(session.url!, { method: 'bacs_debit', name: 'Pat', email: 'pat@example.org', sort_code: '108800', account_number: '00012345' });
    expect(res.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['setup_intent'] });
    expect(done.status).toBe('complete');
    const si = done.setup_intent as Stripe.SetupIntent;
    expect(si).toMatchObject({ status: 'succeeded', customer: done.customer });
    expect(String(si.mandate)).toMatch(/^mandate_/);
    const pms = await stripe.customers.listPaymentMethods(String(done.customer));
    expect(pms.data[0]?.type).toBe('bacs_debit');
  });

  it('subscription mode with Bacs: incomplete until the first payment clears, then active with a paid invoice', async () => {
    const product = await stripe.products.create({ name: 'Annual membership' });
    const price = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 60000, recurring: { interval: 'year' } });
    const session = await stripe.checkout.sessions.create({ mode: 'subscription', allowed_payment_method_types: ['bacs_debit'], line_items: [{ price: price.id, quantity: 1 }], success_url: 'https://app.example/ok' });
    const res = await submitForm(session.url!, { method: 'bacs_debit', name: 'Finance Office', email: 'finance@example.org', sort_code: '108800', account_number: '00012345' });
    expect(res.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect((await stripe.subscriptions.retrieve(String(done.subscription))).status).toBe('incomplete');
    expect((await stripe.invoices.retrieve(String(done.invoice))).status).toBe('open');

    fake.advanceTime(3);
    expect((await stripe.subscriptions.retrieve(String(done.subscription))).status).toBe('active');
    expect((await stripe.invoices.retrieve(String(done.invoice))).status).toBe('paid');
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    await fake.waitForDeliveries();
    expect(hooks.types()).toEqual(expect.arrayContaining(['invoice.paid', 'customer.subscription.updated', 'checkout.session.async_payment_succeeded']));
  });

  it('subscription mode with a trial creates a trialing subscription and a paid £0 invoice', async () => {
    const product = await stripe.products.create({ name: 'Partnership plan' });
    const price = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 9900, recurring: { interval: 'month' } });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 3 }],
      subscription_data: { trial_period_days: 14, metadata: { partnership: 'p_9' } },
      customer_email: 'office@partnership.example',
      success_url: 'https://app.example/ok',
    });
    expect(session.amount_total).toBe(0);
    fake.completeCheckout(session.id, { method: 'card' });
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect(done.payment_status).toBe('no_payment_required');
    const sub = done.subscription as Stripe.Subscription;
    expect(sub).toMatchObject({ status: 'trialing', metadata: { partnership: 'p_9' } });
    expect(sub.items.data[0]!.quantity).toBe(3);
    const invoice = await stripe.invoices.retrieve(String(done.invoice));
    expect(invoice).toMatchObject({ status: 'paid', amount_due: 0, billing_reason: 'subscription_create' });

    fake.advanceTime(15);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe('active');
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data[0]).toMatchObject({ status: 'paid', amount_paid: 29700, billing_reason: 'subscription_cycle' });
  });
});
