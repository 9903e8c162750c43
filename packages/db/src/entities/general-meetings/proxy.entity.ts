import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A school's proxy for one meeting: another school's voter, or the chair. Revoked, never deleted. */
@Entity({ name: 'proxies' })
@Index('proxies_active_key', ['tenantId', 'meetingId', 'fromSchoolId'], { unique: true, where: 'revoked_at IS NULL' })
export class ProxyRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'from_school_id', type: 'uuid' }) fromSchoolId: string;
  @Column({ name: 'holder_kind', type: 'text' }) holderKind: 'school' | 'chair';
  @Column({ name: 'holder_school_id', type: 'uuid', nullable: true }) holderSchoolId: string | null;
  @Column({ name: 'appointed_by', type: 'uuid', nullable: true }) appointedBy: string | null;
  @Column({ name: 'appointed_at', type: 'timestamptz', default: () => 'now()' }) appointedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
}
