import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, Database, type EmbeddedPostgres, migrate, resolveDatabaseUrls, seedDemo, startEmbeddedPostgres } from '../src';

// Embedded mode must give the same guarantees as a server: migrations, seed and row-level security.
let pg: EmbeddedPostgres;
let app: DataSource;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pglite-'));
  pg = await startEmbeddedPostgres({ dataDir: dir, port: 15433 });
  const urls = resolveDatabaseUrls({}, pg.url);
  await migrate({ url: urls.owner, embedded: true });
  const owner = createDataSource({ url: urls.owner, embedded: true });
  await owner.initialize();
  await seedDemo(owner, 'development');
  await owner.destroy();
  app = createDataSource({ url: urls.app, embedded: true });
  await app.initialize();
}, 120_000);

afterAll(async () => {
  await app?.destroy();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PGlite', () => {
  it('enforces row-level security per tenant, as the server does', async () => {
    const db = new Database(app);
    const [{ id: redbridge }] = await app.query(`SELECT id FROM tenants WHERE slug = 'redbridge'`);
    const none = await db.asPlatform({}, (em) => em.query('SELECT * FROM memberships'));
    expect(none).toEqual([]);
    const own: { tenant_id: string }[] = await db.inTenant(redbridge, {}, (em) => em.query('SELECT tenant_id FROM memberships'));
    expect(own.length).toBe(6);
    expect(own.every((r) => r.tenant_id === redbridge)).toBe(true);
  });

  it('serves concurrent units of work through its single connection', async () => {
    const db = new Database(app);
    const results = await Promise.all(Array.from({ length: 20 }, () => db.asPlatform({}, (em) => em.query('SELECT count(*)::int AS n FROM tenants'))));
    expect(results.every((r) => r[0].n === 3)).toBe(true);
  });
});
