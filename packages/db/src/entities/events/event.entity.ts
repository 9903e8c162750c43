import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type EventFormat = 'in_person' | 'online' | 'hybrid';
export type EventInvoicingValue = 'per_booking' | 'per_school_term';
export interface EventCancellationTerms {
  tiers: { withinDays: number; chargePercent: number }[];
  noShowChargePercent?: number;
}

/** A CPD course, event or conference: the booking side of an offer of kind 'event'. */
@Entity({ name: 'events' })
@Index('events_offer_key', ['tenantId', 'offerId'], { unique: true })
export class EventRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ type: 'text', default: 'in_person' }) format: EventFormat;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ name: 'online_url', type: 'text', nullable: true }) onlineUrl: string | null;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ name: 'cap_per_school', type: 'integer', nullable: true }) capPerSchool: number | null;
  @Column({ name: 'booking_opens_at', type: 'timestamptz', nullable: true }) bookingOpensAt: Date | null;
  @Column({ name: 'booking_closes_at', type: 'timestamptz', nullable: true }) bookingClosesAt: Date | null;
  @Column({
    name: 'cancellation_terms',
    type: 'jsonb',
    default: () => `'{"tiers": [{"withinDays": 42, "chargePercent": 50}, {"withinDays": 28, "chargePercent": 100}], "noShowChargePercent": 100}'`,
  })
  cancellationTerms: EventCancellationTerms;
  @Column({ name: 'offer_minutes', type: 'integer', default: 1440 }) offerMinutes: number;
  @Column({ type: 'text', default: 'per_booking' }) invoicing: EventInvoicingValue;
  @Column({ type: 'integer', default: 0 }) sequence: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
