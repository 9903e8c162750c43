import { UnitOfWorkRepository } from '@partnerships/db';

/** A reset link that can still be used, row-locked, with the address of its account. */
export interface UsableReset {
  id: string;
  userId: string;
  email: string;
}

/** Password reset links (an hour each, used once); only the token's hash is stored. */
export class PasswordResetRepository extends UnitOfWorkRepository {
  async create(userId: string, tokenHash: string): Promise<void> {
    await this.execute(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [userId, tokenHash]);
  }

  lockUsable(tokenHash: string): Promise<UsableReset | null> {
    return this.one<UsableReset>(
      `SELECT r.id, r.user_id AS "userId", u.email FROM password_resets r JOIN users u ON u.id = r.user_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() FOR UPDATE OF r`,
      [tokenHash],
    );
  }

  async markUsed(id: string): Promise<void> {
    await this.execute(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Marks every other unused link of this account as used, so none of them works any more. */
  async revokeOthers(userId: string, keepId: string): Promise<void> {
    await this.execute(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND id <> $2 AND used_at IS NULL`, [userId, keepId]);
  }
}
