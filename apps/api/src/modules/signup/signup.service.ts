import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, hashPassword, UserRepository } from '@partnerships/db';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { invalid } from '../../common/app-error';
import type { RequestContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import type { IssuedSession } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { hashToken, newToken } from '../auth/session-token';
import { EmailVerificationRepository } from './email-verification.repository';
import type { SignupAcceptedDto, SignupDto, VerifyEmailDto } from './signup.dto';
import { signupKeys, signupLimiter } from '../../common/attempt-limiter';

const VERIFICATION_HOURS = 24;

@Injectable()
export class SignupService {
  private readonly limiter = signupLimiter();

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /**
   * Starts an account and e-mails a confirmation link. The answer is the same whether or not
   * the address already has an account (nobody can use this to find out who is registered);
   * an existing account is never duplicated or changed: its owner gets a "you already have an
   * account" e-mail instead.
   */
  async signup(ctx: RequestContext, dto: SignupDto): Promise<SignupAcceptedDto> {
    const email = dto.email.trim().toLowerCase();
    const name = dto.name.trim();
    this.limiter.attempt(signupKeys(ctx.ip, email));
    // Hashed in every case, so a known address takes as long to answer as a new one.
    const passwordHash = await hashPassword(dto.password);
    const token = newToken();

    const outcome = await this.db.asPlatform({}, async (em) => {
      const users = new UserRepository(em);
      const user = await users.claimForSignup(email, name);
      if (user.verified || user.hasPassword) return { kind: 'exists' as const, name: user.name };
      await users.actAs(user.id);
      const verificationId = await new EmailVerificationRepository(em).create({
        userId: user.id,
        tokenHash: hashToken(token),
        name,
        passwordHash,
        hours: VERIFICATION_HOURS,
      });
      return { kind: 'new' as const, verificationId };
    });

    if (outcome.kind === 'new') {
      await this.queue.enqueue(
        JobName.SendMail,
        { template: 'verify-email', to: email, data: { name, link: `${this.publicUrl()}/signup/verify?token=${token}` } },
        { jobId: `verify-email-${outcome.verificationId}` },
      );
    } else {
      await this.queue.enqueue(JobName.SendMail, {
        template: 'account-exists',
        to: email,
        data: { name: outcome.name, signInLink: `${this.publicUrl()}/login`, resetLink: `${this.publicUrl()}/forgot-password` },
      });
    }
    return { email, message: `Check your e-mail: we have sent a link to ${email} to confirm your address. It works for ${VERIFICATION_HOURS} hours.` };
  }

  /** Follows the e-mailed link: confirms the address, sets the password chosen at sign-up, and signs in. */
  async verify(dto: VerifyEmailDto): Promise<IssuedSession> {
    return this.db.asPlatform({}, async (em) => {
      const users = new UserRepository(em);
      const verifications = new EmailVerificationRepository(em);
      const row = await verifications.lockByToken(hashToken(dto.token));
      if (!row || row.used || row.expired) {
        throw invalid([{ field: 'token', message: 'This confirmation link has expired or has already been used. Sign up again to get a new one, or sign in.' }]);
      }
      await users.actAs(row.userId);
      await users.markVerified(row.userId, row.passwordHash, row.name);
      // Every other link for this address stops working: the account now has its password.
      await verifications.retireAllOf(row.userId);
      const session = await this.sessions.create(em, row.userId);
      return { ...session, user: { id: row.userId, email: row.email, name: row.name, isPlatformOperator: row.isPlatformOperator } };
    });
  }

  private publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }
}
