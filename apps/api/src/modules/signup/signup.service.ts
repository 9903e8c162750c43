import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, hashPassword } from '@partnerships/db';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { invalid } from '../../common/app-error';
import type { RequestContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import type { IssuedSession } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { hashToken, newToken } from '../auth/session-token';
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
      await em.query(`INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [email, name]);
      const [user] = await em.query(`SELECT id, name, password_hash, email_verified_at FROM users WHERE email = $1 FOR UPDATE`, [email]);
      if (user.email_verified_at || user.password_hash) return { kind: 'exists' as const, name: user.name as string };
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [user.id]);
      const [verification] = await em.query(
        `INSERT INTO email_verifications (user_id, token_hash, name, password_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id`,
        [user.id, hashToken(token), name, passwordHash, VERIFICATION_HOURS],
      );
      return { kind: 'new' as const, verificationId: verification.id as string };
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
      const [row] = await em.query(
        `SELECT v.id, v.user_id, v.name, v.password_hash, v.used_at, v.expires_at < now() AS expired, u.email, u.is_platform_operator
         FROM email_verifications v JOIN users u ON u.id = v.user_id WHERE v.token_hash = $1 FOR UPDATE OF v, u`,
        [hashToken(dto.token)],
      );
      if (!row || row.used_at || row.expired) {
        throw invalid([{ field: 'token', message: 'This confirmation link has expired or has already been used. Sign up again to get a new one, or sign in.' }]);
      }
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [row.user_id]);
      await em.query(`UPDATE users SET email_verified_at = now(), password_hash = $2, name = $3 WHERE id = $1`, [row.user_id, row.password_hash, row.name]);
      // Every other link for this address stops working: the account now has its password.
      await em.query(`UPDATE email_verifications SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      const session = await this.sessions.create(em, row.user_id);
      return { ...session, user: { id: row.user_id, email: row.email, name: row.name, isPlatformOperator: row.is_platform_operator } };
    });
  }

  private publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }
}
