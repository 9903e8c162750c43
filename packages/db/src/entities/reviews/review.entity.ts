import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReviewStatus } from '@partnerships/domain';

/** A school's peer review in one academic year: visit, focus agreed with the head, status; unconfirmed while only proposed. */
@Entity({ name: 'reviews' })
@Index('reviews_school_year_key', ['tenantId', 'programmeId', 'schoolId', 'academicYearStart'], { unique: true, where: "status <> 'cancelled'" })
export class ReviewRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId: string | null;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'academic_year_start', type: 'integer' }) academicYearStart: number;
  @Column({ name: 'visit_on', type: 'date', nullable: true }) visitOn: string | null;
  @Column({ type: 'text', nullable: true }) focus: string | null;
  @Column({ name: 'focus_agreed_at', type: 'timestamptz', nullable: true }) focusAgreedAt: Date | null;
  @Column({ name: 'focus_agreed_by', type: 'uuid', nullable: true }) focusAgreedBy: string | null;
  @Column({ type: 'text', default: 'planned' }) status: ReviewStatus;
  @Column({ name: 'qa_approved', type: 'boolean', default: false }) qaApproved: boolean;
  @Column({ name: 'previous_review_id', type: 'uuid', nullable: true }) previousReviewId: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
