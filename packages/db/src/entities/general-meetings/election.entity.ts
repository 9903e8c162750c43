import type { SeatReservation } from '@partnerships/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An election to a body's seats, some reserved by phase, character or area; one school, one vote. */
@Entity({ name: 'elections' })
export class ElectionRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'seat_rule_id', type: 'uuid', nullable: true }) seatRuleId: string | null;
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true }) meetingId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'integer' }) seats: number;
  @Column({ name: 'max_choices', type: 'integer', nullable: true }) maxChoices: number | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) reservations: SeatReservation[];
  @Column({ name: 'eligible_roles', type: 'text', array: true, default: () => "'{headteacher}'" }) eligibleRoles: string[];
  @Column({ name: 'nominations_open_at', type: 'timestamptz', nullable: true }) nominationsOpenAt: Date | null;
  @Column({ name: 'nominations_close_at', type: 'timestamptz', nullable: true }) nominationsCloseAt: Date | null;
  @Column({ name: 'voting_opens_at', type: 'timestamptz', nullable: true }) votingOpensAt: Date | null;
  @Column({ name: 'voting_closes_at', type: 'timestamptz', nullable: true }) votingClosesAt: Date | null;
  @Column({ name: 'tie_rule', type: 'text', default: 'lot' }) tieRule: 'lot' | 'longest_serving';
  @Column({ name: 'tie_seed', type: 'text', default: () => "replace((gen_random_uuid())::text, '-'::text, ''::text)" }) tieSeed: string;
  @Column({ name: 'receipt_salt', type: 'text', default: () => "replace((gen_random_uuid())::text, '-'::text, ''::text)" }) receiptSalt: string;
  @Column({ name: 'term_months', type: 'integer', nullable: true }) termMonths: number | null;
  @Column({ type: 'text', default: 'nominations' }) status: 'nominations' | 'voting' | 'closed';
  @Column({ name: 'electorate_frozen_at', type: 'timestamptz', nullable: true }) electorateFrozenAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) result: Record<string, unknown> | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
