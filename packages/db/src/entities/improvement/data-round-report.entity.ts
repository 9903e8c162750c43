import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A round's group report and action plan. */
@Entity({ name: 'data_round_reports' })
@Index('data_round_reports_round_key', ['tenantId', 'roundId'], { unique: true })
export class DataRoundReportRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ type: 'text', default: '' }) summary: string;
  @Column({ name: 'action_plan', type: 'jsonb', default: () => "'[]'" }) actionPlan: unknown;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
