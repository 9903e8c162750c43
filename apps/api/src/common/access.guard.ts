import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { SessionService } from '../modules/auth/session.service';
import { CSRF_HEADER, SESSION_COOKIE, sameToken } from '../modules/auth/session-token';
import { ACCESS_KEY, type AccessRule, PUBLIC_KEY } from './access.decorator';
import { subjectOf } from './ability.factory';
import { AppError, forbidden, notFound, unauthenticated } from './app-error';
import type { RequestContext } from './request-context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The first two walls of tenancy, on every route:
 * 1. the session's user, and the tenant from the URL checked against the user's roles
 *    (no role there: 404, whether or not the tenant exists);
 * 2. the route's declared access checked against the user's CASL ability.
 * Also: CSRF on cookie-authenticated writes.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { ctx: RequestContext }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const rule = this.reflector.getAllAndOverride<AccessRule | null | undefined>(ACCESS_KEY, targets);

    const params = request.params as Record<string, string> | undefined;
    const slug = params?.slug;
    // Session, user, roles, the URL's partnership and school: one statement (ADR 0008).
    const grants = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE], { tenantSlug: slug, schoolUrn: params?.urn });
    const ctx = this.sessions.toContext(grants, String(request.id), request.ip);
    request.ctx = ctx;
    if (isPublic) return true;
    if (!ctx.user) throw unauthenticated();

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !ctx.csrfToken || !sameToken(header, ctx.csrfToken)) {
        throw new AppError('csrf_failed', 403, 'Your session could not be confirmed. Please reload the page and try again.');
      }
    }

    if (slug !== undefined) {
      // Resolved with the session: only when the user has a role there.
      const found = grants?.tenant ?? null;
      if (!found) throw notFound('partnership');
      if (found.status === 'suspended') throw new AppError('tenant_suspended', 403, 'This partnership is suspended. Please contact the platform team.');
      ctx.tenant = found;
    }

    if (rule) {
      const allowed = ctx.tenant
        ? ctx.ability.can(rule.action, subjectOf(rule.subject, { tenantId: ctx.tenant.id }))
        : ctx.ability.can(rule.action, rule.subject);
      if (!allowed) throw forbidden();
    }
    return true;
  }
}
