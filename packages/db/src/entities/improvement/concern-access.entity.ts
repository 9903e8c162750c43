import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A person the partnership names to see schools causing concern. */
@Entity({ name: 'concern_access' })
@Index('concern_access_user_key', ['tenantId', 'userId'], { unique: true, where: "revoked_at IS NULL" })
export class ConcernAccessRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'named_by', type: 'uuid', nullable: true }) namedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
