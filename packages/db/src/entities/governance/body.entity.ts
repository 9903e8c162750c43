import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BodyKind, QuorumRule } from '@partnerships/domain';
import type { AnnualRhythmItem, BodyRhythm } from './governance-json';

/** A governance body (board, committee, cluster, forum, ...) of a partnership. */
@Entity({ name: 'bodies' })
/** Unique on (tenant_id, lower(name)) among bodies not archived: an expression index, declared by name. */
@Index('bodies_name_key', { synchronize: false })
export class Body {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: BodyKind;
  @Column({ type: 'text', nullable: true }) purpose: string | null;
  @Column({ type: 'jsonb', nullable: true }) rhythm: BodyRhythm | null;
  @Column({ name: 'quorum_rule', type: 'jsonb', nullable: true }) quorumRule: QuorumRule | null;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
  @Column({ name: 'annual_rhythm', type: 'jsonb', default: () => "'[]'" }) annualRhythm: AnnualRhythmItem[];
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
