import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per write, made by a database trigger on every audited table, so no
 * code path can forget it. Append-only: the application role may not update or delete.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'entity_table', type: 'text' }) entityTable: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb', nullable: true }) detail: Record<string, unknown> | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
