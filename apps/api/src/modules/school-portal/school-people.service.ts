import { Inject, Injectable } from '@nestjs/common';
import { Database, hashPassword, verifyPassword } from '@partnerships/db';
import { passwordProblem, ROLE_LABELS, type SchoolRole } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { conflict, invalid, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import { SessionService } from '../auth/session.service';
import { hashToken, newToken } from '../auth/session-token';
import { MembershipLifecycleService, SCHOOL_INVITATION_DAYS } from '../memberships/membership-lifecycle.service';
import { isUuid } from '../../common/ids';
import type { AcceptSchoolInvitationDto, InviteSchoolPersonDto, SchoolInvitationDto, SchoolInvitationLookupDto, SchoolPeopleDto, SetSchoolRolesDto } from './school-membership.dto';
import { schoolFor } from './school-access';

const INVITATION_COLUMNS = `id, email, role, created_at AS "createdAt", expires_at AS "expiresAt", accepted_at AS "acceptedAt"`;

/** A school's own people: the headteacher invites the business manager and staff and sets their roles. */
@Injectable()
export class SchoolPeopleService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly lifecycle: MembershipLifecycleService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async people(ctx: AuthedContext, urn: string): Promise<SchoolPeopleDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn);
      return this.peopleOf(em, school.id);
    });
  }

  async invite(ctx: AuthedContext, urn: string, dto: InviteSchoolPersonDto): Promise<SchoolInvitationDto> {
    const token = newToken();
    const email = dto.email.trim().toLowerCase();
    const { invitation, schoolName } = await this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, ['headteacher'], 'invite people');
      const [already] = await em.query(
        `SELECT 1 FROM school_roles r JOIN users u ON u.id = r.user_id WHERE r.school_id = $1 AND u.email = $2 AND r.role = $3`,
        [school.id, email, dto.role],
      );
      if (already) throw conflict(`${email} is already ${ROLE_LABELS[dto.role as SchoolRole].toLowerCase()} at ${school.name}.`, 'email');
      const [row] = await em.query(
        `INSERT INTO school_invitations (school_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING ${INVITATION_COLUMNS}`,
        [school.id, email, dto.role, hashToken(token), ctx.user.id, SCHOOL_INVITATION_DAYS],
      );
      return { invitation: row, schoolName: school.name as string };
    });
    await this.queue.enqueue(
      JobName.SendMail,
      {
        template: 'school-invitation',
        to: email,
        data: {
          schoolName,
          role: ROLE_LABELS[dto.role as SchoolRole].toLowerCase(),
          invitedBy: ctx.user.name,
          link: `${this.lifecycle.publicUrl()}/school-invitations/accept?token=${token}`,
        },
      },
      { jobId: `school-invitation-${invitation.id}` },
    );
    return invitationDto(invitation);
  }

  /** Sets a person's roles at the school; none removes them. A school always keeps a headteacher. */
  async setRoles(ctx: AuthedContext, urn: string, userId: string, dto: SetSchoolRolesDto): Promise<SchoolPeopleDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, ['headteacher'], 'change people’s roles');
      if (!isUuid(userId)) throw notFound('person');
      const current: { role: string }[] = await em.query(`SELECT role FROM school_roles WHERE school_id = $1 AND user_id = $2`, [school.id, userId]);
      if (current.length === 0) throw notFound('person');
      const wanted = [...new Set(dto.roles)];
      if (!wanted.includes('headteacher') && current.some((r) => r.role === 'headteacher')) {
        const [{ heads }] = await em.query(`SELECT count(*)::int AS heads FROM school_roles WHERE school_id = $1 AND role = 'headteacher'`, [school.id]);
        if (heads <= 1) throw conflict(`${school.name} needs a headteacher on the platform: give the role to someone else first.`, 'roles');
      }
      await em.query(`DELETE FROM school_roles WHERE school_id = $1 AND user_id = $2 AND NOT (role = ANY($3::text[]))`, [school.id, userId, wanted]);
      await em.query(
        `INSERT INTO school_roles (school_id, user_id, role) SELECT $1, $2, unnest($3::text[]) ON CONFLICT (school_id, user_id, role) DO NOTHING`,
        [school.id, userId, wanted],
      );
      return this.peopleOf(em, school.id);
    });
  }

  async lookup(token: string): Promise<SchoolInvitationLookupDto> {
    return this.db.asPlatform({}, async (em) => {
      const invitation = await this.usable(em, token);
      const [user] = await em.query(`SELECT 1 FROM users WHERE email = $1`, [invitation.email]);
      return { schoolUrn: invitation.urn, schoolName: invitation.school_name, role: invitation.role, email: invitation.email, hasAccount: Boolean(user) };
    });
  }

  /** Accepting from the e-mailed link: a new person sets a name and password; someone known confirms with theirs. Signs in. */
  async accept(dto: AcceptSchoolInvitationDto) {
    const result = await this.db.asPlatform({}, async (em) => {
      const invitation = await this.usable(em, dto.token, true);
      const [existing] = await em.query(`SELECT id, email, name, is_platform_operator, password_hash FROM users WHERE email = $1`, [invitation.email]);
      let user: { id: string; email: string; name: string; isPlatformOperator: boolean };
      if (existing) {
        if (!existing.password_hash || !(await verifyPassword(existing.password_hash, dto.password).catch(() => false))) {
          throw invalid([{ field: 'password', message: 'You already have an account: enter its password to accept.' }]);
        }
        user = { id: existing.id, email: existing.email, name: existing.name, isPlatformOperator: existing.is_platform_operator };
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
        user = { id: created.id, email: invitation.email, name: dto.name!.trim(), isPlatformOperator: false };
      }
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [user.id]);
      await em.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (school_id, user_id, role) DO NOTHING`, [
        invitation.school_id,
        user.id,
        invitation.role,
      ]);
      await em.query(`UPDATE school_invitations SET accepted_at = now() WHERE id = $1`, [invitation.id]);
      const session = await this.sessions.create(em, user.id);
      return { user, session, schoolUrn: invitation.urn as string, schoolName: invitation.school_name as string };
    });
    return result;
  }

  private async usable(em: Parameters<Parameters<Database['asPlatform']>[1]>[0], token: string, lock = false) {
    const [invitation] = await em.query(
      `SELECT i.id, i.email, i.role, i.school_id, i.expires_at, i.accepted_at, s.urn, s.name AS school_name
       FROM school_invitations i JOIN schools s ON s.id = i.school_id WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [hashToken(token)],
    );
    if (!invitation || invitation.accepted_at || invitation.expires_at < new Date()) {
      throw invalid([{ field: 'token', message: 'This invitation has expired or has already been used. Ask the school (or the partnership) to invite you again.' }]);
    }
    return invitation;
  }

  private async peopleOf(em: Parameters<Parameters<Database['asPlatform']>[1]>[0], schoolId: string): Promise<SchoolPeopleDto> {
    const people = await em.query(
      `SELECT u.id AS "userId", u.name, u.email, array_agg(r.role ORDER BY r.role) AS roles FROM school_roles r JOIN users u ON u.id = r.user_id
       WHERE r.school_id = $1 GROUP BY u.id, u.name, u.email ORDER BY u.name`,
      [schoolId],
    );
    const invitations = await em.query(`SELECT ${INVITATION_COLUMNS} FROM school_invitations WHERE school_id = $1 ORDER BY created_at DESC`, [schoolId]);
    return { people, invitations: invitations.map(invitationDto) };
  }
}

function invitationDto(row: Record<string, unknown>): SchoolInvitationDto {
  return {
    id: row.id as string,
    email: row.email as string,
    role: row.role as string,
    createdAt: (row.createdAt as Date).toISOString(),
    expiresAt: (row.expiresAt as Date).toISOString(),
    acceptedAt: row.acceptedAt ? (row.acceptedAt as Date).toISOString() : null,
  };
}
