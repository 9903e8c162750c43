import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SchoolRole as SchoolRoleName } from '@partnerships/domain';

/** An invitation to a school's staff. Platform-level, like school_roles: no partnership need be involved. */
@Entity({ name: 'school_invitations' })
export class SchoolInvitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  /** Always stored lower-case. */
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: SchoolRoleName;
  @Column({ name: 'token_hash', type: 'text', unique: true, select: false }) tokenHash: string;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy: string | null;
  /** The partnership on whose behalf the invitation was sent, if any. */
  @Column({ name: 'invited_for_tenant', type: 'uuid', nullable: true }) invitedForTenant: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
