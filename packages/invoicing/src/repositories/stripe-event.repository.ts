import { UnitOfWorkRepository } from '@partnerships/db';
import type Stripe from 'stripe';

/** A Stripe event as the webhook stored it. */
export interface StoredStripeEvent {
  id: string;
  type: string;
  account: string | null;
  /** When Stripe created it, in Unix seconds. */
  created: number;
  payload: Stripe.Event;
  processedAt: Date | null;
}

/** The platform-level inbox of Stripe events (`stripe_events`), stored by id before they are processed. */
export class StripeEventRepository extends UnitOfWorkRepository {
  /**
   * Stores an event by its id; answers the stamp of this stored copy (its arrival, in
   * microseconds), or null when the id was stored before.
   */
  async store(event: { id: string; type: string; account: string | null; livemode: boolean; created: number }, raw: string): Promise<string | null> {
    const stored = await this.rows<{ stamp: string }>(
      `INSERT INTO stripe_events (id, type, account, livemode, created_at_stripe, payload) VALUES ($1, $2, $3, $4, to_timestamp($5), $6)
         ON CONFLICT (id) DO NOTHING RETURNING (extract(epoch FROM received_at) * 1000000)::bigint::text AS stamp`,
      [event.id, event.type, event.account, event.livemode, event.created, raw],
    );
    return stored[0]?.stamp ?? null;
  }

  /** A stored event's processing state and arrival stamp. */
  async arrival(id: string): Promise<{ processed: boolean; stamp: string } | null> {
    const known = await this.one<{ processed_at: Date | null; stamp: string }>(
      `SELECT processed_at, (extract(epoch FROM received_at) * 1000000)::bigint::text AS stamp FROM stripe_events WHERE id = $1`,
      [id],
    );
    return known ? { processed: Boolean(known.processed_at), stamp: known.stamp } : null;
  }

  async find(id: string): Promise<StoredStripeEvent | null> {
    const event = await this.one<{ id: string; type: string; account: string | null; created: string | number; payload: Stripe.Event; processed_at: Date | null }>(
      `SELECT id, type, account, extract(epoch FROM created_at_stripe)::bigint AS created, payload, processed_at FROM stripe_events WHERE id = $1`,
      [id],
    );
    return event ? { id: event.id, type: event.type, account: event.account, created: Number(event.created), payload: event.payload, processedAt: event.processed_at } : null;
  }

  async countAttempt(id: string): Promise<void> {
    await this.execute(`UPDATE stripe_events SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async recordError(id: string, message: string): Promise<void> {
    await this.execute(`UPDATE stripe_events SET last_error = $2 WHERE id = $1`, [id, message]);
  }

  async markProcessed(id: string, outcome: string): Promise<void> {
    await this.execute(`UPDATE stripe_events SET processed_at = now(), outcome = $2, last_error = NULL WHERE id = $1 AND processed_at IS NULL`, [id, outcome]);
  }

  /** Events stored more than ten minutes ago and still not processed (their job was lost or gave up), oldest first. */
  stale(): Promise<{ id: string; attempts: number }[]> {
    return this.rows<{ id: string; attempts: number }>(
      `SELECT id, attempts FROM stripe_events WHERE processed_at IS NULL AND received_at < now() - interval '10 minutes' AND attempts < 50 ORDER BY received_at LIMIT 1000`,
    );
  }
}
