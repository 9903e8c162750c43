import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, createFreshDatabase, dropDatabase } from '../src';
import { TENANT_KEY, tenantReference } from '../src/migrations/tenant-table';
import { distributionKeyProblems, readCatalogue, type Catalogue } from './support/distribution-keys';

/**
 * Issue 15 (ADR 0007): every tenant-owned table can be distributed by tenant_id (Citus). After
 * migrating a fresh database, the live catalogue must show (tenant_id, …) primary keys, unique
 * constraints and indexes that include tenant_id, and foreign keys between tenant-owned tables
 * that pair tenant_id with tenant_id. A failure names the table and the constraint to change.
 */

/** Tables holding platform rows (tenant_id NULL) beside a partnership's rows: kept on the coordinator (docs/scaling.md). */
const MIXED = new Map([
  ['audit_log', 'platform actions (no tenant) and a partnership’s actions in one log'],
  ['calendar_feeds', 'a person’s own feed (no tenant) and a body’s feed (one tenant) share one token lookup'],
]);

let url: string;
let ds: DataSource;
let live: Catalogue;

beforeAll(async () => {
  url = await createFreshDatabase('partnerships_test_distribution_keys');
  ds = createDataSource({ url, embedded: false });
  await ds.initialize();
  live = await readCatalogue((sql, params) => ds.query(sql, params));
});

afterAll(async () => {
  await ds?.destroy();
  if (url) await dropDatabase(url);
});

describe('tenant-owned tables have keys a distributed database accepts', () => {
  it('reads the catalogue it checks', () => {
    expect(live.tables.length).toBeGreaterThan(100);
    expect(live.keys).toContainEqual({ table: 'invoices', name: 'invoices_pkey', kind: 'primary key', columns: ['tenant_id', 'id'] });
    expect(live.foreignKeys).toContainEqual({ table: 'invoice_payments', name: 'invoice_payments_invoice_id_fkey', columns: ['tenant_id', 'invoice_id'], target: 'invoices', targetColumns: ['tenant_id', 'id'] });
  });

  it('finds no primary key, unique constraint, unique index or foreign key without tenant_id', () => {
    expect(distributionKeyProblems(live, MIXED)).toEqual([]);
  });

  it('keeps the keys of reference tables and foreign keys to them as they were', () => {
    expect(live.keys).toContainEqual({ table: 'schools', name: 'schools_pkey', kind: 'primary key', columns: ['id'] });
    expect(live.foreignKeys).toContainEqual({ table: 'invoices', name: 'invoices_school_id_fkey', columns: ['school_id'], target: 'schools', targetColumns: ['id'] });
    expect(live.foreignKeys).toContainEqual({ table: 'invoices', name: 'invoices_tenant_id_fkey', columns: ['tenant_id'], target: 'tenants', targetColumns: ['id'] });
  });

  it('keeps what ON DELETE did, and SET NULL clears the reference but never tenant_id', async () => {
    await ds.transaction(async (em) => {
      await em.query(`CREATE TEMP TABLE parent_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, ${TENANT_KEY}) ON COMMIT DROP`);
      await em.query(
        `CREATE TEMP TABLE child_probe (tenant_id uuid NOT NULL, id int PRIMARY KEY, parent_id uuid,
           ${tenantReference('parent_id', 'parent_probe', 'SET NULL')}) ON COMMIT DROP`,
      );
      const tenant = '00000000-0000-4000-8000-000000000001';
      const parent = '00000000-0000-4000-8000-000000000002';
      await em.query('INSERT INTO parent_probe VALUES ($1, $2)', [tenant, parent]);
      await em.query('INSERT INTO child_probe VALUES ($1, 1, $2), ($1, 2, NULL)', [tenant, parent]);
      await em.query('DELETE FROM parent_probe');
      expect(await em.query('SELECT tenant_id, parent_id FROM child_probe ORDER BY id')).toEqual([
        { tenant_id: tenant, parent_id: null },
        { tenant_id: tenant, parent_id: null },
      ]);
    });
  });
});

describe('the check names each broken rule (fixture schema)', () => {
  it('reports an id-only primary key, a global unique constraint and index, a single-column foreign key and a nullable tenant_id', async () => {
    await ds.query('DROP SCHEMA IF EXISTS distribution_fixture CASCADE');
    await ds.query('CREATE SCHEMA distribution_fixture');
    try {
      for (const sql of [
        // Breaks the primary-key and unique rules: id alone, code unique across tenants.
        `CREATE TABLE distribution_fixture.parents (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, code text, CONSTRAINT parents_code_key UNIQUE (code))`,
        `CREATE UNIQUE INDEX parents_lower_code_key ON distribution_fixture.parents (lower(code))`,
        // Right keys, but its foreign key to parents leaves tenant_id out.
        `CREATE TABLE distribution_fixture.children (tenant_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid REFERENCES distribution_fixture.parents (id), PRIMARY KEY (tenant_id, id))`,
        // Follows every rule: nothing is reported for it.
        `CREATE TABLE distribution_fixture.good (tenant_id uuid NOT NULL, id uuid NOT NULL, child_id uuid, name text, PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, name),
           FOREIGN KEY (tenant_id, child_id) REFERENCES distribution_fixture.children (tenant_id, id) ON DELETE SET NULL (child_id))`,
        // Row-level security but tenant_id may be NULL: cannot be placed on a shard.
        `CREATE TABLE distribution_fixture.loose (tenant_id uuid, id uuid PRIMARY KEY)`,
        // A tenant_id without row-level security: neither tenant-owned nor platform.
        `CREATE TABLE distribution_fixture.unguarded (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id))`,
        // A platform table keeps id alone: not checked.
        `CREATE TABLE distribution_fixture.platform (id uuid PRIMARY KEY, code text UNIQUE)`,
      ]) {
        await ds.query(sql);
      }
      for (const table of ['parents', 'children', 'good', 'loose']) await ds.query(`ALTER TABLE distribution_fixture.${table} ENABLE ROW LEVEL SECURITY`);

      const fixture = await readCatalogue((sql, params) => ds.query(sql, params), 'distribution_fixture');
      expect(distributionKeyProblems(fixture).sort()).toEqual(
        [
          'parents: primary key parents_pkey (id) does not include tenant_id; make it PRIMARY KEY (tenant_id, id)',
          'parents: unique constraint parents_code_key (code) does not include tenant_id; make it (tenant_id, code)',
          'parents: unique index parents_lower_code_key (lower(code)) does not include tenant_id; make it (tenant_id, lower(code))',
          'children: foreign key children_parent_id_fkey (parent_id) -> parents (id) does not pair tenant_id with tenant_id; make it (tenant_id, parent_id) REFERENCES parents (tenant_id, id)',
          'loose: tenant_id is nullable; a table distributed by tenant_id needs it NOT NULL',
          'loose: primary key loose_pkey (id) does not include tenant_id; make it PRIMARY KEY (tenant_id, id)',
          'unguarded: has tenant_id but no row-level security (protectTenantTables in tenant-table.ts), so it is neither tenant-owned nor platform',
        ].sort(),
      );
      // Listed as mixed, the loose table is left to the coordinator: only its rows' foreign keys matter.
      expect(distributionKeyProblems(fixture, new Map([['loose', 'fixture']])).filter((p) => p.startsWith('loose'))).toEqual([]);
      expect(distributionKeyProblems(fixture, new Map([['good', 'fixture']]))).toContain('good: listed as a mixed platform/tenant table, but it has no nullable tenant_id (take it off the list)');
    } finally {
      await ds.query('DROP SCHEMA IF EXISTS distribution_fixture CASCADE');
    }
  });
});
