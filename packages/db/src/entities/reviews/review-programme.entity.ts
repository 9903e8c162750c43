import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReviewConflictRulesJson } from './review-types';

/** A peer review programme: its cycle, team size and the conflict rules the partnership adds. */
@Entity({ name: 'review_programmes' })
export class ReviewProgrammeRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) framework: string | null;
  @Column({ name: 'cycle_years', type: 'integer', default: 2 }) cycleYears: number;
  @Column({ name: 'first_academic_year_start', type: 'integer' }) firstAcademicYearStart: number;
  @Column({ name: 'team_members', type: 'integer', default: 1 }) teamMembers: number;
  @Column({ name: 'conflict_rules', type: 'jsonb', default: () => "'{}'" }) conflictRules: ReviewConflictRulesJson;
  @Column({ name: 'coordinator_user_id', type: 'uuid', nullable: true }) coordinatorUserId: string | null;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
