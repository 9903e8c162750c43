import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database } from '@partnerships/db';
import type { SchoolRole, TenantRole } from '@partnerships/domain';
import type { EntityManager } from 'typeorm';
import { buildAbility } from '../../common/ability.factory';
import type { AuthUser, RequestContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { type ResolvedRequest, SessionRepository } from './session.repository';
import { hashToken, newToken } from './session-token';

export interface SessionGrants {
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
  tenantRoles: { tenantId: string; role: TenantRole }[];
  schoolRoles: { schoolId: string; role: SchoolRole }[];
}

/** The grants, with the URL's partnership and school when the user has a role there. */
export interface ResolvedGrants extends SessionGrants {
  tenant: ResolvedRequest['tenant'];
  school: ResolvedRequest['school'];
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

  /**
   * The session's user, every role they hold, and the URL's partnership (`tenantSlug`) and school
   * (`schoolUrn`) with the user's roles there: one statement (`resolve_request`), in the request's
   * unit of work when it has one (ADR 0008). It leaves app.user_id and app.tenant_id set for the
   * rest of that unit.
   */
  async resolve(token: string | undefined, target: { tenantSlug?: string; schoolUrn?: string } = {}): Promise<ResolvedGrants | null> {
    const tokenHash = token && token.length <= 100 ? hashToken(token) : null;
    const tenantSlug = target.tenantSlug ?? null;
    const schoolUrn = target.schoolUrn !== undefined && /^\d{6}$/.test(target.schoolUrn) ? target.schoolUrn : null;
    const resolved = await this.db.authenticate(
      (em) => new SessionRepository(em).resolveRequest(tokenHash, tenantSlug, schoolUrn),
      (r) => ({ userId: r?.user.id ?? null, tenantId: r?.tenant && r.tenant.status === 'active' ? r.tenant.id : null }),
    );
    if (!resolved) return null;
    return {
      user: resolved.user,
      sessionId: resolved.sessionId,
      csrfToken: resolved.csrfToken,
      tenantRoles: resolved.tenantRoles,
      schoolRoles: resolved.schoolRoles,
      tenant: resolved.tenant,
      school: resolved.school,
    };
  }

  toContext(grants: SessionGrants | null, requestId: string, ip: string): RequestContext {
    return {
      requestId,
      ip,
      user: grants?.user ?? null,
      sessionId: grants?.sessionId ?? null,
      csrfToken: grants?.csrfToken ?? null,
      tenant: null,
      school: (grants as ResolvedGrants | null)?.school ?? null,
      ability: buildAbility({
        isPlatformOperator: grants?.user.isPlatformOperator ?? false,
        tenantRoles: grants?.tenantRoles ?? [],
        schoolRoles: grants?.schoolRoles ?? [],
      }),
    };
  }
}
