import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Env } from '@partnerships/config';
import type { FastifyReply } from 'fastify';
import { Ctx, Public, SignedIn } from '../../common/access.decorator';
import type { AuthedContext, RequestContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { AcceptInvitationDto, AcceptInvitationResponseDto, InvitationPreviewDto, LoginDto, LoginResponseDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './auth.dto';
import { AuthService } from './auth.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; sets the session cookie' })
  @ApiResponse({ status: 200, type: LoginResponseDto })
  async login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    const session = await this.auth.login(ctx, dto);
    setSessionCookie(reply, session.token, session.expiresAt, this.secure());
    return { user: session.user, csrfToken: session.csrfToken };
  }

  @SignedIn()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session' })
  async logout(@Ctx() ctx: AuthedContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(ctx);
    clearSessionCookie(reply, this.secure());
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'E-mail a password reset link (answers the same whether or not the address has an account)' })
  async requestReset(@Ctx() ctx: RequestContext, @Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(ctx, dto.email);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password from a reset link; signs out every session' })
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(dto);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation to a partnership; signs in' })
  @ApiResponse({ status: 200, type: AcceptInvitationResponseDto })
  async accept(@Body() dto: AcceptInvitationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AcceptInvitationResponseDto> {
    const session = await this.auth.acceptInvitation(dto);
    setSessionCookie(reply, session.token, session.expiresAt, this.secure());
    return { user: session.user, csrfToken: session.csrfToken, tenant: session.tenant };
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({ summary: 'What an invitation link is for (404 when unknown, used or expired)' })
  @ApiResponse({ status: 200, type: InvitationPreviewDto })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.auth.previewInvitation(token);
  }

  private secure(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
