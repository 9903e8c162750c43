import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, DEMO_PASSWORD, hashPassword, verifyPassword } from '@partnerships/db';
import { passwordProblem } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import type { EntityManager } from 'typeorm';
import { AppError, invalid, notFound } from '../../common/app-error';
import type { AuthedContext, RequestContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import type { AcceptInvitationDto, LoginDto, PasswordResetConfirmDto } from './auth.dto';
import { LoginRateLimiter } from '../../common/login-rate-limiter';
import { SessionService } from './session.service';
import { hashToken, newToken } from './session-token';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; isPlatformOperator: boolean };
}

const WRONG_CREDENTIALS = 'The e-mail address or password is not right.';
// A real argon2id hash of a random string: unknown e-mails cost the same time as known ones.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2sH7sGmUHiXq2VUPGu9V0ncN/Y2c5Gk6hX7CGYo5Kxg';

@Injectable()
export class AuthService {
  private readonly limiter: LoginRateLimiter;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {
    this.limiter = new LoginRateLimiter(env.LOGIN_RATE_LIMIT);
  }

  async login(ctx: RequestContext, dto: LoginDto): Promise<IssuedSession> {
    const email = dto.email.trim().toLowerCase();
    const keys = LoginRateLimiter.keys(ctx.ip, email);
    const wait = this.limiter.retryAfter(keys);
    if (wait > 0) throw new AppError('rate_limited', 429, `Too many attempts. Please wait ${Math.ceil(wait / 60)} minutes and try again.`);

    const user = await this.db.asPlatform({}, (em) => this.findUserWithHash(em, email));
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
    const demoRefused = this.env.NODE_ENV === 'production' && dto.password === DEMO_PASSWORD;
    if (!user || !user.passwordHash || !ok || demoRefused) {
      this.limiter.fail(keys);
      throw new AppError('wrong_credentials', 401, WRONG_CREDENTIALS);
    }
    this.limiter.clear(`email:${email}`);
    return this.issue(user);
  }

  async logout(ctx: AuthedContext): Promise<void> {
    if (ctx.sessionId) await this.sessions.revoke(ctx.sessionId, ctx.user.id);
  }

  /** Always answers the same, so it cannot be used to find out who has an account. */
  async requestPasswordReset(email: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    const user = await this.db.asPlatform({}, (em) => this.findUserWithHash(em, normalised));
    if (!user) return;
    const token = newToken();
    await this.db.asPlatform({ userId: user.id }, (em) =>
      em.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [user.id, hashToken(token)]),
    );
    await this.queue.enqueue(JobName.SendMail, {
      template: 'password-reset',
      to: user.email,
      data: { name: user.name, link: `${this.publicUrl()}/reset-password?token=${token}` },
    });
  }

  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    await this.db.asPlatform({}, async (em) => {
      const [reset] = await em.query(
        `SELECT r.id, r.user_id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() FOR UPDATE OF r`,
        [hashToken(dto.token)],
      );
      if (!reset) throw invalid([{ field: 'token', message: 'This reset link has expired or has already been used. Ask for a new one.' }]);
      const problem = passwordProblem(dto.password, { email: reset.email });
      if (problem) throw invalid([{ field: 'password', message: problem }]);
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [reset.user_id]);
      await em.query(`UPDATE users SET password_hash = $1 WHERE id = $2`, [await hashPassword(dto.password), reset.user_id]);
      await em.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [reset.id]);
      await em.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [reset.user_id]);
    });
  }

  /**
   * Join a partnership from an e-mailed link. A new person sets their name and password;
   * someone who already has an account confirms it with their password.
   */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<IssuedSession & { tenant: { slug: string; name: string } }> {
    const tokenHash = hashToken(dto.token);
    const [{ tenant_id: tenantId }] = await this.db.asPlatform({}, (em) => em.query(`SELECT invitation_tenant_by_token($1) AS tenant_id`, [tokenHash]));
    if (!tenantId) throw invalid([{ field: 'token', message: 'This invitation link is not valid. Ask the partnership to invite you again.' }]);

    const result = await this.db.inTenant(tenantId, {}, async (em) => {
      const [invitation] = await em.query(
        `SELECT id, email, role, expires_at, accepted_at FROM invitations WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash],
      );
      if (!invitation || invitation.accepted_at || invitation.expires_at < new Date()) {
        throw invalid([{ field: 'token', message: 'This invitation has expired or has already been used. Ask the partnership to invite you again.' }]);
      }
      let user = await this.findUserWithHash(em, invitation.email);
      if (user) {
        if (!user.passwordHash || !(await verifyPassword(user.passwordHash, dto.password))) {
          throw invalid([{ field: 'password', message: 'You already have an account: enter its password to accept.' }]);
        }
      } else {
        const fields = [];
        if (!dto.name?.trim()) fields.push({ field: 'name', message: 'Enter your name' });
        const problem = passwordProblem(dto.password, { email: invitation.email });
        if (problem) fields.push({ field: 'password', message: problem });
        if (fields.length) throw invalid(fields);
        const [created] = await em.query(
          `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`,
          [invitation.email, dto.name!.trim(), await hashPassword(dto.password)],
        );
        user = { id: created.id, email: invitation.email, name: dto.name!.trim(), isPlatformOperator: false, passwordHash: null };
      }
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [user.id]);
      await em.query(
        `INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, user_id, role) DO NOTHING`,
        [tenantId, user.id, invitation.role],
      );
      await em.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [invitation.id]);
      const [tenant] = await em.query(`SELECT slug, name FROM tenants WHERE id = $1`, [tenantId]);
      return { user, tenant };
    });
    return { ...(await this.issue(result.user)), tenant: result.tenant };
  }

  /** What an invitation link is for, so the page can say "Join Redbridge as officer". Unknown, used or expired: 404. */
  async previewInvitation(token: string): Promise<{ tenant: { slug: string; name: string }; email: string; role: string; accountExists: boolean }> {
    const tokenHash = hashToken(token);
    const [{ tenant_id: tenantId }] = await this.db.asPlatform({}, (em) => em.query(`SELECT invitation_tenant_by_token($1) AS tenant_id`, [tokenHash]));
    if (!tenantId) throw notFound('invitation');
    return this.db.inTenant(tenantId, {}, async (em) => {
      const [row] = await em.query(
        `SELECT i.email, i.role, t.slug, t.name, EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS account_exists
         FROM invitations i JOIN tenants t ON t.id = i.tenant_id
         WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()`,
        [tokenHash],
      );
      if (!row) throw notFound('invitation');
      return { tenant: { slug: row.slug, name: row.name }, email: row.email, role: row.role, accountExists: row.account_exists };
    });
  }

  private async issue(user: { id: string; email: string; name: string; isPlatformOperator: boolean }): Promise<IssuedSession> {
    const session = await this.db.asPlatform({ userId: user.id }, (em) => this.sessions.create(em, user.id));
    return { ...session, user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator } };
  }

  private async findUserWithHash(em: EntityManager, email: string) {
    const [row] = await em.query(`SELECT id, email, name, is_platform_operator, password_hash FROM users WHERE email = $1`, [email]);
    return row
      ? { id: row.id as string, email: row.email as string, name: row.name as string, isPlatformOperator: row.is_platform_operator as boolean, passwordHash: row.password_hash as string | null }
      : null;
  }

  private publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }
}
