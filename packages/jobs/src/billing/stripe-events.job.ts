import type { Database } from '@partnerships/db';
import { processStripeEvent, type Stripe } from '@partnerships/invoicing';
import type { Logger } from 'pino';

export { processStripeEvent, type StripeEventDeps } from '@partnerships/invoicing';

/** The `stripe.event` job: one stored Stripe event, processed once (see `processStripeEvent`). */
export async function stripeEventJob(deps: { db?: Database; stripe?: Stripe | null; logger?: Logger }, payload: { eventId: string }): Promise<void> {
  if (!deps.db) throw new Error('Stripe events need the database');
  await processStripeEvent({ db: deps.db, stripe: deps.stripe ?? null, logger: deps.logger }, payload);
}
