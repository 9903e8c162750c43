import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SeatRule, SeatVoting } from '@partnerships/domain';

/** A rule that defines seats on a body (the domain's SeatRule, stored as JSON). */
@Entity({ name: 'seat_rules' })
export class SeatRuleRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ type: 'jsonb' }) rule: SeatRule;
  @Column({ type: 'text' }) voting: SeatVoting;
  @Column({ name: 'term_months', type: 'integer', nullable: true }) termMonths: number | null;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
