import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type EventBookingStatusValue = 'requested' | 'awaiting_approval' | 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'declined' | 'expired' | 'attended' | 'no_show';
export interface EventBookingSubstitution {
  fromName: string;
  fromEmail: string;
  at: string;
  by: string;
}

/** A place on an event for one delegate, requested by the school's staff and paid by the school. */
@Entity({ name: 'event_bookings' })
// (tenant_id, event_id, lower(delegate_email)) for live bookings: an expression, so declared by name.
@Index('event_bookings_delegate_key', { synchronize: false })
export class EventBookingRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'delegate_user_id', type: 'uuid', nullable: true }) delegateUserId: string | null;
  @Column({ name: 'delegate_name', type: 'text' }) delegateName: string;
  @Column({ name: 'delegate_email', type: 'text' }) delegateEmail: string;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ type: 'text' }) status: EventBookingStatusValue;
  @Column({ type: 'boolean' }) member: boolean;
  @Column({ name: 'price_pence', type: 'integer' }) pricePence: number;
  @Column({ name: 'price_label', type: 'text', nullable: true }) priceLabel: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'auto_approved', type: 'boolean', default: false }) autoApproved: boolean;
  @Column({ name: 'po_number', type: 'text', nullable: true }) poNumber: string | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason: string | null;
  @Column({ name: 'waiting_position', type: 'integer', nullable: true }) waitingPosition: number | null;
  @Column({ name: 'offered_at', type: 'timestamptz', nullable: true }) offeredAt: Date | null;
  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true }) offerExpiresAt: Date | null;
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId: string | null;
  @Column({ name: 'invoiced_pence', type: 'integer', nullable: true }) invoicedPence: number | null;
  @Column({ name: 'charge_pence', type: 'integer', default: 0 }) chargePence: number;
  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true }) creditNoteId: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt: Date | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) substitutions: EventBookingSubstitution[];
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
