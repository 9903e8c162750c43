import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SchoolRole as SchoolRoleName } from '@partnerships/domain';

/** A user's role at a school (headteacher, business manager, staff). Platform-level: schools are not tenant-owned. */
@Entity({ name: 'school_roles' })
@Index('school_roles_school_user_role_key', ['schoolId', 'userId', 'role'], { unique: true })
export class SchoolRole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: SchoolRoleName;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
