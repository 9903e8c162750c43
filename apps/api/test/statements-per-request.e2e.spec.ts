import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';
import { eventually, json } from './support/wait';

/**
 * One transaction per request (issue 14, ADR 0008): a list GET costs five statements (BEGIN,
 * SET LOCAL ROLE, resolve_request, the page with its total, COMMIT; ADR 0009), whatever the page
 * size, counted at the driver: every query the API's pg clients send while one request is answered.
 */
/**
 * The school home (`GET /school-portal/{urn}/home`): measured 20 statements for a school in one
 * partnership, 44 in three. BEGIN, SET LOCAL ROLE, resolve_request, four platform reads (every
 * membership with its partnership's notice rule and contacts in one, and whose governance to show)
 * and COMMIT; then 12 a partnership: the tenant switch, six for the membership (calendars, fee
 * schedule, admins, category, documents) and five for the person's governance. Those tables are
 * only readable in their own tenant (row-level security), so the count grows per partnership, by a fixed amount.
 */
const ONE_PARTNERSHIP_MAX = 20;
const PER_PARTNERSHIP_MAX = 12;

let t: TestApp;
let admin: Session;
let head: Session;
let sent: { sql: string; at: number }[] = [];
let restore: () => void;

beforeAll(async () => {
  t = await startTestApp('statements');
  admin = await t.signIn('admin@ealing.demo.test');
  head = await t.signIn('head.920001@demo.test');
  // The pg module TypeORM loaded for the API's data source (the owner's connection is idle meanwhile).
  const Client = (t.runtime.dataSource.driver as unknown as { postgres: { Client: { prototype: { query: (...args: unknown[]) => unknown } } } }).postgres.Client;
  const query = Client.prototype.query;
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push({ sql: typeof first === 'string' ? first : (first?.text ?? '?'), at: Date.now() });
    return query.apply(this, args);
  };
  restore = () => {
    Client.prototype.query = query;
  };
});

afterAll(async () => {
  restore?.();
  await t?.close();
});

/** The statements the API sent to answer one GET (after a warm-up request, so connecting is not counted). */
async function statementsFor(session: Session, path: string): Promise<{ count: number; sql: string[]; body: any }> {
  await json(await session.get(path), 200);
  sent = [];
  const body = await json(await session.get(path), 200);
  // onSend commits before the response is written, so every statement of the request is in.
  const sql = sent.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 80));
  if (process.env.SHOW_STATEMENTS) console.log(path, sql);
  return { count: sql.length, sql, body };
}

describe('statements per request', () => {
  it('the members list: one transaction, five statements, the same for 1 or 200 rows a page', async () => {
    const one = await statementsFor(admin, '/api/v1/tenants/ealing/memberships?pageSize=1');
    const many = await statementsFor(admin, '/api/v1/tenants/ealing/memberships?pageSize=200');
    expect(one.body.items).toHaveLength(1);
    expect(many.body.items.length).toBeGreaterThan(1);
    expect(one.count, one.sql.join('\n')).toBeLessThanOrEqual(5);
    expect(many.count, many.sql.join('\n')).toBe(one.count);
    // The page and its total are one statement: no count(*) of its own.
    expect(one.sql.filter((s) => /count\(\*\)::int AS total/i.test(s))).toHaveLength(0);
    expect(one.body.total).toBe(many.body.items.length);
    expect(one.sql.filter((s) => /^(START TRANSACTION|BEGIN)/i.test(s))).toHaveLength(1);
    expect(one.sql.filter((s) => /^COMMIT/i.test(s))).toHaveLength(1);
    expect(one.sql.some((s) => s.includes('resolve_request'))).toBe(true);
  });

  it('a page past the end: no rows, and still the right total (one more statement only then)', async () => {
    const all = await statementsFor(admin, '/api/v1/tenants/ealing/memberships?pageSize=200');
    const total = all.body.total;
    expect(total).toBeGreaterThan(2);
    const last = await statementsFor(admin, `/api/v1/tenants/ealing/memberships?pageSize=2&page=${Math.ceil(total / 2)}`);
    expect(last.body.items).toHaveLength(total % 2 === 0 ? 2 : 1);
    expect(last.body.total).toBe(total);
    expect(last.count).toBe(all.count);
    const past = await statementsFor(admin, `/api/v1/tenants/ealing/memberships?pageSize=2&page=${Math.ceil(total / 2) + 5}`);
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(total);
    expect(past.count, past.sql.join('\n')).toBe(all.count + 1);
    // With a filter too: past the end of the primaries only.
    const primaries = await statementsFor(admin, '/api/v1/tenants/ealing/memberships?phase=primary&pageSize=200');
    expect(primaries.body.total).toBe(all.body.items.filter((m: { school: { phase: string } }) => m.school.phase === 'primary').length);
    const pastPrimaries = await statementsFor(admin, '/api/v1/tenants/ealing/memberships?phase=primary&pageSize=200&page=9');
    expect(pastPrimaries.body).toMatchObject({ items: [], page: 9, total: primaries.body.total });
  });

  it('a school’s invoices: five statements, and no more with more invoices', async () => {
    const before = await statementsFor(head, '/api/v1/school-portal/920001/invoices');
    expect(before.count, before.sql.join('\n')).toBeLessThanOrEqual(5);

    const created = await json(await admin.send('POST', '/api/v1/tenants/ealing/billing-runs', { period: '2018-19', dryRun: false }), 202);
    await eventually(async () => {
      const run = await json(await admin.get(`/api/v1/tenants/ealing/billing-runs/${created.id}`), 200);
      return run.status === 'completed' ? run : null;
    }, 'the billing run');
    // Jobs that follow the run (in this process's worker) may still be talking to the database:
    // the fewest of three requests is the request's own count.
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push(await statementsFor(head, '/api/v1/school-portal/920001/invoices'));
    const after = tries.reduce((a, b) => (b.count < a.count ? b : a));
    expect(after.body.items.length).toBeGreaterThanOrEqual(2);
    expect(after.count, after.sql.join('\n')).toBe(before.count);

    // Past the end of the school's invoices: no rows, the same total, outstanding and current fees.
    const past = await statementsFor(head, `/api/v1/school-portal/920001/invoices?pageSize=1&page=${after.body.total + 3}`);
    expect(past.body).toMatchObject({ items: [], total: after.body.total, outstandingPence: after.body.outstandingPence, currentFees: after.body.currentFees });
    expect(after.body.outstandingPence).toBeGreaterThan(0);
    expect(after.body.currentFees.length).toBeGreaterThan(0);
    const lastOne = await statementsFor(head, `/api/v1/school-portal/920001/invoices?pageSize=1&page=${after.body.total}`);
    expect(lastOne.body.items).toHaveLength(1);
    expect(lastOne.body).toMatchObject({ total: after.body.total, outstandingPence: after.body.outstandingPence, currentFees: after.body.currentFees });
  });

  it('the school home: one request, one transaction, a fixed number of statements per partnership', async () => {
    // A school in one partnership, then in three (active members, so each partnership's governance is read too).
    const urn = '920001';
    const one = await statementsFor(head, `/api/v1/school-portal/${urn}/home`);
    expect(one.body.partnerships.map((p: { partnership: { slug: string } }) => p.partnership.slug)).toEqual(['ealing']);
    const [{ id: schoolId }] = await t.owner.query(`SELECT id FROM schools WHERE urn = $1`, [urn]);
    await t.owner.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT t.id, $1, 'full', 'active', DATE '2024-09-01' FROM tenants t WHERE t.slug IN ('redbridge', 'tower-hamlets')`,
      [schoolId],
    );
    const three = await statementsFor(head, `/api/v1/school-portal/${urn}/home`);
    expect(three.body.partnerships.map((p: { partnership: { slug: string } }) => p.partnership.slug)).toEqual(['ealing', 'redbridge', 'tower-hamlets']);
    for (const run of [one, three]) {
      expect(run.sql.filter((s) => /^(START TRANSACTION|BEGIN)/i.test(s)), run.sql.join('\n')).toHaveLength(1);
      expect(run.sql.filter((s) => /^COMMIT/i.test(s))).toHaveLength(1);
    }
    if (process.env.SHOW_STATEMENTS) console.log(`school home: ${one.count} statements for 1 partnership, ${three.count} for 3`);
    expect(one.count, one.sql.join('\n')).toBeLessThanOrEqual(ONE_PARTNERSHIP_MAX);
    expect((three.count - one.count) / 2, three.sql.join('\n')).toBeLessThanOrEqual(PER_PARTNERSHIP_MAX);
  });

  it('row-level security is as before: the unit runs as the application role, in the URL’s tenant only', async () => {
    const { sql } = await statementsFor(admin, '/api/v1/tenants/ealing/memberships');
    expect(sql[1]).toMatch(/^SET LOCAL ROLE partnerships_app/);
    // Another partnership's members are not reachable through the same session (404 before any work).
    expect((await admin.get('/api/v1/tenants/redbridge/memberships')).status).toBe(404);
  });
});
