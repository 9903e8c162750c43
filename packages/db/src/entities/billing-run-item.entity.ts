import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from './column-transformers';

export type BillingRunItemStatus = 'pending' | 'invoiced' | 'skipped' | 'failed';

/** One member on a billing run's work list, for progress and resumption. Tenant-owned; not audited. */
@Entity({ name: 'billing_run_items' })
@Index('billing_run_items_member_key', ['tenantId', 'runId', 'membershipId'], { unique: true })
export class BillingRunItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ name: 'membership_id', type: 'uuid' }) membershipId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text', default: 'pending' }) status: BillingRunItemStatus;
  @Column({ name: 'amount_pence', type: 'bigint', nullable: true, transformer: bigintAsNumber }) amountPence: number | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'invoice_ids', type: 'uuid', array: true, default: () => "'{}'" }) invoiceIds: string[];
  @Column({ type: 'text', nullable: true }) error: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
