#!/usr/bin/env node
import { startStripeFake } from './index.js';

/**
 * `stripe-fake` — runs the fake until interrupted.
 * Env: PORT (default 12111), HOST (127.0.0.1), STRIPE_FAKE_STATE (state file), STRIPE_WEBHOOK_URL and
 * STRIPE_WEBHOOK_SECRET (webhook endpoint), STRIPE_FAKE_PUBLIC_URL, STRIPE_FAKE_BACS_DELAY_DAYS,
 * STRIPE_FAKE_AUTO_SETTLE_MS (settle Bacs payments after this much real time, for demos).
 */
async function main(): Promise<void> {
  const env = process.env;
  const webhookUrl = env['STRIPE_WEBHOOK_URL'];
  const webhookSecret = env['STRIPE_WEBHOOK_SECRET'];
  if (webhookUrl && !webhookSecret) throw new Error('STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not; webhooks must be signed.');
  const fake = await startStripeFake({
    port: env['PORT'] !== undefined ? Number(env['PORT']) : 12111,
    host: env['HOST'] ?? '127.0.0.1',
    stateFile: env['STRIPE_FAKE_STATE'] || undefined,
    webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret: webhookSecret! }] : [],
    publicUrl: env['STRIPE_FAKE_PUBLIC_URL'] || undefined,
    bacsDelayDays: env['STRIPE_FAKE_BACS_DELAY_DAYS'] ? Number(env['STRIPE_FAKE_BACS_DELAY_DAYS']) : undefined,
    autoSettleMs: env['STRIPE_FAKE_AUTO_SETTLE_MS'] ? Number(env['STRIPE_FAKE_AUTO_SETTLE_MS']) : undefined,
  });
  console.log(`stripe-fake listening on ${fake.url}${webhookUrl ? `, sending webhooks to ${webhookUrl}` : ''}`);
  const shutdown = () => {
    fake.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
