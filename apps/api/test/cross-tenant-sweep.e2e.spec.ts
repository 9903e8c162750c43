import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi';
import { giveTenantAOneOfEverything } from './support/sweep-tenant-a';
import { type Session, startTestApp, type TestApp } from './support/test-app';

/**
 * The cross-tenant sweep: every route in the OpenAPI document, called as people of
 * tenant B (ealing) with tenant A's (redbridge) slug, URNs and ids. New routes are
 * covered without editing this file: it reads the document the app serves.
 */
const A = { slug: 'redbridge', urn: '910001' };
const PUBLIC_TENANT_PREFIX = '/api/v1/public/';

interface Operation {
  method: string;
  path: string;
  access: unknown;
}

let t: TestApp;
let operations: Operation[];
let aIds: string[];
let aSecrets: string[];
let tablesWithoutA: string[];

/**
 * Tenant-owned tables that cannot have a row for a fresh partnership reached through the API here,
 * each with its reason. Every other tenant-owned table must have a row for A, so a new table is
 * given one in support/sweep-tenant-a.ts and its ids are swept.
 */
const NO_ROW_FOR_A: Record<string, string> = {
  member_school_details: 'area and religious character are written only by the demo seed; no route writes them',
  platform_invoices: 'written only from Stripe webhooks for the platform subscription; the sweep does not reach Stripe',
  school_import_chunks: 'an upload’s chunks are deleted when its import finishes',
  stripe_accounts: 'made only by Stripe Connect onboarding; the sweep does not reach Stripe',
};
/**
 * Who sweeps, and which of a route's concrete paths each tries. Between them, Ealing's two people
 * try every path, so every (route, id of every table of A) pair is tried at least once by someone
 * signed in: Ealing's admin every path of the partnership routes (/tenants/{slug}/...) and of the
 * rest, and Ealing's headteacher every path of the school portal (with A's URN) and of the rest (her
 * own pages among them). To keep the sweep within a few minutes, each stops short where the other
 * is the one whose roles are checked: the admin, who holds no role at any school, tries one path of
 * each school-portal route; the head, whose only standing in a partnership is as a member school's
 * head, one path of each partnership route. Nobody signed in tries one path of each route that is
 * not public (authentication is refused before any id is read).
 */
let actors: { name: string; session: Session | null; tries: (op: Operation) => 'every' | 'one' }[];

beforeAll(async () => {
  t = await startTestApp('sweep');
  const doc = await (await fetch(`${t.url}/api/openapi.json`)).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, { 'x-access'?: unknown }>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, access: op['x-access'] })),
  );
  // Signing out ends the actors' sessions, so it is swept last.
  operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  // Tenant A gets one of everything it can have, so every tenant-owned table has a row to aim at.
  const adminA = await t.signIn('admin@redbridge.demo.test');
  expect((await adminA.send('POST', `/api/v1/tenants/${A.slug}/invitations`, { email: 'sweep@redbridge.test', role: 'officer' })).status).toBe(201);
  // Billing: A's invoices, a run, a payment, a credit note and settings, so their ids are swept too.
  expect((await adminA.send('PUT', `/api/v1/tenants/${A.slug}/billing-settings`, { paymentTermsDays: 14 })).status).toBe(200);
  const run = (await (await adminA.send('POST', `/api/v1/tenants/${A.slug}/billing-runs`, { period: '2019-20', dryRun: false })).json()) as { id: string };
  for (let i = 0; i < 200 && (await (await adminA.get(`/api/v1/tenants/${A.slug}/billing-runs/${run.id}`)).json()).status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 100));
  const [invoice] = ((await (await adminA.get(`/api/v1/tenants/${A.slug}/invoices`)).json()) as { items: { id: string }[] }).items;
  expect((await adminA.send('POST', `/api/v1/tenants/${A.slug}/invoices/${invoice!.id}/payments`, { date: '2026-11-01', reference: 'sweep', amountPence: 100 })).status).toBe(201);
  expect((await adminA.send('POST', `/api/v1/tenants/${A.slug}/invoices/${invoice!.id}/credit-notes`, { amountPence: 100, reason: 'sweep credit' })).status).toBe(201);
  // Every feature added since the small demo: governance, general meetings, offers, events, reviews, improvement.
  const featureSecrets = await giveTenantAOneOfEverything(t, A.slug, A.urn);
  // One id from every tenant-owned table for tenant A, found from the schema, so new tables count too.
  const [{ id: tenantA }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [A.slug]);
  const tables: { table_name: string }[] = await t.owner.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name = 'id'
     WHERE c.column_name = 'tenant_id' AND c.table_schema = 'public' AND i.table_schema = 'public'`,
  );
  aIds = [];
  tablesWithoutA = [];
  for (const { table_name } of tables) {
    const rows = await t.owner.query(`SELECT id::text FROM ${table_name} WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [tenantA]);
    if (rows[0]) aIds.push(rows[0].id);
    else tablesWithoutA.push(table_name);
  }
  const schools: { name: string }[] = await t.owner.query(`SELECT s.name FROM schools s JOIN memberships m ON m.school_id = s.id WHERE m.tenant_id = $1`, [tenantA]);
  const uuids = aIds.filter((id) => id.length >= 32);
  aSecrets = [tenantA, 'Redbridge Education Partnership', 'admin@redbridge.demo.test', 'sweep@redbridge.test', ...featureSecrets, ...schools.map((s) => s.name), ...uuids];
  actors = [
    { name: 'ealing admin', session: await t.signIn('admin@ealing.demo.test'), tries: (op) => (op.path.startsWith('/api/v1/school-portal/{urn}/') ? 'one' : 'every') },
    { name: 'ealing headteacher', session: await t.signIn('head.920001@demo.test'), tries: (op) => (op.path.startsWith('/api/v1/tenants/{slug}/') ? 'one' : 'every') },
    { name: 'anonymous', session: null, tries: (op) => (op.access === 'public' ? 'every' : 'one') },
  ];
}, 420_000);

afterAll(async () => {
  await t?.close();
});

/**
 * The concrete paths to try for a route: tenant A's slug and URN, and every id of A's for each
 * other parameter. A route with several id parameters is tried with each of them varied over A's
 * ids in turn (the others holding the same id), so the work grows with parameters, not as their
 * product, while every parameter still meets every one of A's ids.
 */
function concretePaths(path: string): string[] {
  const names = [...new Set([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
  const fixed = (p: string) => p.replace('{slug}', A.slug).replace('{urn}', A.urn);
  const idNames = names.filter((n) => n !== 'slug' && n !== 'urn');
  if (idNames.length === 0) return [fixed(path)];
  const paths = new Set<string>();
  for (const varied of idNames) {
    for (const id of aIds) {
      let p = fixed(path).replace(`{${varied}}`, id);
      for (const other of idNames) p = p.replace(`{${other}}`, id);
      paths.add(p);
    }
  }
  return [...paths];
}

/** Runs the calls a few at a time: the sweep is tens of thousands of requests. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function call(session: Session | null, method: string, path: string): Promise<Response> {
  const body = method === 'GET' || method === 'DELETE' ? undefined : {};
  if (session) return session.send(method, path, body);
  return fetch(`${t.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? '{}' : undefined });
}

describe('cross-tenant sweep', () => {
  it('finds the routes and tenant A ids to sweep', () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    expect(aIds.length).toBeGreaterThanOrEqual(4); // tenant_roles, memberships, invitations, audit_log
  });

  it('aims at a row of tenant A in every tenant-owned table (a new table gets one in support/sweep-tenant-a.ts)', () => {
    expect(tablesWithoutA.filter((table) => !(table in NO_ROW_FOR_A)).sort(), 'tenant-owned tables with no row for tenant A').toEqual([]);
  });

  it("answers 404 (or 401/403 where no tenant is involved) and never shows tenant A's data", async () => {
    const failures: string[] = [];
    const calls = operations.flatMap((op) => {
      const paths = concretePaths(op.path);
      return actors.flatMap((actor) => (actor.tries(op) === 'every' ? paths : paths.slice(0, 1)).map((path) => ({ op, path, actor })));
    });
    // Signing out ends the actors' sessions, so those calls go last, after everything else has answered.
    const [last, first] = [calls.filter((c) => c.op.path.endsWith('/logout')), calls.filter((c) => !c.op.path.endsWith('/logout'))];
    const sweep = async ({ op, path, actor }: (typeof calls)[number]) => {
      const tenantScoped = /\{\w+\}/.test(op.path);
      const publicByDesign = op.access === 'public' && op.path.startsWith(PUBLIC_TENANT_PREFIX);
      const res = await call(actor.session, op.method, path);
      const text = await res.text();
      const label = `${actor.name} ${op.method} ${path} -> ${res.status}`;
      if (tenantScoped && !publicByDesign) {
        const expected = actor.session ? [404] : [401, 404];
        if (!expected.includes(res.status)) failures.push(`${label}: expected ${expected.join(' or ')}`);
      } else if (!publicByDesign && res.status >= 500) {
        failures.push(`${label}: server error`);
      }
      if (!publicByDesign) {
        const leaked = aSecrets.find((secret) => text.includes(secret));
        if (leaked) failures.push(`${label}: body shows tenant A's "${leaked}"`);
      }
    };
    await inParallel(first, 8, sweep);
    await inParallel(last, 1, sweep);
    expect(failures).toEqual([]);
  }, 1_200_000);

  it("is not vacuous: tenant A's own admin reads the same partnership routes", async () => {
    const adminA = await t.signIn('admin@redbridge.demo.test');
    const reads = operations.filter((op) => op.method === 'GET' && op.path.startsWith('/api/v1/tenants/{slug}') && !/\{(?!slug)\w+\}/.test(op.path));
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const op of reads) expect((await adminA.get(op.path.replace('{slug}', A.slug))).status, op.path).toBe(200);
  });

  it('keeps the committed OpenAPI document (and so the generated client) current', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(buildOpenApiDocument(t.app), 'apps/api/openapi.json is stale: run `pnpm openapi`').toEqual(committed);
  });
});
