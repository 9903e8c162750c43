import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { ACCESS_KEY } from '../../common/access.decorator';
import { notFound } from '../../common/app-error';
import type { RequestContext } from '../../common/request-context';

/**
 * Operator-only routes that name a partnership. The access guard has already required a
 * session; anyone who is not a platform operator gets the same 404 as for an unknown
 * partnership (before the body is even validated), so these routes reveal nothing.
 */
@Injectable()
export class PlatformOperatorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const ctx = context.switchToHttp().getRequest<{ ctx: RequestContext }>().ctx;
    if (!ctx?.user?.isPlatformOperator) throw notFound('partnership');
    return true;
  }
}

export const PlatformOperator = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, null), UseGuards(PlatformOperatorGuard), ApiCookieAuth('session'), ApiExtension('x-access', 'platform-operator'));
