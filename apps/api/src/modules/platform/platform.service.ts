import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, TenantRepository } from '@partnerships/db';
import { SETUP_STEPS } from '@partnerships/domain';
import { conflict, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import type { PlatformTenantDto } from './platform.dto';
import { PlatformTenantsRepository, type PlatformTenantRow } from './platform-tenants.repository';

const toDto = (row: PlatformTenantRow): PlatformTenantDto => ({
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
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => (await new PlatformTenantsRepository(em).all()).map(toDto));
  }

  /** Its people get 403 "suspended" at once; it leaves the directory and its public page. */
  suspend(ctx: AuthedContext, slug: string, reason: string): Promise<PlatformTenantDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const tenant = await this.lock(em, slug);
      if (tenant.status === 'suspended') throw conflict('This partnership is already suspended.');
      await new TenantRepository(em).suspend(tenant.id, reason);
      return this.one(em, tenant.id);
    });
  }

  reinstate(ctx: AuthedContext, slug: string): Promise<PlatformTenantDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const tenant = await this.lock(em, slug);
      if (tenant.status !== 'suspended') throw conflict('This partnership is not suspended.');
      await new TenantRepository(em).reinstate(tenant.id);
      return this.one(em, tenant.id);
    });
  }

  private async lock(em: EntityManager, slug: string): Promise<{ id: string; status: string }> {
    const tenant = await new TenantRepository(em).lockBySlug(slug);
    if (!tenant) throw notFound('partnership');
    return tenant;
  }

  private async one(em: EntityManager, id: string): Promise<PlatformTenantDto> {
    return toDto((await new PlatformTenantsRepository(em).find(id))!);
  }
}
