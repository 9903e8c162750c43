import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TenantRole } from '@partnerships/domain';

/** An invitation to join a partnership with a role. Tenant-owned; found by token through a narrow SQL function. */
@Index('invitations_token_hash_key', ['tenantId', 'tokenHash'], { unique: true })
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: TenantRole;
  @Column({ name: 'token_hash', type: 'text', select: false }) tokenHash: string;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
