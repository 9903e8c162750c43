import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A change of the service level (tier) a member chose, from a date, with the pro rata adjustment it made. */
@Entity({ name: 'membership_service_levels' })
export class MembershipServiceLevelRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'membership_id', type: 'uuid' }) membershipId: string;
  @Column({ name: 'service_level', type: 'text', nullable: true }) serviceLevel: string | null;
  @Column({ name: 'from_date', type: 'date' }) fromDate: string;
  @Column({ name: 'previous_level', type: 'text', nullable: true }) previousLevel: string | null;
  @Column({ name: 'adjustment_pence', type: 'integer', default: 0 }) adjustmentPence: number;
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId: string | null;
  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true }) creditNoteId: string | null;
  @Column({ type: 'text', nullable: true }) explanation: string | null;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' }) changedAt: Date;
}
