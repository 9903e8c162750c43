import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Use of a core entitlement by a school in a year (negative to give units back). Only added to. */
@Entity({ name: 'entitlement_ledger' })
export class EntitlementLedgerEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ name: 'on_date', type: 'date' }) onDate: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
