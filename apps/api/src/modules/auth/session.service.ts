import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, UserRepository } from '@partnerships/db';
import type { SchoolRole, TenantRole } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import { buildAbility } from '../../common/ability.factory';
import type { AuthUser, RequestContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { SessionRepository } from './session.repository';
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
    await new SessionRepository(em).create({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async revoke(sessionId: string, userId: string): Promise<void> {
    await this.db.asPlatform({ userId }, (em) => new SessionRepository(em).revoke(sessionId));
  }

  /** The session's user and every role they hold, read in one unit of work as that user. */
  async resolve(token: string | undefined): Promise<SessionGrants | null> {
    if (!token || token.length > 100) return null;
    const session = await this.db.asPlatform({}, (em) => new SessionRepository(em).findLive(hashToken(token)));
    if (!session) return null;
    return this.db.asPlatform({ userId: session.userId }, async (em) => {
      const users = new UserRepository(em);
      const user = await users.findById(session.userId);
      if (!user) return null;
      const tenantRoles = await users.tenantGrants(user.id);
      const schoolRoles = await users.schoolGrants(user.id);
      return { user, sessionId: session.id, csrfToken: session.csrfToken, tenantRoles, schoolRoles };
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
