import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BespokeStatusValue } from './offer-types';

/** A school's request for bespoke work: requested, quoted, accepted, invoiced (or declined, withdrawn). */
@Entity({ name: 'bespoke_requests' })
export class BespokeRequestRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'offer_id', type: 'uuid', nullable: true }) offerId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) details: string | null;
  @Column({ type: 'text', default: 'requested' }) status: BespokeStatusValue;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ name: 'quote_pence', type: 'integer', nullable: true }) quotePence: number | null;
  @Column({ name: 'quote_note', type: 'text', nullable: true }) quoteNote: string | null;
  @Column({ name: 'quote_valid_until', type: 'date', nullable: true }) quoteValidUntil: string | null;
  @Column({ name: 'quoted_by', type: 'uuid', nullable: true }) quotedBy: string | null;
  @Column({ name: 'quoted_at', type: 'timestamptz', nullable: true }) quotedAt: Date | null;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'po_number', type: 'text', nullable: true }) poNumber: string | null;
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId: string | null;
  @Column({ type: 'text', nullable: true }) refusal: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
