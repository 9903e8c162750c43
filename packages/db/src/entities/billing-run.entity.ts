import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from './column-transformers';

export type BillingRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One run that invoices every member for a published fee schedule's period. Tenant-owned. */
@Entity({ name: 'billing_runs' })
/** One run at a time per schedule: a second request while one is going joins it. */
@Index('billing_runs_one_active_key', ['tenantId', 'scheduleId'], { unique: true, where: "status IN ('queued', 'running')" })
export class BillingRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'schedule_id', type: 'uuid' }) scheduleId: string;
  @Column({ name: 'schedule_version', type: 'integer' }) scheduleVersion: number;
  @Column({ name: 'period_label', type: 'text' }) periodLabel: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ type: 'text', default: 'queued' }) status: BillingRunStatus;
  @Column({ type: 'integer', default: 0 }) members: number;
  @Column({ type: 'integer', default: 0 }) processed: number;
  @Column({ type: 'integer', default: 0 }) invoiced: number;
  @Column({ type: 'integer', default: 0 }) skipped: number;
  @Column({ type: 'integer', default: 0 }) failed: number;
  @Column({ name: 'invoices_created', type: 'integer', default: 0 }) invoicesCreated: number;
  @Column({ name: 'total_pence', type: 'bigint', default: 0, transformer: bigintAsNumber }) totalPence: number;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** E-mail each invoice the run issues, once it has finished. */
  @Column({ name: 'send_invoices', type: 'boolean', default: false }) sendInvoices: boolean;
}
