import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipState } from '@partnerships/domain';

/**
 * One step in a membership's history (applied, approved, notice given, …). Tenant-owned and
 * append-only: the application role may insert and read, never change or delete.
 * Named `…Record` because the domain's `MembershipEvent` is the value this row stores.
 */
@Entity({ name: 'membership_events' })
export class MembershipEventRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'membership_id', type: 'uuid' }) membershipId: string;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: MembershipState | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: MembershipState;
  @Column({ name: 'on_date', type: 'date' }) onDate: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', nullable: true }) data: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
