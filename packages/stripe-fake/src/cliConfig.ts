import type { StripeFakeOptions } from './index.js';

export const DEFAULT_PORT = 12111;

function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${raw}")`);
  return value;
}

/**
 * The CLI's options from the environment: PORT (default 12111), HOST (127.0.0.1), STRIPE_FAKE_STATE,
 * STRIPE_WEBHOOK_URL + STRIPE_WEBHOOK_SECRET, STRIPE_FAKE_PUBLIC_URL, STRIPE_FAKE_BACS_DELAY_DAYS,
 * STRIPE_FAKE_AUTO_SETTLE_MS.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): StripeFakeOptions {
  const webhookUrl = env['STRIPE_WEBHOOK_URL'] || undefined;
  const webhookSecret = env['STRIPE_WEBHOOK_SECRET'] || undefined;
  if (webhookUrl && !webhookSecret) throw new Error('STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not: webhooks must be signed.');
  return {
    port: numberFrom(env, 'PORT') ?? DEFAULT_PORT,
    host: env['HOST'] || '127.0.0.1',
    stateFile: env['STRIPE_FAKE_STATE'] || undefined,
    webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret: webhookSecret! }] : [],
    publicUrl: env['STRIPE_FAKE_PUBLIC_URL'] || undefined,
    bacsDelayDays: numberFrom(env, 'STRIPE_FAKE_BACS_DELAY_DAYS'),
    autoSettleMs: numberFrom(env, 'STRIPE_FAKE_AUTO_SETTLE_MS'),
  };
}
