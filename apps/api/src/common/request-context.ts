import type { Database } from '@partnerships/db';
import type { EntityManager } from 'typeorm';
import type { SchoolRole, TenantRole } from '@partnerships/domain';
import type { AppAbility } from './ability.factory';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  isPlatformOperator: boolean;
}

export interface CurrentTenant {
  id: string;
  slug: string;
  name: string;
  status: string;
  roles: TenantRole[];
}

/** What every service method receives first: who, in which tenant, allowed to do what. */
export interface RequestContext {
  requestId: string;
  user: AuthUser | null;
  sessionId: string | null;
  csrfToken: string | null;
  ability: AppAbility;
  tenant: CurrentTenant | null;
  /**
   * The school at the URL's `:urn`, when the signed-in person has a role there (resolved with the
   * session, ADR 0008); null otherwise or when the route has no `:urn` (then look it up).
   */
  school?: ResolvedSchool | null;
  ip: string;
}

export interface ResolvedSchool {
  id: string;
  urn: string;
  name: string;
  pupils: number | null;
  roles: SchoolRole[];
}

export interface AuthedContext extends RequestContext {
  user: AuthUser;
}

export interface TenantContext extends AuthedContext {
  tenant: CurrentTenant;
}

/** Run work in the context's tenant, as its user: the only door to tenant rows. */
export function inTenant<T>(db: Database, ctx: TenantContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return db.inTenant(ctx.tenant.id, { userId: ctx.user.id }, work);
}
