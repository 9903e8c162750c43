import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The confidential report's content. Row-level security lets only the reviewer, the head and active share recipients read it; only the reviewer writes it. */
@Entity({ name: 'sdr_reports' })
@Index('sdr_reports_review_key', ['tenantId', 'sdrReviewId'], { unique: true })
export class SdrReportRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'sdr_review_id', type: 'uuid' }) sdrReviewId: string;
  @Column({ type: 'text' }) content: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
