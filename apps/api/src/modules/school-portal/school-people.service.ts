import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager, SchoolRegisterRepository, UserRepository } from '@partnerships/db';
import { ROLE_LABELS, type SchoolRole } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { conflict, invalid, notFound } from '../../common/app-error';
import { accountForInvitation } from '../../common/invited-account';
import type { AuthedContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import { SessionService } from '../auth/session.service';
import { hashToken, newToken } from '../auth/session-token';
import { MembershipLifecycleService, SCHOOL_INVITATION_DAYS } from '../memberships/membership-lifecycle.service';
import { isUuid } from '../../common/ids';
import type { AcceptSchoolInvitationDto, InviteSchoolPersonDto, SchoolInvitationDto, SchoolInvitationLookupDto, SchoolPeopleDto, SetSchoolRolesDto } from './school-membership.dto';
import { schoolFor } from './school-access';
import { type InvitationByToken, SchoolInvitationRepository, type SchoolInvitationRecord } from './school-invitation.repository';

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
      if (await new SchoolRegisterRepository(em).hasRoleByEmail(school.id, email, dto.role)) {
        throw conflict(`${email} is already ${ROLE_LABELS[dto.role as SchoolRole].toLowerCase()} at ${school.name}.`, 'email');
      }
      const invitation = await new SchoolInvitationRepository(em).create({
        schoolId: school.id,
        email,
        role: dto.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.user.id,
        days: SCHOOL_INVITATION_DAYS,
      });
      return { invitation, schoolName: school.name };
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
      const register = new SchoolRegisterRepository(em);
      const current = await register.rolesOf(school.id, userId);
      if (current.length === 0) throw notFound('person');
      const wanted = [...new Set(dto.roles)];
      if (!wanted.includes('headteacher') && current.includes('headteacher')) {
        const heads = await register.headteacherCount(school.id);
        if (heads <= 1) throw conflict(`${school.name} needs a headteacher on the platform: give the role to someone else first.`, 'roles');
      }
      await register.setRoles(school.id, userId, wanted);
      return this.peopleOf(em, school.id);
    });
  }

  async lookup(token: string): Promise<SchoolInvitationLookupDto> {
    return this.db.asPlatform({}, async (em) => {
      const invitation = await this.usable(em, token);
      const hasAccount = await new UserRepository(em).hasAccount(invitation.email);
      return { schoolUrn: invitation.urn, schoolName: invitation.school_name, role: invitation.role, email: invitation.email, hasAccount };
    });
  }

  /** Accepting from the e-mailed link: a new person sets a name and password; someone known confirms with theirs. Signs in. */
  async accept(dto: AcceptSchoolInvitationDto) {
    const result = await this.db.asPlatform({}, async (em) => {
      const invitation = await this.usable(em, dto.token, true);
      // A known person confirms with their password; a new one gets a verified account. The rest acts as them.
      const user = await accountForInvitation(new UserRepository(em), invitation.email, dto);
      await new SchoolRegisterRepository(em).grantRole(invitation.school_id, user.id, invitation.role);
      await new SchoolInvitationRepository(em).markAccepted(invitation.id);
      const session = await this.sessions.create(em, user.id);
      return { user, session, schoolUrn: invitation.urn, schoolName: invitation.school_name };
    });
    return result;
  }

  private async usable(em: EntityManager, token: string, lock = false): Promise<InvitationByToken> {
    const invitation = await new SchoolInvitationRepository(em).findByTokenHash(hashToken(token), { lock });
    if (!invitation || invitation.accepted_at || invitation.expires_at < new Date()) {
      throw invalid([{ field: 'token', message: 'This invitation has expired or has already been used. Ask the school (or the partnership) to invite you again.' }]);
    }
    return invitation;
  }

  private async peopleOf(em: EntityManager, schoolId: string): Promise<SchoolPeopleDto> {
    const people = await new SchoolRegisterRepository(em).peopleOf(schoolId);
    const invitations = await new SchoolInvitationRepository(em).listForSchool(schoolId);
    return { people, invitations: invitations.map(invitationDto) };
  }
}

function invitationDto(row: SchoolInvitationRecord): SchoolInvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt ? row.acceptedAt.toISOString() : null,
  };
}
