import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A motion put to a general meeting: one school, one vote, by a named or secret ballot. */
@Entity({ name: 'motions' })
export class MotionRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) text: string;
  @Column({ type: 'text', default: 'named' }) ballot: 'secret' | 'named';
  @Column({ type: 'text', default: 'simple' }) majority: 'simple' | 'two_thirds';
  @Column({ name: 'tie_rule', type: 'text', default: 'motion_falls' }) tieRule: 'chair_casting_vote' | 'motion_falls';
  @Column({ name: 'chair_casting_vote', type: 'text', nullable: true }) chairCastingVote: 'for' | 'against' | null;
  @Column({ type: 'text', default: 'draft' }) status: 'draft' | 'open' | 'closed';
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true }) opensAt: Date | null;
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt: Date | null;
  @Column({ name: 'electorate_frozen_at', type: 'timestamptz', nullable: true }) electorateFrozenAt: Date | null;
  @Column({ name: 'receipt_salt', type: 'text', default: () => "replace((gen_random_uuid())::text, '-'::text, ''::text)" }) receiptSalt: string;
  @Column({ name: 'opened_by', type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) result: Record<string, unknown> | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
