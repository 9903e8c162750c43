import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export interface EvaluationQuestionValue {
  id: string;
  text: string;
  kind: 'rating' | 'text';
}

/** An event's evaluation survey (one per event). */
@Entity({ name: 'event_evaluations' })
@Index('event_evaluations_event_key', ['tenantId', 'eventId'], { unique: true })
export class EventEvaluationRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'jsonb' }) questions: EvaluationQuestionValue[];
  @Column({ type: 'boolean', default: false }) anonymous: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

/** Who has answered an evaluation (kept apart from the answers, so anonymous answers stay anonymous). */
@Entity({ name: 'evaluation_respondents' })
@Index('evaluation_respondents_key', ['tenantId', 'evaluationId', 'bookingId'], { unique: true })
export class EvaluationRespondentRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'booking_id', type: 'uuid' }) bookingId: string;
  @Column({ name: 'responded_at', type: 'timestamptz', default: () => 'now()' }) respondedAt: Date;
}

/** One set of answers; no booking when the evaluation is anonymous. */
@Entity({ name: 'evaluation_responses' })
export class EvaluationResponseRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'booking_id', type: 'uuid', nullable: true }) bookingId: string | null;
  @Column({ type: 'jsonb' }) answers: Record<string, number | string | null>;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
}
