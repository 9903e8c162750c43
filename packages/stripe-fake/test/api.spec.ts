import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { API_KEY, startWithClient, stripeFor } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
beforeAll(async () => ({ fake, stripe } = await startWithClient()));
afterAll(() => fake.stop());

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${fake.url}${path}`, { ...init, headers: { Authorization: `Bearer ${API_KEY}`, ...init.headers } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
}

describe('authentication', () => {
  it('rejects a missing key with 401 and Stripe’s error shape', async () => {
    const res = await fetch(`${fake.url}/v1/customers`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^You did not provide an API key/);
  });

  it('rejects invalid and live keys through the SDK as StripeAuthenticationError', async () => {
    for (const key of ['sk_live_0123456789abcdef', 'not_a_key_at_all', 'pk_test_0123456789']) {
      const error = await stripeFor(fake, key).customers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    }
  });

  it('accepts HTTP Basic auth with the key as user name (curl -u)', async () => {
    const res = await fetch(`${fake.url}/v1/customers`, { headers: { Authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}` } });
    expect(res.status).toBe(200);
  });

  it('restricts keys when apiKeys is configured', async () => {
    const { fake: strict } = await startWithClient({ apiKeys: ['sk_test_only_this_one'] });
    try {
      await expect(stripeFor(strict).customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      await expect(stripeFor(strict, 'sk_test_only_this_one').customers.list()).resolves.toMatchObject({ object: 'list' });
    } finally {
      await strict.stop();
    }
  });
});

describe('errors', () => {
  it('404 resource_missing for unknown ids', async () => {
    const error = (await stripe.customers.retrieve('cus_nope').catch((e: unknown) => e)) as Stripe.errors.StripeInvalidRequestError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('resource_missing');
    expect(error.message).toBe("No such customer: 'cus_nope'");
    expect(error.param).toBe('id');
    expect(error.requestId).toMatch(/^req_/);
  });

  it('400 for unknown parameters, missing parameters and bad integers', async () => {
    const unknown = (await stripe.customers.create({ colour: 'red' } as Stripe.CustomerCreateParams).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(unknown.code).toBe('parameter_unknown');
    expect(unknown.message).toBe('Received unknown parameter: colour');
    const missing = (await stripe.paymentIntents.create({ currency: 'gbp' } as Stripe.PaymentIntentCreateParams).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(missing.code).toBe('parameter_missing');
    expect(missing.param).toBe('amount');
    const res = await raw('/v1/payment_intents', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'amount=ten&currency=gbp' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: 'Invalid integer: ten' });
  });

  it('404 for unknown URLs', async () => {
    const res = await raw('/v1/nonsense');
    expect(res.status).toBe(404);
    expect(res.body.error?.['message']).toMatch(/^Unrecognized request URL \(GET: \/v1\/nonsense\)/);
  });

  it('403 for a Stripe-Account that does not exist', async () => {
    const error = await stripe.customers.list({}, { stripeAccount: 'acct_doesnotexist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect((error as Stripe.errors.StripeError).code).toBe('account_invalid');
  });
});

describe('idempotency', () => {
  it('a retried POST with the same key creates exactly one object and replays the response', async () => {
    const email = `idem-${Date.now()}@example.org`;
    const first = await stripe.customers.create({ email }, { idempotencyKey: 'key-customer-1' });
    const second = await stripe.customers.create({ email }, { idempotencyKey: 'key-customer-1' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const all = await stripe.customers.list({ email });
    expect(all.data).toHaveLength(1);
  });

  it('the same key with different parameters is a 400 idempotency_error', async () => {
    await stripe.customers.create({ email: 'one@example.org' }, { idempotencyKey: 'key-customer-2' });
    const error = (await stripe.customers.create({ email: 'two@example.org' }, { idempotencyKey: 'key-customer-2' }).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.type).toBe('StripeIdempotencyError');
    expect(error.message).toMatch(/Keys for idempotent requests can only be used with the same parameters they were first used with/);
  });

  it('the same key on another endpoint is rejected too', async () => {
    await stripe.customers.create({}, { idempotencyKey: 'key-endpoint' });
    await expect(stripe.products.create({ name: 'x' }, { idempotencyKey: 'key-endpoint' })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('replays card declines (402) too, without charging again', async () => {
    const params = { amount: 700, currency: 'gbp', payment_method: 'pm_card_chargeDeclined', confirm: true };
    const a = (await stripe.paymentIntents.create(params, { idempotencyKey: 'key-decline' }).catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    const b = (await stripe.paymentIntents.create(params, { idempotencyKey: 'key-decline' }).catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(a).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(b.payment_intent?.id).toBe(a.payment_intent?.id);
  });
});

describe('lists and expand', () => {
  it('pages with limit / starting_after / has_more and auto-pagination', async () => {
    const { fake: own, stripe: client } = await startWithClient();
    try {
      for (let i = 0; i < 7; i++) await client.products.create({ name: `P${i}` });
      const page1 = await client.products.list({ limit: 3 });
      expect(page1).toMatchObject({ object: 'list', has_more: true, url: '/v1/products' });
      expect(page1.data.map((p) => p.name)).toEqual(['P6', 'P5', 'P4']);
      const page2 = await client.products.list({ limit: 3, starting_after: page1.data[2]!.id });
      expect(page2.data.map((p) => p.name)).toEqual(['P3', 'P2', 'P1']);
      const before = await client.products.list({ limit: 2, ending_before: page2.data[0]!.id });
      expect(before.data.map((p) => p.name)).toEqual(['P5', 'P4']);
      const all = await client.products.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
      expect(all).toHaveLength(7);
      await expect(client.products.list({ limit: 101 })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    } finally {
      await own.stop();
    }
  });

  it('expands ids into objects, also inside lists', async () => {
    const customer = await stripe.customers.create({ email: 'expand@example.org' });
    const pi = await stripe.paymentIntents.create({ amount: 1200, currency: 'gbp', customer: customer.id, payment_method: 'pm_card_visa', confirm: true }, {});
    const expanded = await stripe.paymentIntents.retrieve(pi.id, { expand: ['customer', 'latest_charge', 'payment_method'] });
    expect((expanded.customer as Stripe.Customer).email).toBe('expand@example.org');
    expect((expanded.latest_charge as Stripe.Charge).object).toBe('charge');
    expect((expanded.payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');
    const list = await stripe.paymentIntents.list({ customer: customer.id, expand: ['data.customer'] });
    expect((list.data[0]!.customer as Stripe.Customer).id).toBe(customer.id);
    await expect(stripe.paymentIntents.retrieve(pi.id, { expand: ['amount'] })).rejects.toThrow(/cannot be expanded/);
  });
});
