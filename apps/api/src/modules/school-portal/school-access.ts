import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Database, type EntityManager, SchoolRegisterRepository } from '@partnerships/db';
import type { SchoolRole } from '@partnerships/domain';
import { AppError, notFound, unauthenticated } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';

export interface SchoolAccess {
  id: string;
  urn: string;
  name: string;
  pupils: number | null;
  roles: SchoolRole[];
}

/**
 * The school at `urn`, if the signed-in person acts for it; 404 for anyone else (so nothing
 * is said about other schools). With `needs`, one of those roles is also required.
 */
export async function schoolFor(em: EntityManager, ctx: AuthedContext, urn: string, needs?: readonly SchoolRole[], doing = 'do that'): Promise<SchoolAccess> {
  if (!/^\d{6}$/.test(urn)) throw notFound('school');
  // Resolved with the session for the URL's school (ADR 0008); otherwise looked up here.
  const resolved = ctx.school?.urn === urn ? ctx.school : null;
  const register = new SchoolRegisterRepository(em);
  const school = resolved ?? (await register.findByUrn(urn));
  if (!school) throw notFound('school');
  const roles = resolved?.roles ?? (await register.rolesOf(school.id, ctx.user.id));
  if (roles.length === 0) throw notFound('school');
  if (needs && !roles.some((role) => needs.includes(role))) {
    const who = needs.map((role) => role.replace('-', ' ')).join(' or the ');
    throw new AppError('forbidden', 403, `Only the ${who} can ${doing} for ${school.name}.`);
  }
  return { id: school.id, urn: school.urn, name: school.name, pupils: school.pupils, roles };
}

export const ACTS_FOR_SCHOOL: readonly SchoolRole[] = ['headteacher', 'business-manager'];

/**
 * Route guard for `/school-portal/{urn}/...`: runs before the body is validated, so someone who
 * does not act for the school gets the same 404 whatever they send.
 */
@Injectable()
export class SchoolPeopleGuard implements CanActivate {
  constructor(private readonly db: Database) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ params?: Record<string, string>; ctx?: AuthedContext }>();
    const urn = request.params?.urn;
    if (urn === undefined) return true;
    const ctx = request.ctx;
    if (!ctx?.user) throw unauthenticated();
    await this.db.asPlatform({ userId: ctx.user.id }, (em) => schoolFor(em, ctx, urn));
    return true;
  }
}
