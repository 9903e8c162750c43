import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FeeSchedule } from '@partnerships/domain';

export type FeeScheduleStatus = 'draft' | 'published' | 'superseded';

/** One version of a partnership's fee schedule for a period. Tenant-owned; immutable once published. */
@Entity({ name: 'fee_schedules' })
@Index('fee_schedules_period_version_key', ['tenantId', 'periodStart', 'periodEnd', 'version'], { unique: true })
/** At most one published version of a period at a time. */
@Index('fee_schedules_one_published_key', ['tenantId', 'periodStart', 'periodEnd'], { unique: true, where: "status = 'published'" })
export class FeeScheduleRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'period_kind', type: 'text' }) periodKind: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ name: 'period_label', type: 'text' }) periodLabel: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text', default: 'draft' }) status: FeeScheduleStatus;
  @Column({ type: 'jsonb' }) document: FeeSchedule;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
