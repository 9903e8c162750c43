import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActionPlanItem } from './governance-json';

/** A body's action plan for an academic year (budget lines in pence) and its impact report. */
@Entity({ name: 'body_action_plans' })
@Index('body_action_plans_year_key', ['tenantId', 'bodyId', 'academicYearStart'], { unique: true })
export class BodyActionPlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'academic_year_start', type: 'date' }) academicYearStart: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) items: ActionPlanItem[];
  @Column({ name: 'impact_report', type: 'text', nullable: true }) impactReport: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'reported_at_meeting_id', type: 'uuid', nullable: true }) reportedAtMeetingId: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
