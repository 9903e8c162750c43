import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReviewActionStatus } from '@partnerships/domain';

/** An action a review agreed, followed up and carried into the school's next review. */
@Entity({ name: 'review_actions' })
export class ReviewActionRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text', nullable: true }) owner: string | null;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: string | null;
  @Column({ type: 'text', default: 'open' }) status: ReviewActionStatus;
  @Column({ name: 'follow_up_note', type: 'text', nullable: true }) followUpNote: string | null;
  @Column({ name: 'carried_from_action_id', type: 'uuid', nullable: true }) carriedFromActionId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
