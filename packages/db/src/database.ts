import type { DataSource, EntityManager } from 'typeorm';
import { APP_ROLE } from './app-role';

/** Who is acting, as the database sees it. */
export interface DbScope {
  userId?: string | null;
}

export class MissingTenantError extends Error {
  constructor() {
    super('A tenant-scoped unit of work was asked for without a tenant');
    this.name = 'MissingTenantError';
  }
}

/**
 * The only way application code reaches the database. Every unit of work is one
 * transaction that first drops to the non-owner application role and sets
 * app.tenant_id / app.user_id with SET LOCAL semantics, so row-level security
 * applies even if a query forgets its WHERE tenant_id clause.
 */
export class Database {
  constructor(readonly dataSource: DataSource) {}

  /** Work inside one partnership. Refuses an empty tenant. */
  inTenant<T>(tenantId: string, scope: DbScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!tenantId) return Promise.reject(new MissingTenantError());
    return this.unitOfWork(tenantId, scope.userId ?? null, work);
  }

  /** Platform-level work (users, tenants, the school register): no tenant rows are visible. */
  asPlatform<T>(scope: DbScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork(null, scope.userId ?? null, work);
  }

  private unitOfWork<T>(tenantId: string | null, userId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await em.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId ?? '', userId ?? '']);
      return work(em);
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
