import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database } from '@partnerships/db';
import { ROLE_LABELS } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { offsetOf, pageOf, type PageQueryDto } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import { hashToken, newToken } from '../auth/session-token';
import type { CreateInvitationDto, InvitationDto, MemberSchoolsQueryDto, TenantDto } from './tenants.dto';

const INVITATION_DAYS = 7;

@Injectable()
export class TenantsService {
  constructor(
    private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async get(ctx: TenantContext): Promise<TenantDto> {
    const { byPhase, look } = await inTenant(this.db, ctx, async (em) => {
      const byPhase: { phase: string; count: number }[] = await em.query(
        `SELECT s.phase, count(*)::int AS count FROM memberships m JOIN schools s ON s.id = m.school_id
         WHERE m.tenant_id = $1 AND m.status NOT IN ('left', 'prospect') GROUP BY s.phase ORDER BY s.phase`,
        [ctx.tenant.id],
      );
      // What its pages need on every visit: the colour, whether there is a logo, whether setup is finished.
      const [look]: { brandColour: string | null; hasLogo: boolean; setupComplete: boolean }[] = await em.query(
        `SELECT brand_colour AS "brandColour", logo_data_url IS NOT NULL AS "hasLogo", setup_completed_at IS NOT NULL AS "setupComplete"
         FROM tenants WHERE id = $1`,
        [ctx.tenant.id],
      );
      return { byPhase, look: look! };
    });
    const { id, slug, name, status, roles } = ctx.tenant;
    return { id, slug, name, status, roles, memberCount: byPhase.reduce((n, p) => n + p.count, 0), membersByPhase: byPhase, ...look };
  }

  async memberSchools(ctx: TenantContext, query: MemberSchoolsQueryDto) {
    const q = query.q?.trim() ? `%${query.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    return inTenant(this.db, ctx, async (em) => {
      const where = `m.tenant_id = $1 AND ($2::text IS NULL OR s.name ILIKE $2 OR s.urn LIKE $2)`;
      const items = await em.query(
        `SELECT m.id AS "membershipId", s.urn, s.name, s.phase, s.type, s.local_authority AS "localAuthority", s.pupils,
                m.category, m.status, to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn"
         FROM memberships m JOIN schools s ON s.id = m.school_id WHERE ${where}
         ORDER BY s.name LIMIT $3 OFFSET $4`,
        [ctx.tenant.id, q, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM memberships m JOIN schools s ON s.id = m.school_id WHERE ${where}`, [ctx.tenant.id, q]);
      return pageOf(items, query, total);
    });
  }

  async people(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const items = await em.query(
        `SELECT u.id AS "userId", u.email, u.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1
         GROUP BY u.id, u.email, u.name ORDER BY u.name LIMIT $2 OFFSET $3`,
        [ctx.tenant.id, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(DISTINCT user_id)::int AS total FROM tenant_roles WHERE tenant_id = $1`, [ctx.tenant.id]);
      return pageOf(items, query, total);
    });
  }

  /** Creates the invitation and queues its e-mail; the link carries a token whose hash alone is stored. */
  async invite(ctx: TenantContext, dto: CreateInvitationDto): Promise<InvitationDto> {
    const token = newToken();
    const email = dto.email.trim().toLowerCase();
    const invitation = await inTenant(this.db, ctx, async (em) => {
      const [row] = await em.query(
        `INSERT INTO invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
         RETURNING id, email, role, expires_at AS "expiresAt", accepted_at AS "acceptedAt", created_at AS "createdAt"`,
        [ctx.tenant.id, email, dto.role, hashToken(token), ctx.user.id, INVITATION_DAYS],
      );
      return row;
    });
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
    return invitation;
  }

  async invitations(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const items = await em.query(
        `SELECT id, email, role, expires_at AS "expiresAt", accepted_at AS "acceptedAt", created_at AS "createdAt"
         FROM invitations WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
        [ctx.tenant.id, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM invitations WHERE tenant_id = $1`, [ctx.tenant.id]);
      return pageOf(items, query, total);
    });
  }

  async auditLog(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const items = await em.query(
        `SELECT a.id, a.at, a.action, a.entity_table AS "entityTable", a.entity_id AS "entityId", u.email AS "actorEmail", a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.tenant_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2 OFFSET $3`,
        [ctx.tenant.id, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM audit_log WHERE tenant_id = $1`, [ctx.tenant.id]);
      return pageOf(items, query, total);
    });
  }
}
