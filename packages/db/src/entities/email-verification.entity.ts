import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-up attempt. The password chosen at sign-up waits here (hashed) and is set on the
 * account only when this link is followed. Platform-level (no tenant yet).
 */
@Entity({ name: 'email_verifications' })
@Index('email_verifications_user_idx', ['userId'])
export class EmailVerification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'token_hash', type: 'text', unique: true, select: false }) tokenHash: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
