import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The base of every repository (ADR 0005). A repository is built from the EntityManager of the
 * current unit of work (`Database.inTenant()` / `asPlatform()`), never from a global one, so the
 * transaction's `SET LOCAL ROLE` and `app.tenant_id` apply to every query it runs and row-level
 * security stays the second wall. It is the only code that reads or writes its aggregate's
 * tables, and it returns typed objects: callers never see raw rows.
 *
 *   await db.inTenant(tenantId, { userId }, async (em) => {
 *     const members = new MembershipRepository(em);
 *     const member = await members.lockForUpdate(id);
 *   });
 */
export abstract class UnitOfWorkRepository {
  constructor(protected readonly em: EntityManager) {}

  /** TypeORM's repository for one entity, bound to this unit of work. */
  protected entities<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.em.getRepository(entity);
  }

  /** Raw SQL where it is clearer (locks, reports, ON CONFLICT, bulk), typed at this boundary. */
  protected rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.query(sql, params) as Promise<T[]>;
  }

  /** The first row of a raw query, or null. */
  protected async one<T>(sql: string, params: unknown[] = []): Promise<T | null> {
    const found = (await this.em.query(sql, params)) as T[];
    return found[0] ?? null;
  }

  /** A statement run for its effect: the number of rows it changed (UPDATE/DELETE/INSERT ... RETURNING counts rows returned). */
  protected async execute(sql: string, params: unknown[] = []): Promise<number> {
    const result = (await this.em.query(sql, params)) as unknown;
    if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
    return Array.isArray(result) ? result.length : 0;
  }
}
