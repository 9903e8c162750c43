import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportVersionKind } from '@partnerships/domain';

/** A version of a review's report: draft, head's response, final, or a quality-assurance note. */
@Entity({ name: 'review_reports' })
@Index('review_reports_version_key', ['tenantId', 'reviewId', 'version'], { unique: true })
export class ReviewReportRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) kind: ReportVersionKind;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'boolean', nullable: true }) approved: boolean | null;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
