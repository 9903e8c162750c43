import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TenantRole as TenantRoleName } from '@partnerships/domain';

/** A user's role in one partnership. Tenant-owned (row-level security), though a user may always read their own. */
@Entity({ name: 'tenant_roles' })
@Index('tenant_roles_tenant_user_role_key', ['tenantId', 'userId', 'role'], { unique: true })
export class TenantRole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: TenantRoleName;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
