import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { type Database, MissingTenantError } from '../src';
import { type SeededDatabase, seededDatabase } from './support/seeded-database';

let owner: DataSource;
let app: DataSource;
let db: Database;
let redbridge: string;
let ealing: string;
let seeded: SeededDatabase;

beforeAll(async () => {
  seeded = await seededDatabase('partnerships_test_db');
  ({ owner, app, db } = seeded);
  redbridge = await seeded.tenantId('redbridge');
  ealing = await seeded.tenantId('ealing');
});

afterAll(async () => {
  await seeded?.close();
});

describe('row-level security', () => {
  it('connects the application as a role that neither owns the tables nor bypasses RLS', async () => {
    const [role] = await app.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: 'partnerships_app', rolsuper: false, rolbypassrls: false });
    const [owned] = await app.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned.n).toBe(0);
  });

  it('forces RLS on every tenant-owned table', async () => {
    const rows = await owner.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
       JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'tenant_id'
       WHERE c.relkind = 'r' AND col.table_schema = 'public' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('shows no tenant rows when no tenant is set, even to raw SQL', async () => {
    const rows = await app.transaction(async (em) => {
      await em.query('SET LOCAL ROLE partnerships_app');
      return em.query('SELECT * FROM memberships');
    });
    expect(rows).toEqual([]);
    const viaPlatform = await db.asPlatform({}, (em) => em.query('SELECT * FROM memberships UNION ALL SELECT m.* FROM memberships m'));
    expect(viaPlatform).toEqual([]);
  });

  it("lets tenant A read only A's rows with hand-written SQL", async () => {
    const rows: { tenant_id: string }[] = await db.inTenant(redbridge, {}, (em) => em.query('SELECT tenant_id FROM memberships'));
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([redbridge]));
    const byId = await db.inTenant(redbridge, {}, (em) => em.query('SELECT * FROM memberships WHERE tenant_id = $1', [ealing]));
    expect(byId).toEqual([]);
  });

  it("refuses tenant A writing into tenant B's rows", async () => {
    const [school] = await owner.query(`SELECT id FROM schools WHERE urn = '910001'`);
    await expect(
      db.inTenant(redbridge, {}, (em) =>
        em.query(`INSERT INTO memberships (tenant_id, school_id, category, status) VALUES ($1, $2, 'full', 'active')`, [ealing, school.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.inTenant(redbridge, {}, (em) => em.query(`UPDATE memberships SET category = 'hacked' WHERE tenant_id = $1 RETURNING id`, [ealing]));
    expect(updated[0]).toEqual([]);
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM memberships WHERE category = 'hacked'`);
    expect(n).toBe(0);
  });

  it('refuses a tenant unit of work without a tenant', async () => {
    await expect(db.inTenant('', {}, async () => 1)).rejects.toBeInstanceOf(MissingTenantError);
  });

  it('keeps the audit log append-only and tenant-scoped', async () => {
    await expect(db.inTenant(redbridge, {}, (em) => em.query('DELETE FROM audit_log'))).rejects.toThrow(/permission denied/);
    await expect(db.inTenant(redbridge, {}, (em) => em.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow(/permission denied/);
    const rows: { tenant_id: string }[] = await db.inTenant(redbridge, {}, (em) => em.query('SELECT DISTINCT tenant_id FROM audit_log'));
    expect(rows).toEqual([{ tenant_id: redbridge }]);
  });

  // Issue 13: the insert policy was WITH CHECK (true), so one tenant could write into another's log.
  it("refuses an audit row for another tenant, from a tenant or from the platform", async () => {
    const forEaling = `INSERT INTO audit_log (tenant_id, action, entity_table) VALUES ($1, 'forged.insert', 'forged')`;
    await expect(db.inTenant(redbridge, {}, (em) => em.query(forEaling, [ealing]))).rejects.toThrow(/row-level security/);
    await expect(db.asPlatform({}, (em) => em.query(forEaling, [ealing]))).rejects.toThrow(/row-level security/);
    await db.inTenant(redbridge, {}, (em) => em.query(forEaling, [redbridge]));
    await db.asPlatform({}, (em) => em.query(`INSERT INTO audit_log (tenant_id, action, entity_table) VALUES (NULL, 'platform.note', 'platform')`));
    const [forged] = await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged.insert' AND tenant_id = $1`, [ealing]);
    expect(forged.n).toBe(0);
  });

  it("still records platform-level writes to a tenant's rows, and tenant writes, through the trigger", async () => {
    const [operator] = await owner.query(`SELECT id FROM users WHERE email = 'operator@platform.demo.test'`);
    await db.asPlatform({ userId: operator.id }, (em) => em.query(`UPDATE tenants SET name = name || ' (audited)' WHERE id = $1`, [ealing]));
    const [platformEntry] = await owner.query(`SELECT * FROM audit_log WHERE action = 'tenants.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [ealing]);
    expect(platformEntry).toMatchObject({ tenant_id: ealing, actor_user_id: operator.id, entity_table: 'tenants' });
    expect(platformEntry.detail.name).toMatch(/\(audited\)$/);
    await db.asPlatform({ userId: operator.id }, (em) => em.query(`UPDATE tenants SET name = replace(name, ' (audited)', '') WHERE id = $1`, [ealing]));
    await db.asPlatform({}, (em) => em.query(`UPDATE users SET name = name WHERE email = 'operator@platform.demo.test'`));
    const [userEntry] = await owner.query(`SELECT tenant_id FROM audit_log WHERE action = 'users.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [operator.id]);
    expect(userEntry).toEqual({ tenant_id: null });
  });

  it('writes an audit row for every write, naming who, what, which tenant and when', async () => {
    const [user] = await owner.query(`SELECT id FROM users WHERE email = 'admin@redbridge.demo.test'`);
    const [membership] = await owner.query(`SELECT id FROM memberships WHERE tenant_id = $1 AND category <> 'associate' LIMIT 1`, [redbridge]);
    await db.inTenant(redbridge, { userId: user.id }, (em) => em.query(`UPDATE memberships SET category = 'associate' WHERE id = $1`, [membership.id]));
    const [entry] = await owner.query(`SELECT * FROM audit_log WHERE entity_id = $1 AND action = 'memberships.update'`, [membership.id]);
    expect(entry).toMatchObject({ tenant_id: redbridge, actor_user_id: user.id, entity_table: 'memberships' });
    expect(entry.detail).toMatchObject({ category: 'associate' });
    expect(entry.at).toBeInstanceOf(Date);
  });

  it('never records password hashes in the audit log', async () => {
    const rows = await owner.query(`SELECT detail FROM audit_log WHERE entity_table = 'users' LIMIT 5`);
    for (const row of rows) expect(row.detail.password_hash).toBe('(redacted)');
  });

  it("lets a user read their own roles across tenants but not other people's", async () => {
    const [admin] = await owner.query(`SELECT id FROM users WHERE email = 'admin@redbridge.demo.test'`);
    const own = await db.asPlatform({ userId: admin.id }, (em) => em.query('SELECT * FROM tenant_roles'));
    expect(own.length).toBe(1);
    expect(own[0].user_id).toBe(admin.id);
  });

  it("lets a headteacher read her school's memberships but no other school's", async () => {
    const [head] = await owner.query(`SELECT id FROM users WHERE email = 'head.920001@demo.test'`);
    const rows = await db.asPlatform({ userId: head.id }, (em) =>
      em.query('SELECT s.urn FROM memberships m JOIN schools s ON s.id = m.school_id'),
    );
    expect(rows).toEqual([{ urn: '920001' }]);
  });
});
