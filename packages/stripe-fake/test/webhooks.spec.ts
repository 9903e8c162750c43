import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StripeFake } from '../src/index.js';
import { startWithWebhooks, stopWithWebhooks, WebhookReceiver, WEBHOOK_SECRET } from './helpers.js';

let fake: StripeFake;
let stripe: Stripe;
let hooks: WebhookReceiver;
beforeEach(async () => {
  ({ fake, stripe, hooks } = await startWithWebhooks({ webhookRetry: { baseDelayMs: 20, maxAttempts: 3 } }));
});
afterEach(() => stopWithWebhooks(fake, hooks));

async function createCustomers(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await stripe.customers.create({ name: `C${i}` })).id);
  return ids;
}

describe('webhook delivery', () => {
  it('signs every delivery so stripe.webhooks.constructEvent accepts it, and rejects a tampered payload', async () => {
    const customer = await stripe.customers.create({ email: 'sig@example.org' });
    await hooks.waitFor(1);
    const [delivery] = hooks.received;
    expect(delivery!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = stripe.webhooks.constructEvent(delivery!.body, delivery!.signature, WEBHOOK_SECRET);
    expect(event).toMatchObject({ type: 'customer.created', object: 'event', livemode: false, api_version: '2026-10-28.endive' });
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(event.request).toMatchObject({ id: expect.stringMatching(/^req_/) as unknown, idempotency_key: expect.stringMatching(/^stripe-node-retry-/) as unknown });

    const tampered = delivery!.body.replace('sig@example.org', 'evil@example.org');
    expect(() => stripe.webhooks.constructEvent(tampered, delivery!.signature, WEBHOOK_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(delivery!.body, delivery!.signature, 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);

    // The event is stored and listed, and pending_webhooks drops to 0 once delivered.
    await fake.waitForDeliveries();
    const stored = await stripe.events.retrieve(event.id);
    expect(stored.pending_webhooks).toBe(0);
    expect((await stripe.events.list({ type: 'customer.created' })).data.map((e) => e.id)).toContain(event.id);
  });

  it('normal mode delivers in creation order', async () => {
    const ids = await createCustomers(5);
    await fake.waitForDeliveries();
    expect(hooks.received.map((d) => d.event.data.object['id'])).toEqual(ids);
  });

  it('duplicate mode delivers each event twice with the same event id', async () => {
    fake.setDeliveryMode('duplicate');
    await createCustomers(3);
    await fake.waitForDeliveries();
    expect(hooks.received).toHaveLength(6);
    const counts = new Map<string, number>();
    for (const d of hooks.received) counts.set(d.event.id, (counts.get(d.event.id) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    for (const d of hooks.received) expect(() => stripe.webhooks.constructEvent(d.body, d.signature, WEBHOOK_SECRET)).not.toThrow();
  });

  it('shuffled (out-of-order) mode delivers every event, not in creation order', async () => {
    // A long window so all six land in one batch however slow the machine; flushDeliveries() ends it now.
    fake.setDeliveryMode('shuffled', { windowMs: 10_000 });
    const ids = await createCustomers(6);
    await new Promise((resolve) => setImmediate(resolve));
    fake.flushDeliveries();
    await fake.waitForDeliveries();
    const delivered = hooks.received.map((d) => String(d.event.data.object['id']));
    expect([...delivered].sort()).toEqual([...ids].sort());
    expect(delivered).not.toEqual(ids);
  });

  it('delayed mode holds each delivery for the given time', async () => {
    fake.setDeliveryMode('delayed', { delayMs: 800 });
    const started = Date.now();
    await createCustomers(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hooks.received).toHaveLength(0);
    await fake.waitForDeliveries();
    expect(hooks.received).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
  });

  it('paused mode holds deliveries until flushed', async () => {
    fake.setDeliveryMode('paused');
    await createCustomers(2);
    await fake.waitForDeliveries();
    expect(hooks.received).toHaveLength(0);
    fake.flushDeliveries();
    await fake.waitForDeliveries();
    expect(hooks.received).toHaveLength(2);
  });

  it('retries failed deliveries with backoff, then gives up', async () => {
    hooks.status = (_delivery, attempt) => (attempt < 3 ? 500 : 200);
    const [id] = await createCustomers(1);
    await fake.waitForDeliveries();
    const attempts = hooks.received.filter((d) => d.event.data.object['id'] === id);
    expect(attempts).toHaveLength(3);
    const record = fake.deliveries().find((d) => d.eventType === 'customer.created')!;
    expect(record.state).toBe('succeeded');
    expect(record.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    // Backoff doubles from baseDelayMs (20 ms): at least ~20 ms before the 2nd attempt, ~40 ms before the 3rd.
    const gaps = record.attempts.slice(1).map((a, i) => a.at - record.attempts[i]!.at);
    expect(gaps[0]!).toBeGreaterThanOrEqual(18);
    expect(gaps[1]!).toBeGreaterThanOrEqual(38);

    hooks.status = () => 503;
    await createCustomers(1);
    await fake.waitForDeliveries();
    const failed = fake.deliveries().filter((d) => d.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.attempts).toHaveLength(3);
    const event = await stripe.events.retrieve(failed[0]!.eventId);
    expect(event.pending_webhooks).toBe(1);
  });

  it('Connect events carry `account` in deliveries', async () => {
    const account = await stripe.accounts.create({ type: 'standard', country: 'GB' });
    fake.completeOnboarding(account.id);
    await stripe.customers.create({ name: 'Connected' }, { stripeAccount: account.id });
    await fake.waitForDeliveries();
    const connected = hooks.received.filter((d) => d.event.account === account.id).map((d) => d.event.type);
    expect(connected).toEqual(['account.updated', 'customer.created']);
  });

  it('endpoints can filter event types', async () => {
    const other = await new WebhookReceiver().start();
    try {
      fake.addWebhookEndpoint({ ...other.endpoint('whsec_other'), enabledEvents: ['product.created'] });
      await stripe.customers.create({});
      await stripe.products.create({ name: 'Filtered' });
      await fake.waitForDeliveries();
      expect(other.types()).toEqual(['product.created']);
      expect(() => stripe.webhooks.constructEvent(other.received[0]!.body, other.received[0]!.signature, 'whsec_other')).not.toThrow();
    } finally {
      await other.stop();
    }
  });
});
