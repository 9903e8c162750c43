import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi';
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
let actors: { name: string; session: Session | null }[];

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
  // One id from every tenant-owned table for tenant A, found from the schema, so new tables count too.
  const [{ id: tenantA }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [A.slug]);
  const tables: { table_name: string }[] = await t.owner.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name = 'id'
     WHERE c.column_name = 'tenant_id' AND c.table_schema = 'public' AND i.table_schema = 'public'`,
  );
  aIds = [];
  for (const { table_name } of tables) {
    const rows = await t.owner.query(`SELECT id::text FROM ${table_name} WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [tenantA]);
    if (rows[0]) aIds.push(rows[0].id);
  }
  const schools: { name: string }[] = await t.owner.query(`SELECT s.name FROM schools s JOIN memberships m ON m.school_id = s.id WHERE m.tenant_id = $1`, [tenantA]);
  const uuids = aIds.filter((id) => id.length >= 32);
  aSecrets = [tenantA, 'Redbridge Education Partnership', 'admin@redbridge.demo.test', 'sweep@redbridge.test', ...schools.map((s) => s.name), ...uuids];
  actors = [
    { name: 'ealing admin', session: await t.signIn('admin@ealing.demo.test') },
    { name: 'ealing headteacher', session: await t.signIn('head.920001@demo.test') },
    { name: 'anonymous', session: null },
  ];
});

afterAll(async () => {
  await t?.close();
});

function concretePaths(path: string): string[] {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  let paths = [path];
  for (const name of names) {
    const values = name === 'slug' ? [A.slug] : name === 'urn' ? [A.urn] : aIds;
    paths = paths.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
  }
  return paths;
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

  it("answers 404 (or 401/403 where no tenant is involved) and never shows tenant A's data", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const tenantScoped = /\{\w+\}/.test(op.path);
      const publicByDesign = op.access === 'public' && op.path.startsWith(PUBLIC_TENANT_PREFIX);
      for (const path of concretePaths(op.path)) {
        for (const actor of actors) {
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
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

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
