import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, TenantRepository } from '@partnerships/db';
import { ROLE_LABELS } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import type { PageQueryDto } from '../../common/pagination.dto';
import { readPage } from '../../common/pagination';
import { likePattern } from '../../common/sql-text';
import { inTenant, type TenantContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import { InvitationRepository, type InvitationRow } from '../auth/invitation.repository';
import { hashToken, newToken } from '../auth/session-token';
import { AuditLogRepository } from './audit-log.repository';
import { MemberSchoolsRepository } from './member-schools.repository';
import type { CreateInvitationDto, InvitationDto, MemberSchoolsQueryDto, TenantDto } from './tenants.dto';

const INVITATION_DAYS = 7;

const invitationDto = (row: InvitationRow): InvitationDto => ({
  id: row.id,
  email: row.email,
  role: row.role,
  expiresAt: row.expiresAt.toISOString(),
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

@Injectable()
export class TenantsService {
  constructor(
    private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async get(ctx: TenantContext): Promise<TenantDto> {
    const { byPhase, look } = await inTenant(this.db, ctx, async (em) => {
      const byPhase = await new MemberSchoolsRepository(em).countByPhase(ctx.tenant.id);
      // What its pages need on every visit: the colour, whether there is a logo, whether setup is finished.
      const look = (await new TenantRepository(em).look(ctx.tenant.id))!;
      return { byPhase, look };
    });
    const { id, slug, name, status, roles } = ctx.tenant;
    return { id, slug, name, status, roles, memberCount: byPhase.reduce((n, p) => n + p.count, 0), membersByPhase: byPhase, ...look };
  }

  async memberSchools(ctx: TenantContext, query: MemberSchoolsQueryDto) {
    const q = likePattern(query.q);
    return inTenant(this.db, ctx, (em) => {
      const schools = new MemberSchoolsRepository(em);
      return readPage(query, (window) => schools.page(ctx.tenant.id, q, window));
    });
  }

  async people(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, (em) => {
      const tenants = new TenantRepository(em);
      return readPage(query, (window) => tenants.peoplePage(ctx.tenant.id, window));
    });
  }

  /** Creates the invitation and queues its e-mail; the link carries a token whose hash alone is stored. */
  async invite(ctx: TenantContext, dto: CreateInvitationDto): Promise<InvitationDto> {
    const token = newToken();
    const email = dto.email.trim().toLowerCase();
    const invitation = await inTenant(this.db, ctx, (em) =>
      new InvitationRepository(em).create({ tenantId: ctx.tenant.id, email, role: dto.role, tokenHash: hashToken(token), invitedBy: ctx.user.id, days: INVITATION_DAYS }),
    );
    await this.queue.enqueue(
      JobName.SendMail,
      {
        template: 'invitation',
        to: email,
        tenantId: ctx.tenant.id,
        data: {
          partnershipName: ctx.tenant.name,
          role: ROLE_LABELS[dto.role].toLowerCase(),
          invitedBy: ctx.user.name,
          link: `${this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`}/invitations/accept?token=${token}`,
        },
      },
      { jobId: `invitation-${invitation.id}` },
    );
    return invitationDto(invitation);
  }

  async invitations(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const invitations = new InvitationRepository(em);
      return readPage(query, (window) => invitations.listPage(ctx.tenant.id, window), invitationDto);
    });
  }

  async auditLog(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, (em) => {
      const log = new AuditLogRepository(em);
      return readPage(query, (window) => log.page(ctx.tenant.id, window));
    });
  }
}
