import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A confidential school development review: the school, the external reviewer (by account, or by e-mail until they accept the invitation). */
@Entity({ name: 'sdr_reviews' })
@Index('sdr_reviews_school_year_key', ['tenantId', 'schoolId', 'academicYearStart'], { unique: true })
export class SdrReviewRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'academic_year_start', type: 'integer' }) academicYearStart: number;
  @Column({ name: 'reviewer_user_id', type: 'uuid', nullable: true }) reviewerUserId: string | null;
  @Column({ name: 'reviewer_email', type: 'text' }) reviewerEmail: string;
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true }) invitationId: string | null;
  @Column({ name: 'visit_on', type: 'date', nullable: true }) visitOn: string | null;
  @Column({ name: 'report_ready_at', type: 'timestamptz', nullable: true }) reportReadyAt: Date | null;
  @Column({ name: 'appointed_by', type: 'uuid', nullable: true }) appointedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
