import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWithClient } from './helpers.js';

const dirs: string[] = [];
function tempStateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stripe-fake-'));
  dirs.push(dir);
  return join(dir, 'nested', 'state.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('state survives a restart: objects, events, idempotency keys and the fake clock', async () => {
    const stateFile = tempStateFile();
    const first = await startWithClient({ stateFile });
    const customer = await first.stripe.customers.create({ email: 'persist@example.org' }, { idempotencyKey: 'persist-key' });
    const account = await first.stripe.accounts.create({ type: 'standard', country: 'GB' });
    first.fake.completeOnboarding(account.id);
    const connected = await first.stripe.customers.create({ name: 'Scoped' }, { stripeAccount: account.id });
    first.fake.advanceTime(2);
    const clock = first.fake.now();
    await first.fake.stop();

    expect(existsSync(stateFile)).toBe(true);
    expect(() => JSON.parse(readFileSync(stateFile, 'utf8')) as unknown).not.toThrow();
    expect(readdirSync(join(stateFile, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startWithClient({ stateFile });
    try {
      expect((await second.stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
      const replay = await second.stripe.customers.create({ email: 'persist@example.org' }, { idempotencyKey: 'persist-key' });
      expect(replay.id).toBe(customer.id);
      expect((await second.stripe.customers.list({ email: 'persist@example.org' })).data).toHaveLength(1);
      expect((await second.stripe.accounts.retrieve(account.id)).charges_enabled).toBe(true);
      expect((await second.stripe.customers.retrieve(connected.id, {}, { stripeAccount: account.id })).id).toBe(connected.id);
      await expect(second.stripe.customers.retrieve(connected.id)).rejects.toMatchObject({ statusCode: 404 });
      expect((await second.stripe.events.list({ type: 'customer.created' })).data).toHaveLength(1);
      expect(second.fake.now()).toBeGreaterThanOrEqual(clock);
    } finally {
      await second.fake.stop();
    }
  });

  it('a pending Bacs payment survives a restart and settles afterwards', async () => {
    const stateFile = tempStateFile();
    const first = await startWithClient({ stateFile });
    const session = await first.stripe.checkout.sessions.create({
      mode: 'payment',
      allowed_payment_method_types: ['bacs_debit'],
      line_items: [{ price_data: { currency: 'gbp', unit_amount: 4000, product_data: { name: 'Membership' } }, quantity: 1 }],
    });
    first.fake.completeCheckout(session.id, { method: 'bacs_debit' });
    const pi = String((await first.stripe.checkout.sessions.retrieve(session.id)).payment_intent);
    expect((await first.stripe.paymentIntents.retrieve(pi)).status).toBe('processing');
    await first.fake.stop();

    const second = await startWithClient({ stateFile });
    try {
      expect((await second.stripe.paymentIntents.retrieve(pi)).status).toBe('processing');
      second.fake.advanceTime(3);
      expect((await second.stripe.paymentIntents.retrieve(pi)).status).toBe('succeeded');
      expect((await second.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    } finally {
      await second.fake.stop();
    }
  });

  it('writes the file after each change, not only on stop', async () => {
    const stateFile = tempStateFile();
    const { fake, stripe } = await startWithClient({ stateFile });
    try {
      const product = await stripe.products.create({ name: 'Written at once' });
      expect(readFileSync(stateFile, 'utf8')).toContain(product.id);
    } finally {
      await fake.stop();
    }
  });
});
