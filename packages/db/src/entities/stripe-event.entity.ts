import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The Stripe event inbox. Platform-level: an event is stored by its Stripe id before its tenant
 * is known (a repeat is a no-op), then processed in the tenant's context.
 */
@Entity({ name: 'stripe_events' })
export class StripeEvent {
  /** Stripe's event id (`evt_…`). */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) type: string;
  /** The connected account the event is about, if any. */
  @Column({ type: 'text', nullable: true }) account: string | null;
  @Column({ type: 'boolean', default: false }) livemode: boolean;
  @Column({ name: 'created_at_stripe', type: 'timestamptz' }) createdAtStripe: Date;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
