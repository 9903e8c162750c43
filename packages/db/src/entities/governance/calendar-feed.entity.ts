import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A secret, revocable calendar feed: a person's (no tenant) or a body's. Only the token's hash is stored. */
@Entity({ name: 'calendar_feeds' })
@Index('calendar_feeds_user_key', ['userId'], { unique: true, where: 'revoked_at IS NULL AND user_id IS NOT NULL' })
@Index('calendar_feeds_body_key', ['tenantId', 'bodyId'], { unique: true, where: 'revoked_at IS NULL AND body_id IS NOT NULL' })
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'body_id', type: 'uuid', nullable: true }) bodyId: string | null;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
