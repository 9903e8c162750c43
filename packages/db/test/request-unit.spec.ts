import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { type Database, outsideRequestUnit } from '../src';
import { type SeededDatabase, seededDatabase } from './support/seeded-database';

/**
 * ADR 0008: a read request's units of work share one transaction, and row-level security is
 * exactly as with a unit of work each (the application role; the tenant and user each call asks for).
 */
let db: Database;
let seeded: SeededDatabase;
let redbridge: string;
let ealing: string;

beforeAll(async () => {
  seeded = await seededDatabase('partnerships_test_request_unit');
  db = seeded.db;
  redbridge = await seeded.tenantId('redbridge');
  ealing = await seeded.tenantId('ealing');
});

afterAll(async () => {
  await seeded?.close();
});

/** What a unit of work sees: its transaction, role, settings and whose memberships. */
const look = async (em: EntityManager) => {
  const [row] = await em.query(
    `SELECT txid_current()::text AS tx, current_user AS role, current_setting('app.tenant_id', true) AS tenant, current_setting('app.user_id', true) AS "user",
            (SELECT coalesce(array_agg(DISTINCT tenant_id::text), '{}') FROM memberships) AS tenants`,
  );
  return row as { tx: string; role: string; tenant: string; user: string; tenants: string[] };
};

/** Runs `fn` as a request would: inside a request unit, ended afterwards. */
async function inRequest<T>(fn: () => Promise<T>): Promise<T> {
  const unit = db.requestUnit();
  try {
    return await db.runInRequestUnit(unit, fn);
  } finally {
    await unit.finish();
  }
}

describe('request units of work', () => {
  it('runs every call of a request in one transaction, each with its own tenant and user, as the application role', async () => {
    const userId = await seeded.userId('admin@redbridge.demo.test');
    const seen = await inRequest(async () => [
      await db.inTenant(redbridge, { userId }, look),
      await db.asPlatform({ userId }, look),
      await db.inTenant(ealing, {}, look),
    ]);
    expect(new Set(seen.map((s) => s.tx)).size).toBe(1);
    expect(seen.map((s) => s.role)).toEqual(['partnerships_app', 'partnerships_app', 'partnerships_app']);
    expect(seen.map((s) => [s.tenant, s.user])).toEqual([[redbridge, userId], ['', userId], [ealing, '']]);
    expect(seen.map((s) => s.tenants)).toEqual([[redbridge], [], [ealing]]);
  });

  it('keeps concurrent calls apart: each sees only its own tenant', async () => {
    const seen = await inRequest(() => Promise.all([db.inTenant(redbridge, {}, look), db.asPlatform({}, look), db.inTenant(ealing, {}, look), db.inTenant(redbridge, {}, look)]));
    expect(seen.map((s) => s.tenants)).toEqual([[redbridge], [], [ealing], [redbridge]]);
    expect(new Set(seen.map((s) => s.tx)).size).toBe(1);
  });

  it('runs a call nested in another on the same connection, with its own tenant, and restores the outer one', async () => {
    const seen = await inRequest(() =>
      db.inTenant(redbridge, {}, async (em) => {
        const inner = await db.inTenant(ealing, {}, look);
        return { inner, outer: await look(em) };
      }),
    );
    expect(seen.inner.tenants).toEqual([ealing]);
    expect(seen.outer.tenants).toEqual([redbridge]);
    expect(seen.inner.tx).toBe(seen.outer.tx);
  });

  it('after a failed call, rolls back and gives later calls units of their own', async () => {
    const seen = await inRequest(async () => {
      const first = await db.inTenant(redbridge, {}, look);
      await expect(db.inTenant(redbridge, {}, (em) => em.query('SELECT 1 / 0'))).rejects.toThrow(/division by zero/);
      const later = await db.inTenant(ealing, {}, look);
      return { first, later };
    });
    expect(seen.later.tenants).toEqual([ealing]);
    expect(seen.later.tx).not.toBe(seen.first.tx);
  });

  it('never lends the request’s transaction to work started outside it (jobs), nor after it ended', async () => {
    const unit = db.requestUnit();
    const [mine, job] = await db.runInRequestUnit(unit, async () => [await db.inTenant(redbridge, {}, look), await outsideRequestUnit(() => db.inTenant(redbridge, {}, look))]);
    expect(job.tx).not.toBe(mine.tx);
    expect(job.role).toBe('partnerships_app');
    await unit.finish();
    const afterwards = await db.runInRequestUnit(unit, () => db.inTenant(ealing, {}, look));
    expect(afterwards.tx).not.toBe(mine.tx);
    expect(afterwards.tenants).toEqual([ealing]);
  });

  it('resolve_request: no live session sets no user and no tenant', async () => {
    const seen = await inRequest(() =>
      db.authenticate(
        async (em) => {
          const [{ resolved }] = await em.query(`SELECT resolve_request('no-such-hash', 'redbridge', NULL) AS resolved`);
          return { resolved, after: await look(em) };
        },
        () => ({ tenantId: null, userId: null }),
      ),
    );
    expect(seen.resolved).toBeNull();
    expect(seen.after).toMatchObject({ role: 'partnerships_app', tenant: '', user: '', tenants: [] });
  });
});
