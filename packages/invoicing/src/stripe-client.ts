import type { Env } from '@partnerships/config';
import Stripe from 'stripe';

/**
 * The product's one Stripe client: the real SDK, pointed at Stripe with real keys, or at a
 * Stripe-compatible server (the project's fake in embedded mode and tests) when
 * STRIPE_API_HOST is set. Without a secret key online payments are off; invoicing, bank
 * transfers and everything else still work.
 *
 * The SDK retries network errors itself (maxNetworkRetries) and every POST we make carries an
 * idempotency key derived from our own ids, so a retried call never creates a second object.
 */
export function createStripeClient(env: Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_API_HOST' | 'STRIPE_API_PORT' | 'STRIPE_API_PROTOCOL'>): Stripe | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'partnerships' },
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST, port: env.STRIPE_API_PORT ?? 443, protocol: env.STRIPE_API_PROTOCOL ?? 'https' } : {}),
  });
}

export type { Stripe };
