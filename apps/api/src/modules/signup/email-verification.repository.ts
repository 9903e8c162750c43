import { UnitOfWorkRepository } from '@partnerships/db';

/** A confirmation link being followed (row-locked with its account), and what sign-up left waiting on it. */
export interface PendingVerification {
  id: string;
  userId: string;
  name: string;
  passwordHash: string;
  used: boolean;
  expired: boolean;
  email: string;
  isPlatformOperator: boolean;
}

/**
 * E-mail confirmation links. The password chosen at sign-up waits here, hashed, beside the
 * token's hash, and reaches the account only when the link is followed.
 */
export class EmailVerificationRepository extends UnitOfWorkRepository {
  async create(verification: { userId: string; tokenHash: string; name: string; passwordHash: string; hours: number }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO email_verifications (user_id, token_hash, name, password_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id`,
      [verification.userId, verification.tokenHash, verification.name, verification.passwordHash, verification.hours],
    );
    return row!.id;
  }

  async lockByToken(tokenHash: string): Promise<PendingVerification | null> {
    const row = await this.one<{
      id: string; user_id: string; name: string; password_hash: string; used_at: Date | null; expired: boolean; email: string; is_platform_operator: boolean;
    }>(
      `SELECT v.id, v.user_id, v.name, v.password_hash, v.used_at, v.expires_at < now() AS expired, u.email, u.is_platform_operator
         FROM email_verifications v JOIN users u ON u.id = v.user_id WHERE v.token_hash = $1 FOR UPDATE OF v, u`,
      [tokenHash],
    );
    return row
      ? { id: row.id, userId: row.user_id, name: row.name, passwordHash: row.password_hash, used: Boolean(row.used_at), expired: row.expired, email: row.email, isPlatformOperator: row.is_platform_operator }
      : null;
  }

  /** Every outstanding link for the account stops working (it now has its password). */
  async retireAllOf(userId: string): Promise<void> {
    await this.execute(`UPDATE email_verifications SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }
}
