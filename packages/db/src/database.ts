import type { DataSource, EntityManager } from 'typeorm';
import { APP_ROLE } from './app-role';
import { RequestUnit, requestUnits, runAsHolder, runInRequestUnit } from './request-unit';

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

  /**
   * A unit of work for a whole request (ADR 0008): begun on first use, ended by the caller with
   * `unit.finish()`. Work run through `runInRequestUnit(unit, fn)` reuses it.
   */
  requestUnit(): RequestUnit {
    return new RequestUnit(this.dataSource);
  }

  /** Runs fn with `unit` as the ambient unit of work of every inTenant/asPlatform it makes. */
  runInRequestUnit<T>(unit: RequestUnit, fn: () => T): T {
    return runInRequestUnit(unit, fn);
  }

  /**
   * Runs a statement that sets app.tenant_id and app.user_id itself (the request resolver,
   * `resolve_request(...)`): in the request's unit when there is one (then `scopeOf` says what it
   * set), else in a unit of its own. Either way after `SET LOCAL ROLE`.
   */
  async authenticate<T>(work: (em: EntityManager) => Promise<T>, scopeOf: (result: T) => { tenantId: string | null; userId: string | null }): Promise<T> {
    const slot = requestUnits.getStore();
    if (!slot || slot.unit.closed) {
      return this.dataSource.transaction(async (em) => {
        await em.query(`SET LOCAL ROLE ${APP_ROLE}`);
        return work(em);
      });
    }
    const unit = slot.unit;
    const release = await unit.acquire();
    try {
      if (unit.closed) return await this.authenticate(work, scopeOf);
      const em = await unit.manager();
      unit.tenantId = undefined;
      unit.userId = undefined;
      try {
        const result = await work(em);
        const scope = scopeOf(result);
        unit.tenantId = scope.tenantId ?? '';
        unit.userId = scope.userId ?? '';
        return result;
      } catch (error) {
        await unit.end(false).catch(() => {});
        throw error;
      }
    } finally {
      release();
    }
  }

  private unitOfWork<T>(tenantId: string | null, userId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const slot = requestUnits.getStore();
    if (slot && !slot.unit.closed) return this.inRequestUnit(slot.unit, slot.holder, tenantId ?? '', userId ?? '', work);
    return this.ownUnitOfWork(tenantId, userId, work);
  }

  /** The request's transaction, queued behind its other calls (or straight in, when nested in one). */
  private async inRequestUnit<T>(unit: RequestUnit, holder: symbol | null, tenantId: string, userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (holder !== null && holder === unit.holder) {
      // Nested in a call that holds the unit: same connection, no queue (it would wait for itself).
      const em = await unit.manager();
      if (unit.tenantId === tenantId && unit.userId === userId) return work(em);
      const before = { tenantId: unit.tenantId ?? '', userId: unit.userId ?? '' };
      await unit.scope(em, tenantId, userId);
      try {
        return await work(em);
      } finally {
        if (!unit.closed) await unit.scope(em, before.tenantId, before.userId);
      }
    }
    const release = await unit.acquire();
    if (unit.closed) {
      // The unit ended while this call waited (the response went, or an earlier call failed).
      release();
      return this.ownUnitOfWork(tenantId || null, userId || null, work);
    }
    const token = Symbol('request-unit-call');
    try {
      const em = await unit.manager();
      unit.holder = token;
      await unit.scope(em, tenantId, userId);
      return await runAsHolder(unit, token, () => work(em));
    } catch (error) {
      // No savepoint per call: the whole unit is rolled back and later calls get their own.
      await unit.end(false).catch(() => {});
      throw error;
    } finally {
      unit.holder = null;
      release();
    }
  }

  private ownUnitOfWork<T>(tenantId: string | null, userId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await em.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId ?? '', userId ?? '']);
      return work(em);
    });
  }

  async ping(): Promise<boolean> {
    try {
      // In a request's unit of work, through it (embedded mode's pool has one connection, held by it).
      const slot = requestUnits.getStore();
      if (slot && !slot.unit.closed) await this.asPlatform({}, (em) => em.query('SELECT 1'));
      else await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
