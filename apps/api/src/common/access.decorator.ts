import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import type { Action, SubjectType } from './ability.factory';

export const ACCESS_KEY = 'partnerships:access';
export const PUBLIC_KEY = 'partnerships:public';

export interface AccessRule {
  action: Action;
  subject: SubjectType;
}

/**
 * Declares what a route needs. The guard checks it against the CASL ability
 * (in the URL's tenant, for tenant routes) and the rule appears in OpenAPI as x-access.
 */
export const Access = (action: Action, subject: SubjectType) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { action, subject } satisfies AccessRule), ApiCookieAuth('session'), ApiExtension('x-access', { action, subject }));

/** Signed-in users only, no particular permission (e.g. /me). */
export const SignedIn = () => applyDecorators(SetMetadata(ACCESS_KEY, null), ApiCookieAuth('session'), ApiExtension('x-access', 'signed-in'));

export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-access', 'public'));

/** The request context built by the access guard. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest().ctx);
