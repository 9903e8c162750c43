import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { type JobQueue, JobName } from '@partnerships/jobs';
import { StripeEventRepository } from '@partnerships/invoicing';
import Stripe from 'stripe';
import { AppError } from '../../common/app-error';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import type { WebhookAckDto } from './stripe.dto';
import { StripeGateway } from './stripe.gateway';

/**
 * Stripe's own tolerance: a signature more than five minutes old is refused (replayed requests).
 * The SDK only looks backwards, so a timestamp more than five minutes ahead of our clock (a
 * signature minted to stay "fresh" for a later replay) is refused here too.
 */
const TOLERANCE_SECONDS = 300;

/** The `t=` timestamp of a Stripe-Signature header, or null when there is none. */
export function signatureTimestamp(header: string): number | null {
  const t = header.split(',').map((part) => part.trim().split('=')).find(([key]) => key === 't')?.[1];
  return t !== undefined && /^\d{1,12}$/.test(t) ? Number(t) : null;
}

/**
 * The one webhook endpoint. It verifies the signature on the raw body (a wrong signature, a
 * stale timestamp or a tampered body is a 400 and changes nothing), stores the event by its id
 * (a duplicate id is acknowledged and nothing more), queues its processing and answers at once.
 * The work happens in `processStripeEvent`, which is idempotent and safe out of order.
 */
@Injectable()
export class StripeWebhookService {
  constructor(
    private readonly db: Database,
    private readonly stripe: StripeGateway,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async receive(raw: Buffer | undefined, signature: string | string[] | undefined): Promise<WebhookAckDto> {
    const secret = this.stripe.webhookSecret;
    if (!secret) throw new AppError('webhooks_not_configured', 503, 'Stripe webhooks are not configured here (STRIPE_WEBHOOK_SECRET).');
    if (!raw || typeof signature !== 'string' || signature.length === 0) throw new AppError('invalid_signature', 400, 'A signed Stripe event is expected.');
    const signedAt = signatureTimestamp(signature);
    if (signedAt !== null && signedAt - Math.floor(Date.now() / 1000) > TOLERANCE_SECONDS) {
      throw new AppError('invalid_signature', 400, 'The Stripe signature does not match this request.');
    }
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(raw, signature, secret, TOLERANCE_SECONDS);
    } catch {
      throw new AppError('invalid_signature', 400, 'The Stripe signature does not match this request.');
    }
    const account = (event as { account?: string }).account ?? null;
    // The job id names this stored copy of the event (id and arrival), so a repeat delivery queues nothing new.
    const jobId = (stamp: string) => `stripe-event-${event.id}-${stamp}`;
    const stamp = await this.db.asPlatform({}, (em) =>
      new StripeEventRepository(em).store({ id: event.id, type: event.type, account, livemode: event.livemode, created: event.created }, raw.toString('utf8')),
    );
    if (stamp === null) {
      // Seen before: if it is still waiting (its job was lost), queue it again; the job id keeps it single.
      const known = await this.db.asPlatform({}, (em) => new StripeEventRepository(em).arrival(event.id));
      if (known && !known.processed) await this.queue.enqueue(JobName.ProcessStripeEvent, { eventId: event.id }, { jobId: jobId(known.stamp) });
      return { received: true, duplicate: true };
    }
    await this.queue.enqueue(JobName.ProcessStripeEvent, { eventId: event.id }, { jobId: jobId(stamp) });
    return { received: true, duplicate: false };
  }
}
