import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Env } from '@partnerships/config';
import type { FastifyReply } from 'fastify';
import { Ctx, Public } from '../../common/access.decorator';
import type { RequestContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { LoginResponseDto } from '../auth/auth.dto';
import { setSessionCookie } from '../auth/session-cookie';
import { SignupAcceptedDto, SignupDto, VerifyEmailDto } from './signup.dto';
import { SignupService } from './signup.service';

@ApiTags('signup')
@Controller('v1/signup')
export class SignupController {
  constructor(
    private readonly signups: SignupService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account; a confirmation link is e-mailed (the same answer whether or not the address already has an account)' })
  @ApiResponse({ status: 201, type: SignupAcceptedDto })
  signup(@Ctx() ctx: RequestContext, @Body() dto: SignupDto): Promise<SignupAcceptedDto> {
    return this.signups.signup(ctx, dto);
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the e-mail address from the link; signs in (sets the session cookie)' })
  @ApiResponse({ status: 200, type: LoginResponseDto })
  async verify(@Body() dto: VerifyEmailDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    const session = await this.signups.verify(dto);
    setSessionCookie(reply, session.token, session.expiresAt, this.env.NODE_ENV === 'production');
    return { user: session.user, csrfToken: session.csrfToken };
  }
}
