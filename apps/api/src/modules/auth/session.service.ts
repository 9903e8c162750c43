import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, Session } from '@partnerships/db';
import type { SchoolRole, TenantRole } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import { buildAbility } from '../../common/ability.factory';
import type { AuthUser, RequestContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { hashToken, newToken } from './session-token';

export interface SessionGrants {
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
  tenantRoles: { tenantId: string; role: TenantRole }[];
  schoolRoles: { schoolId: string; role: SchoolRole }[];
}

/** Server-side sessions: revocable at logout and password change. */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async create(em: EntityManager, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_HOURS * 3600_000);
    await em.getRepository(Session).insert({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async revoke(sessionId: string, userId: string): Promise<void> {
    await this.db.asPlatform({ userId }, (em) => em.getRepository(Session).update({ id: sessionId }, { revokedAt: new Date() }));
  }

  /** The session's user and every role they hold, read in one unit of work as that user. */
  async resolve(token: string | undefined): Promise<SessionGrants | null> {
    if (!token || token.length > 100) return null;
    const [session]: { id: string; user_id: string; csrf_token: string }[] = await this.db.asPlatform({}, (em) =>
      em.query(`SELECT id, user_id, csrf_token FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`, [hashToken(token)]),
    );
    if (!session) return null;
    return this.db.asPlatform({ userId: session.user_id }, async (em) => {
      const [user] = await em.query(`SELECT id, email, name, is_platform_operator FROM users WHERE id = $1`, [session.user_id]);
      if (!user) return null;
      const tenantRoles = await em.query(`SELECT tenant_id AS "tenantId", role FROM tenant_roles WHERE user_id = $1`, [user.id]);
      const schoolRoles = await em.query(`SELECT school_id AS "schoolId", role FROM school_roles WHERE user_id = $1`, [user.id]);
      return {
        user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.is_platform_operator },
        sessionId: session.id,
        csrfToken: session.csrf_token,
        tenantRoles,
        schoolRoles,
      };
    });
  }

  toContext(grants: SessionGrants | null, requestId: string, ip: string): RequestContext {
    return {
      requestId,
      ip,
      user: grants?.user ?? null,
      sessionId: grants?.sessionId ?? null,
      csrfToken: grants?.csrfToken ?? null,
      tenant: null,
      ability: buildAbility({
        isPlatformOperator: grants?.user.isPlatformOperator ?? false,
        tenantRoles: grants?.tenantRoles ?? [],
        schoolRoles: grants?.schoolRoles ?? [],
      }),
    };
  }
}
