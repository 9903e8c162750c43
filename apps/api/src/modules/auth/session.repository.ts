import { Session, UnitOfWorkRepository } from '@partnerships/db';
import type { SchoolRole, TenantRole } from '@partnerships/domain';

/** A session that has not ended: neither revoked nor expired. */
export interface LiveSession {
  id: string;
  userId: string;
  csrfToken: string;
}

/** Who is asking, as `resolve_request(...)` answers in one statement (ADR 0008). */
export interface ResolvedRequest {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; isPlatformOperator: boolean };
  tenantRoles: { tenantId: string; role: TenantRole }[];
  schoolRoles: { schoolId: string; role: SchoolRole }[];
  /** The partnership at the URL's slug, when the user has a role there (with those roles). */
  tenant: { id: string; slug: string; name: string; status: string; roles: TenantRole[] } | null;
  /** The school at the URL's URN, when the user has a role there (with those roles). */
  school: { id: string; urn: string; name: string; pupils: number | null; roles: SchoolRole[] } | null;
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

  /**
   * The live session's user, every role they hold, and the URL's partnership and school: one
   * statement, which also sets app.user_id and (when the user has a role in an active partnership
   * there) app.tenant_id for the rest of the transaction. Null without a live session.
   */
  async resolveRequest(tokenHash: string | null, tenantSlug: string | null, schoolUrn: string | null): Promise<ResolvedRequest | null> {
    const row = await this.one<{ resolved: ResolvedRequest | null }>(`SELECT resolve_request($1, $2, $3) AS resolved`, [tokenHash, tenantSlug, schoolUrn]);
    return row?.resolved ?? null;
  }

  async revoke(id: string): Promise<void> {
    await this.entities(Session).update({ id }, { revokedAt: new Date() });
  }

  /** Signs the user out everywhere (after a password change). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.execute(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
