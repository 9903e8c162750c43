import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, DEMO_PASSWORD, hashPassword, TenantRepository, UserRepository, verifyPassword } from '@partnerships/db';
import { passwordProblem } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { AppError, invalid, notFound } from '../../common/app-error';
import { accountForInvitation } from '../../common/invited-account';
import type { AuthedContext, RequestContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import type { AcceptInvitationDto, LoginDto, PasswordResetConfirmDto } from './auth.dto';
import { AttemptLimiter } from '../../common/attempt-limiter';
import { LoginRateLimiter } from '../../common/login-rate-limiter';
import { InvitationRepository } from './invitation.repository';
import { PasswordResetRepository } from './password-reset.repository';
import { SessionRepository } from './session.repository';
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
  /** Three reset requests an hour per e-mail address, fifteen per client: every request counts, known address or not. */
  private readonly resetLimiter = new AttemptLimiter(3, 60 * 60 * 1000, 'password reset requests');
  private readonly logger = new Logger(AuthService.name);
  /** Reset work still running after its answer was sent (tests and shutdown can wait for it). */
  private readonly pendingResets = new Set<Promise<void>>();

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
    // After failures the attempt waits (longer after each), then is judged on its password: never refused outright.
    const outcome = await this.limiter.slowed(`ip:${ctx.ip}`, keys, async () => {
      const user = await this.db.asPlatform({}, (em) => new UserRepository(em).findByEmailWithPassword(email));
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
      const demoRefused = this.env.NODE_ENV === 'production' && dto.password === DEMO_PASSWORD;
      if (!user || !user.passwordHash || !ok || demoRefused) {
        this.limiter.fail(keys);
        throw new AppError('wrong_credentials', 401, WRONG_CREDENTIALS);
      }
      this.limiter.clear(`email:${email}`);
      return user;
    });
    if (outcome.refused) throw new AppError('rate_limited', 429, 'Too many sign-in attempts at once from here. Please wait a moment and try again.');
    return this.issue(outcome.value);
  }

  async logout(ctx: AuthedContext): Promise<void> {
    if (ctx.sessionId) await this.sessions.revoke(ctx.sessionId, ctx.user.id);
  }

  /**
   * Always answers the same, and in the same time, so it cannot be used to find out who has an
   * account: the limits count every request alike, and the lookup, the link and the e-mail are
   * done after the answer has gone.
   */
  async requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    this.resetLimiter.attempt([
      { key: `ip:${ctx.ip}`, limit: 5 },
      { key: `email:${normalised}`, limit: 1 },
    ]);
    const work = this.sendPasswordReset(normalised)
      .catch((error: unknown) => this.logger.error(`Password reset e-mail not sent: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.pendingResets.delete(work));
    this.pendingResets.add(work);
  }

  /** Resolves once the reset work of answered requests is done. */
  async settled(): Promise<void> {
    await Promise.all([...this.pendingResets]);
  }

  private async sendPasswordReset(normalised: string): Promise<void> {
    const user = await this.db.asPlatform({}, (em) => new UserRepository(em).findByEmailWithPassword(normalised));
    if (!user) return;
    const token = newToken();
    await this.db.asPlatform({ userId: user.id }, (em) => new PasswordResetRepository(em).create(user.id, hashToken(token)));
    await this.queue.enqueue(JobName.SendMail, {
      template: 'password-reset',
      to: user.email,
      data: { name: user.name, link: `${this.publicUrl()}/reset-password?token=${token}` },
    });
  }

  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    await this.db.asPlatform({}, async (em) => {
      const resets = new PasswordResetRepository(em);
      const users = new UserRepository(em);
      const reset = await resets.lockUsable(hashToken(dto.token));
      if (!reset) throw invalid([{ field: 'token', message: 'This reset link has expired or has already been used. Ask for a new one.' }]);
      const problem = passwordProblem(dto.password, { email: reset.email });
      if (problem) throw invalid([{ field: 'password', message: problem }]);
      await users.actAs(reset.userId);
      await users.setPasswordHash(reset.userId, await hashPassword(dto.password));
      await resets.markUsed(reset.id);
      // Any other link still in someone's mailbox must not work after the password has changed.
      await resets.revokeOthers(reset.userId, reset.id);
      await new SessionRepository(em).revokeAllOf(reset.userId);
    });
  }

  /**
   * Join a partnership from an e-mailed link. A new person sets their name and password;
   * someone who already has an account confirms it with their password.
   */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<IssuedSession & { tenant: { slug: string; name: string } }> {
    const tokenHash = hashToken(dto.token);
    const tenantId = await this.db.asPlatform({}, (em) => new InvitationRepository(em).tenantOfToken(tokenHash));
    if (!tenantId) throw invalid([{ field: 'token', message: 'This invitation link is not valid. Ask the partnership to invite you again.' }]);

    const result = await this.db.inTenant(tenantId, {}, async (em) => {
      const invitations = new InvitationRepository(em);
      const tenants = new TenantRepository(em);
      const invitation = await invitations.lockByToken(tokenHash);
      if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) {
        throw invalid([{ field: 'token', message: 'This invitation has expired or has already been used. Ask the partnership to invite you again.' }]);
      }
      const user = await accountForInvitation(new UserRepository(em), invitation.email, dto);
      await tenants.grantRole(tenantId, user.id, invitation.role);
      await invitations.markAccepted(invitation.id);
      const tenant = (await tenants.findSlugAndName(tenantId))!;
      return { user, tenant };
    });
    return { ...(await this.issue(result.user)), tenant: result.tenant };
  }

  /** What an invitation link is for, so the page can say "Join Redbridge as officer". Unknown, used or expired: 404. */
  async previewInvitation(token: string): Promise<{ tenant: { slug: string; name: string }; email: string; role: string; accountExists: boolean }> {
    const tokenHash = hashToken(token);
    const tenantId = await this.db.asPlatform({}, (em) => new InvitationRepository(em).tenantOfToken(tokenHash));
    if (!tenantId) throw notFound('invitation');
    return this.db.inTenant(tenantId, {}, async (em) => {
      const preview = await new InvitationRepository(em).preview(tokenHash);
      if (!preview) throw notFound('invitation');
      return preview;
    });
  }

  private async issue(user: { id: string; email: string; name: string; isPlatformOperator: boolean }): Promise<IssuedSession> {
    const session = await this.db.asPlatform({ userId: user.id }, (em) => this.sessions.create(em, user.id));
    return { ...session, user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator } };
  }

  private publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }
}
