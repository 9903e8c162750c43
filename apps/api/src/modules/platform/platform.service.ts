import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { SETUP_STEPS } from '@partnerships/domain';
import { conflict, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import type { PlatformTenantDto } from './platform.dto';

const TENANT_SQL = `SELECT t.id, t.slug, t.name, t.status, t.plan, to_char(t.trial_ends_at, 'YYYY-MM-DD') AS "trialEndsAt", t.template,
    t.setup_steps_done AS "setupStepsDone", t.setup_completed_at AS "setupCompletedAt", coalesce(c.members, 0) AS "memberCount",
    t.listed, t.suspended_at AS "suspendedAt", t.suspended_reason AS "suspendedReason", u.email AS "createdByEmail", t.created_at AS "createdAt"
  FROM tenants t LEFT JOIN tenant_member_counts() c ON c.tenant_id = t.id LEFT JOIN users u ON u.id = t.created_by`;

type Row = Omit<PlatformTenantDto, 'setupDoneCount' | 'setupTotalSteps' | 'setupCompletedAt' | 'suspendedAt' | 'createdAt'> & {
  setupCompletedAt: Date | null;
  suspendedAt: Date | null;
  createdAt: Date;
};

const toDto = (row: Row): PlatformTenantDto => ({
  ...row,
  setupDoneCount: row.setupStepsDone.length,
  setupTotalSteps: SETUP_STEPS.length,
  setupCompletedAt: row.setupCompletedAt?.toISOString() ?? null,
  suspendedAt: row.suspendedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The platform operator's view of every partnership, and suspension. Writes are audited as the operator. */
@Injectable()
export class PlatformService {
  constructor(private readonly db: Database) {}

  tenants(ctx: AuthedContext): Promise<PlatformTenantDto[]> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => ((await em.query(`${TENANT_SQL} ORDER BY t.name`)) as Row[]).map(toDto));
  }

  /** Its people get 403 "suspended" at once; it leaves the directory and its public page. */
  suspend(ctx: AuthedContext, slug: string, reason: string): Promise<PlatformTenantDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const tenant = await this.lock(em, slug);
      if (tenant.status === 'suspended') throw conflict('This partnership is already suspended.');
      await em.query(`UPDATE tenants SET status = 'suspended', suspended_at = now(), suspended_reason = $2 WHERE id = $1`, [tenant.id, reason]);
      return this.one(em, tenant.id);
    });
  }

  reinstate(ctx: AuthedContext, slug: string): Promise<PlatformTenantDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const tenant = await this.lock(em, slug);
      if (tenant.status !== 'suspended') throw conflict('This partnership is not suspended.');
      await em.query(`UPDATE tenants SET status = 'active', suspended_at = NULL, suspended_reason = NULL WHERE id = $1`, [tenant.id]);
      return this.one(em, tenant.id);
    });
  }

  private async lock(em: EntityManager, slug: string): Promise<{ id: string; status: string }> {
    const [tenant] = await em.query(`SELECT id, status FROM tenants WHERE slug = $1 FOR UPDATE`, [slug]);
    if (!tenant) throw notFound('partnership');
    return tenant;
  }

  private async one(em: EntityManager, id: string): Promise<PlatformTenantDto> {
    const [row] = await em.query(`${TENANT_SQL} WHERE t.id = $1`, [id]);
    return toDto(row);
  }
}
