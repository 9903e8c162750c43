import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, optionsFromEnv } from '../src/cliConfig.js';
import { startStripeFake } from '../src/index.js';

describe('CLI configuration', () => {
  it('defaults to 127.0.0.1:12111 with no state file and no webhooks', () => {
    expect(optionsFromEnv({})).toMatchObject({ port: DEFAULT_PORT, host: '127.0.0.1', stateFile: undefined, webhookEndpoints: [] });
  });

  it('reads PORT, STRIPE_FAKE_STATE and the webhook endpoint from the environment', () => {
    const options = optionsFromEnv({
      PORT: '0',
      STRIPE_FAKE_STATE: '/tmp/stripe.json',
      STRIPE_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/stripe',
      STRIPE_WEBHOOK_SECRET: 'whsec_dev',
      STRIPE_FAKE_BACS_DELAY_DAYS: '5',
      STRIPE_FAKE_AUTO_SETTLE_MS: '10000',
    });
    expect(options).toMatchObject({
      port: 0,
      stateFile: '/tmp/stripe.json',
      webhookEndpoints: [{ url: 'http://127.0.0.1:3000/webhooks/stripe', secret: 'whsec_dev' }],
      bacsDelayDays: 5,
      autoSettleMs: 10000,
    });
  });

  it('refuses a webhook URL without a secret and nonsense numbers', () => {
    expect(() => optionsFromEnv({ STRIPE_WEBHOOK_URL: 'http://x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('the options start a working server', async () => {
    const fake = await startStripeFake(optionsFromEnv({ PORT: '0' }));
    try {
      const res = await fetch(`${fake.url}/_fake/health`);
      expect(await res.json()).toMatchObject({ ok: true });
    } finally {
      await fake.stop();
    }
  });
});

describe('control endpoints (for processes that cannot call the JS API)', () => {
  it('advance time, settle and switch delivery modes over HTTP', async () => {
    const fake = await startStripeFake();
    try {
      const before = fake.now();
      const advanced = (await (await fetch(`${fake.url}/_fake/advance_time?days=2`, { method: 'POST' })).json()) as { now: number };
      expect(advanced.now - before).toBeGreaterThanOrEqual(2 * 86400);
      expect((await fetch(`${fake.url}/_fake/settle`, { method: 'POST' })).status).toBe(200);
      const mode = (await (await fetch(`${fake.url}/_fake/delivery_mode`, { method: 'POST', body: JSON.stringify({ mode: 'duplicate' }) })).json()) as { mode: unknown };
      expect(mode.mode).toEqual({ duplicate: true });
      expect((await fetch(`${fake.url}/_fake/deliveries`)).status).toBe(200);
    } finally {
      await fake.stop();
    }
  });
});
