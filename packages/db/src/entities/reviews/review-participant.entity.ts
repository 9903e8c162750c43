import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewRole } from '@partnerships/domain';

/** A person with a role on a review (lead, member, qa), with any conflict the coordinator overrode and why. */
@Entity({ name: 'review_participants' })
@Index('review_participants_key', ['tenantId', 'reviewId', 'userId'], { unique: true })
@Index('review_participants_lead_key', ['tenantId', 'reviewId'], { unique: true, where: "role = 'lead'" })
export class ReviewParticipantRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'school_id', type: 'uuid', nullable: true }) schoolId: string | null;
  @Column({ type: 'text' }) role: ReviewRole;
  @Column({ name: 'conflict_override_reason', type: 'text', nullable: true }) conflictOverrideReason: string | null;
  @Column({ name: 'overridden_conflicts', type: 'jsonb', nullable: true }) overriddenConflicts: unknown[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
