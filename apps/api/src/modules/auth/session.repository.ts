import { Session, UnitOfWorkRepository } from '@partnerships/db';

/** A session that has not ended: neither revoked nor expired. */
export interface LiveSession {
  id: string;
  userId: string;
  csrfToken: string;
}

/** Server-side sessions: only the token's hash is stored. */
export class SessionRepository extends UnitOfWorkRepository {
  async create(session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
    await this.entities(Session).insert(session);
  }

  findLive(tokenHash: string): Promise<LiveSession | null> {
    return this.one<LiveSession>(
      `SELECT id, user_id AS "userId", csrf_token AS "csrfToken" FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
  }

  async revoke(id: string): Promise<void> {
    await this.entities(Session).update({ id }, { revokedAt: new Date() });
  }

  /** Signs the user out everywhere (after a password change). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.execute(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
