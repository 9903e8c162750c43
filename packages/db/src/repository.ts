import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/** The rows one page of a list covers, as SQL's LIMIT and OFFSET want them. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * The column every paged list query selects (ADR 0009): the number of rows its filter matches,
 * counted by the same statement, over the same scan and snapshot as the page's rows.
 */
export const PAGE_TOTAL = '(count(*) OVER ())::int AS page_total';

/** A `SELECT ...` with `PAGE_TOTAL` as its first column (for queries kept as a shared SELECT ... FROM constant). */
export function withPageTotal(select: string): string {
  const paged = select.replace(/^\s*SELECT\s/i, `SELECT ${PAGE_TOTAL}, `);
  if (paged === select) throw new Error('withPageTotal wants a query that starts with SELECT');
  return paged;
}

/** One page of rows and the total the list's filter matches. */
export interface PagedRows<T> {
  rows: T[];
  total: number;
  /**
   * The row the total was read from: the page's first, or, on a page past the end, the list's
   * first (null when nothing matches). Other whole-list window aggregates a query selects
   * (`sum(...) OVER ()`) are read from it.
   */
  head: T | null;
}

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

  /**
   * One page of a list and its total in one statement (ADR 0009). `sql` is the list's query with
   * `PAGE_TOTAL` among its columns and its ORDER BY, without LIMIT and OFFSET (appended here as the
   * next two parameters); or a function given the `LIMIT ... OFFSET ...` text to place itself (a
   * narrow inner query that finds the page and counts, joined to the wide columns of the page's
   * rows only). Only a page past the end (no rows, offset > 0) costs a second statement: the same
   * query's first row, for the total.
   */
  protected async pageRows<T>(sql: string | ((limitOffset: string) => string), params: unknown[], window: PageWindow): Promise<PagedRows<T>> {
    const limitOffset = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const text = typeof sql === 'string' ? `${sql} ${limitOffset}` : sql(limitOffset);
    if (!text.includes(PAGE_TOTAL) || !text.includes(limitOffset)) throw new Error('A paged query selects PAGE_TOTAL and takes the LIMIT and OFFSET given');
    const found = (await this.em.query(text, [...params, window.limit, window.offset])) as (T & { page_total?: number })[];
    const head = found[0] ?? (window.offset > 0 ? (((await this.em.query(text, [...params, 1, 0])) as (T & { page_total?: number })[])[0] ?? null) : null);
    const total = head ? Number(head.page_total) : 0;
    const rows = found.map((row) => {
      const { page_total: _, ...rest } = row;
      return rest as T;
    });
    return { rows, total, head };
  }

  /** A statement run for its effect: the number of rows it changed (UPDATE/DELETE/INSERT ... RETURNING counts rows returned). */
  protected async execute(sql: string, params: unknown[] = []): Promise<number> {
    const result = (await this.em.query(sql, params)) as unknown;
    if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
    return Array.isArray(result) ? result.length : 0;
  }
}
