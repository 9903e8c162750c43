import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { APP_ROLE } from './app-role';

/**
 * One transaction for a whole (read) request: opened on first use, as the non-owner application
 * role, and ended once by the HTTP layer (after the handler's result is produced). Every
 * `db.inTenant()` / `db.asPlatform()` made while the request's work runs reuses it: calls are
 * serialised (one connection), and `app.tenant_id` / `app.user_id` are switched with
 * `set_config(..., true)` only when a call asks for a different tenant or user than the last one.
 *
 * A call whose work throws rolls the whole unit back and closes it (there is no savepoint per
 * call, to keep a list at six statements); later calls in the request get their own units, as
 * before. Once closed (ended, failed, or the response has gone), calls fall back to their own units
 * too, so work left running after the response (a stream, a fire-and-forget promise) still works.
 */
export class RequestUnit {
  private runner: QueryRunner | null = null;
  private opening: Promise<QueryRunner> | null = null;
  private tail: Promise<void> = Promise.resolve();
  /** The tenant and user set in the transaction now; undefined: not known yet. */
  tenantId: string | undefined;
  userId: string | undefined;
  /** Set while a call runs its work, so nested calls (made from inside that work) skip the queue. */
  holder: symbol | null = null;
  closed = false;
  constructor(private readonly dataSource: DataSource) {}

  get isOpen(): boolean {
    return this.runner !== null && !this.closed;
  }

  /** Waits for the calls before this one; the returned function lets the next one go. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }

  /** The transaction's EntityManager, beginning it (BEGIN, SET LOCAL ROLE) on first use. */
  async manager(): Promise<EntityManager> {
    if (this.runner) return this.runner.manager;
    this.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.startTransaction();
        await runner.query(`SET LOCAL ROLE ${APP_ROLE}`);
      } catch (error) {
        await runner.release().catch(() => {});
        throw error;
      }
      this.runner = runner;
      return runner;
    })();
    return (await this.opening).manager;
  }

  /** Makes app.tenant_id / app.user_id what this call asks for (one statement, only when they differ). */
  async scope(em: EntityManager, tenantId: string, userId: string): Promise<void> {
    if (this.tenantId === tenantId && this.userId === userId) return;
    await em.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId, userId]);
    this.tenantId = tenantId;
    this.userId = userId;
  }

  /** Commits (or rolls back) and gives the connection back. Safe to call more than once. */
  async end(commit = true): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const runner = this.runner ?? (this.opening ? await this.opening.catch(() => null) : null);
    if (!runner) return;
    try {
      if (runner.isTransactionActive) {
        if (commit) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } catch (error) {
      if (commit) {
        await runner.rollbackTransaction().catch(() => {});
      }
      if (commit) throw error;
    } finally {
      await runner.release().catch(() => {});
    }
  }

  /** Ends the unit after every queued call has finished. */
  async finish(commit = true): Promise<void> {
    const release = await this.acquire();
    try {
      await this.end(commit);
    } finally {
      release();
    }
  }
}

interface Slot {
  unit: RequestUnit;
  holder: symbol | null;
}

/** The request's unit of work, if the code running now belongs to a request that has one. */
export const requestUnits = new AsyncLocalStorage<Slot>();

/** Runs fn (synchronously) with `unit` as the ambient unit of work of everything it starts. */
export function runInRequestUnit<T>(unit: RequestUnit, fn: () => T): T {
  return requestUnits.run({ unit, holder: null }, fn);
}

/**
 * Runs fn outside any request's unit of work: for work that outlives the request or must see only
 * committed data (in-process jobs, timers started from a request).
 */
export function outsideRequestUnit<T>(fn: () => T): T {
  return requestUnits.exit(fn);
}

/** Internal: the slot for a call's work, so that calls nested in it are recognised. */
export function runAsHolder<T>(unit: RequestUnit, holder: symbol, fn: () => Promise<T>): Promise<T> {
  return requestUnits.run({ unit, holder }, fn);
}
