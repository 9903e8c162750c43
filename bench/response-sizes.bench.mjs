// The size of every answer at 10,000 schools (issue 14: "no page or response over 1 MB at 10,000
// schools"; "every list and preview bounded"). A fresh database gets the demo partnerships (the demo
// seed: governance, general meetings, offers, events, reviews, improvement), then Ealing is given
// 10,000 more member schools (in 40 local authorities) and a billing run issues their invoices with
// the real job. The built API is started in full mode; Ealing's admin and the head of a member school
// sign in; every GET operation in /api/openapi.json is called (path parameters filled as the
// cross-tenant sweep does: the slug, the head's URN, and Ealing's ids from every tenant-owned table;
// then the largest answer of each operation is asked again with each enum value of its query
// parameters and with pageSize=1000000). Then every page of the built web app (apps/web/build) under
// /p/ealing is rendered for the admin, and every school page for the head. Each answer's status,
// size (decoded) and size on the wire (asked with accept-encoding: gzip) is recorded. Downloads
// (content-disposition: attachment) are marked: they are judged on the wire (docs/scaling.md).
// Writes bench/results/response-sizes.json, largest first, with the list over 1 MB.
// Needs DATABASE_URL and REDIS_URL; without them it says so and is skipped.
// Usage: node bench/response-sizes.bench.mjs [--out file.json]   Environment: BENCH_SCHOOLS (10000).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { commitId, dist, ensureApiBuilt, here, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

const NAME = 'response-sizes: every GET answer and web page at 10,000 member schools, full mode';
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 10_000);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3962);
const WEB_PORT = API_PORT + 1;
const WEB_MAIN = join(root, 'apps', 'web', 'build', 'index.js');
const LIMIT = 1_000_000;
const SLUG = 'ealing';
const HEAD_URN = '920001';
/** The demo's general meetings (a motion, an election) are Tower Hamlets': it gets the same 10,000 members, for its governance pages. */
const GOVERNANCE_SLUG = 'tower-hamlets';
const PASSWORD = 'bench-password-123';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'response-sizes.json');
skipWithoutServices(NAME);
ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
const require = createRequire(import.meta.url);
const { createDataSource, createFreshDatabase, dropDatabase, resolveDatabaseUrls, seedDemo, Database, hashPassword, demoAdminEmail, demoHeadEmail } = require(dist('db'));
const { runBillingRun } = require(dist('jobs'));

const step = (what) => console.log(`    ${new Date().toISOString().slice(11, 19)} ${what}`);

// ---------------------------------------------------------------- fixture

async function generate(owner, url) {
  await seedDemo(owner, 'development');
  step('demo seeded');
  // The API in production mode refuses the published demo password: the two people who sign in get the bench's.
  await owner.query(`UPDATE users SET password_hash = $1 WHERE email = ANY($2::text[])`, [await hashPassword(PASSWORD), [demoAdminEmail(SLUG), demoAdminEmail(GOVERNANCE_SLUG), demoHeadEmail(HEAD_URN)]]);
  const [{ id: tenantId }] = await owner.query(`SELECT id FROM tenants WHERE slug = $1`, [SLUG]);
  await owner.transaction(async (em) => {
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((400000 + i)::text, 6, '0'), 'Sizes School ' || i, CASE WHEN i % 7 = 0 THEN 'secondary' WHEN i % 13 = 0 THEN 'special' ELSE 'primary' END,
              CASE WHEN i % 3 = 0 THEN 'Academy converter' ELSE 'Community school' END, 'Authority ' || (i % 40), 100 + (i * 37) % 700, 'BE1 1CH'
       FROM generate_series(1, $1) i`,
      [SCHOOLS],
    );
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT $1, id, 'full', CASE WHEN urn::int % 50 = 0 THEN 'notice-given' ELSE 'active' END, '2016-09-01' FROM schools WHERE name LIKE 'Sizes School %'`,
      [tenantId],
    );
    await em.query(
      `INSERT INTO billing_runs (tenant_id, schedule_id, schedule_version, period_label, period_start, period_end, issued_on)
       SELECT tenant_id, id, version, period_label, period_start, period_end, '2026-11-25' FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    await em.query(
      `INSERT INTO billing_run_items (tenant_id, run_id, membership_id, school_id, position)
       SELECT r.tenant_id, r.id, m.id, m.school_id, row_number() OVER (ORDER BY s.name, s.urn)
       FROM billing_runs r JOIN memberships m ON m.tenant_id = r.tenant_id JOIN schools s ON s.id = m.school_id WHERE r.tenant_id = $1`,
      [tenantId],
    );
    await em.query(`UPDATE billing_runs r SET members = (SELECT count(*) FROM billing_run_items i WHERE i.run_id = r.id) WHERE tenant_id = $1`, [tenantId]);
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT t.id, s.id, 'full', 'active', '2016-09-01' FROM schools s CROSS JOIN tenants t WHERE s.name LIKE 'Sizes School %' AND t.slug = $1`,
      [GOVERNANCE_SLUG],
    );
  });
  const app = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).app, embedded: false });
  await app.initialize();
  const [run] = await owner.query(`SELECT id, tenant_id FROM billing_runs WHERE tenant_id = $1`, [tenantId]);
  await runBillingRun(new Database(app), { tenantId: run.tenant_id, runId: run.id });
  await app.destroy();
  await owner.query('ANALYZE');
  const [counts] = await owner.query(
    `SELECT (SELECT count(*)::int FROM memberships WHERE tenant_id = $1) AS members, (SELECT count(*)::int FROM schools) AS "registerSchools",
            (SELECT count(*)::int FROM invoices WHERE tenant_id = $1) AS invoices, (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1) AS "auditEntries"`,
    [tenantId],
  );
  return { tenantId, ...counts };
}

/** Tables of things with a page of their own, whose rows differ most in size: up to 20 ids each. */
const MANY_IDS = ['bodies', 'meetings', 'motions', 'elections', 'fee_schedules', 'billing_runs', 'events', 'data_rounds', 'review_programmes', 'reviews'];

/** A partnership's ids: up to `perTable` from every tenant-owned table (found from the schema; 20 from MANY_IDS), by table. */
async function tenantIds(owner, tenantId, perTable = 3) {
  const tables = await owner.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name = 'id'
     WHERE c.column_name = 'tenant_id' AND c.table_schema = 'public' AND i.table_schema = 'public' ORDER BY c.table_name`,
  );
  const byTable = {};
  for (const { table_name } of tables) {
    const rows = await owner.query(`SELECT id::text FROM ${table_name} WHERE tenant_id = $1 ORDER BY id LIMIT ${MANY_IDS.includes(table_name) ? 20 : perTable}`, [tenantId]);
    if (rows.length) byTable[table_name] = rows.map((r) => r.id);
  }
  return byTable;
}

// ---------------------------------------------------------------- requests

/** A GET asking for gzip: status, headers, bytes on the wire and decoded bytes (node:http, which does not decode by itself). */
function measureGet(base, path, cookie) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? null;
        let bytes = wire.length;
        if (encoding === 'gzip') bytes = gunzipSync(wire).length;
        resolve({
          status: res.statusCode,
          bytes,
          wireBytes: wire.length,
          contentEncoding: encoding,
          contentType: (res.headers['content-type'] ?? '').split(';')[0],
          download: /attachment/i.test(res.headers['content-disposition'] ?? ''),
          ms: Math.round(performance.now() - started),
        });
      });
      res.on('error', () => resolve({ status: 0, bytes: 0, wireBytes: 0, error: 'response error' }));
    });
    req.on('error', (error) => resolve({ status: 0, bytes: 0, wireBytes: 0, error: String(error) }));
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
  });
}

async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** The concrete paths to try for an API route: the slug, the head's URN, a year, and every id (the sweep's approach). */
function concretePaths(path, allIds, slug) {
  const fixed = path
    .replace(/\{(slug|tenantSlug)\}/g, slug)
    .replace(/\{urn\}/g, HEAD_URN)
    .replace(/\{(year|academicYearStart)\}/g, '2026')
    .replace(/\{code\}/g, 'full')
    .replace(/\{token\}/g, 'not-a-real-token');
  const names = [...new Set([...fixed.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
  if (names.length === 0) return [fixed];
  const paths = new Set();
  for (const varied of names) {
    for (const id of allIds) {
      let p = fixed.replace(`{${varied}}`, id);
      for (const other of names) p = p.replaceAll(`{${other}}`, id);
      paths.add(p);
    }
  }
  return [...paths];
}

async function sweepApi(base, actors) {
  const doc = await (await fetch(`${base}/api/openapi.json`)).json();
  const operations = Object.entries(doc.paths).filter(([, item]) => item.get).map(([path, item]) => ({ path, op: item.get }));
  const best = new Map(); // `${actor} ${route}` -> largest answer
  const calls = [];
  for (const { path, op } of operations) {
    for (const actor of actors) {
      if (!actor.tries(path)) continue;
      for (const concrete of concretePaths(path, actor.allIds, actor.slug)) calls.push({ path, op, actor, concrete });
    }
  }
  step(`${operations.length} GET operations, ${calls.length} calls`);
  const keep = (key, entry) => {
    const was = best.get(key);
    const rank = (e) => (e.status === 200 ? 1e12 : 0) + e.bytes;
    if (!was || rank(entry) > rank(was)) best.set(key, entry);
  };
  await inParallel(calls, 4, async ({ path, op, actor, concrete }) => {
    const r = await measureGet(base, concrete, actor.cookie);
    keep(`${actor.name} ${path}`, { kind: 'api', actor: actor.name, route: `GET ${path}`, path: concrete, ...r, op });
  });
  // The largest answer of each operation again with each enum value of its query parameters, and with a huge page size.
  const variants = [];
  for (const entry of best.values()) {
    const params = (entry.op.parameters ?? []).filter((p) => p.in === 'query');
    const actor = actors.find((a) => a.name === entry.actor);
    for (const p of params) {
      for (const value of p.schema?.enum ?? []) variants.push({ entry, actor, query: `${p.name}=${encodeURIComponent(value)}` });
      if (p.name === 'pageSize') variants.push({ entry, actor, query: 'pageSize=1000000' });
    }
  }
  const results = [...best.values()].map(({ op, ...e }) => e);
  await inParallel(variants, 4, async ({ entry, actor, query }) => {
    const path = `${entry.path}${entry.path.includes('?') ? '&' : '?'}${query}`;
    results.push({ kind: 'api', actor: actor.name, route: `${entry.route}?${decodeURIComponent(query)}`, path, ...(await measureGet(base, path, actor.cookie)) });
  });
  return { operations: operations.length, calls: calls.length + variants.length, results };
}

/** Opens a motion at Tower Hamlets' general meeting (the demo motion's meeting), as its admin: what happened. */
async function openMotion(base, actor, meetingId) {
  const headers = { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken, 'content-type': 'application/json' };
  const meeting = meetingId ? { id: meetingId } : null;
  if (!meeting) return { opened: false, why: 'no general meeting found' };
  const created = await fetch(`${base}/api/v1/tenants/${actor.slug}/motions`, { method: 'POST', headers, body: JSON.stringify({ meetingId: meeting.id, title: 'That the partnership adopts the plan for 10,000 schools' }) });
  if (created.status !== 201) return { opened: false, why: `creating: ${created.status} ${await created.text()}` };
  const { id } = await created.json();
  const opened = await fetch(`${base}/api/v1/tenants/${actor.slug}/motions/${id}/open`, { method: 'POST', headers, body: '{}' });
  if (opened.status !== 200) return { opened: false, why: `opening: ${opened.status} ${await opened.text()}` };
  const detail = await (await fetch(`${base}/api/v1/tenants/${actor.slug}/motions/${id}`, { headers })).json();
  return { opened: true, id, electorate: detail.electorate ?? null };
}

// ---------------------------------------------------------------- web pages

/** Every +page.svelte under a route folder, as its route ('/p/[slug]/members/[id]'), without route groups. */
function pageRoutes(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === '+page.svelte') found.push('/' + relative(join(root, 'apps', 'web', 'src', 'routes'), d).split(sep).filter((s) => !/^\(.*\)$/.test(s)).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The table whose ids fill `[id]` after a path segment. */
const ID_TABLES = {
  invoices: ['invoices'], runs: ['billing_runs'], events: ['events'], fees: ['fee_schedules'], bodies: ['bodies'], elections: ['elections'],
  meetings: ['meetings'], motions: ['motions'], imports: ['school_imports'], 'data-rounds': ['data_rounds'], reviews: ['reviews', 'sdr_reviews'],
  programmes: ['review_programmes'], support: ['support_needs', 'support_agreements'], members: ['memberships'], offers: ['offers'],
  categories: ['membership_categories'], 'confidential-reviews': ['sdr_reviews', 'reviews'], bookings: ['event_bookings'],
};

function pagePaths(route, ids, slug) {
  let path = route.replace('[slug]', slug).replace('[urn]', HEAD_URN).replace('[year]', '2026');
  const segments = path.split('/');
  const options = [];
  for (let i = 0; i < segments.length; i++) {
    const m = /^\[(\w+)\]$/.exec(segments[i]);
    if (!m) continue;
    const tables = route.startsWith('/s/') && segments[i - 1] === 'invoices' ? ['head_invoices'] : (ID_TABLES[segments[i - 1]] ?? []);
    options.push({ i, ids: tables.flatMap((t) => ids[t] ?? []) });
  }
  if (options.length === 0) return [path];
  if (options.some((o) => o.ids.length === 0)) return [];
  // Each parameter takes each of its ids (the others their first).
  const paths = new Set();
  for (const o of options) {
    for (const id of o.ids) {
      const s = [...segments];
      for (const other of options) s[other.i] = other === o ? id : other.ids[0];
      paths.add(s.join('/'));
    }
  }
  return [...paths];
}

async function renderPages(actors) {
  if (!existsSync(WEB_MAIN)) return { skipped: `${WEB_MAIN} is missing: build the web app first (pnpm build)`, results: [] };
  const web = spawn(process.execPath, [WEB_MAIN], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(WEB_PORT), HOST: '127.0.0.1', API_PORT: String(API_PORT), ORIGIN: `http://127.0.0.1:${WEB_PORT}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const webBase = `http://127.0.0.1:${WEB_PORT}`;
  try {
    for (let i = 0; i < 150; i++) {
      try {
        await fetch(`${webBase}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const routesDir = join(root, 'apps', 'web', 'src', 'routes');
    const sets = [
      { actor: actors.admin, routes: pageRoutes(join(routesDir, '(partnership)', 'p')) },
      { actor: actors.head, routes: pageRoutes(join(routesDir, '(school)')) },
      { actor: actors.governance, routes: pageRoutes(join(routesDir, '(partnership)', 'p', '[slug]', 'governance')) },
    ];
    const results = [];
    const unreached = [];
    for (const { actor, routes } of sets) {
      for (const route of routes) {
        const paths = pagePaths(route, actor.ids, actor.slug);
        if (paths.length === 0) {
          unreached.push(route);
          continue;
        }
        let largest = null;
        for (const path of paths) {
          const r = await measureGet(webBase, path, actor.cookie);
          if (!largest || (r.status === 200) > (largest.status === 200) || ((r.status === 200) === (largest.status === 200) && r.bytes > largest.bytes)) largest = { kind: 'page', actor: actor.name, path, ...r };
        }
        results.push({ ...largest, route: actor.slug === SLUG ? route : route.replace('[slug]', actor.slug) });
      }
    }
    return { results, unreached };
  } finally {
    web.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------- run

const url = await createFreshDatabase('partnerships_test_bench_sizes', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();
const base = `http://127.0.0.1:${API_PORT}`;
let api;
try {
  const fixture = await generate(owner, url);
  step(`fixture: ${fixture.members} members, ${fixture.registerSchools} schools on the register, ${fixture.invoices} invoices`);
  const ids = await tenantIds(owner, fixture.tenantId);
  // The head's pages: her school's own invoices.
  ids.head_invoices = (await owner.query(`SELECT i.id::text FROM invoices i JOIN schools s ON s.id = i.school_id WHERE s.urn = $1 ORDER BY i.id LIMIT 3`, [HEAD_URN])).map((r) => r.id);
  const allIds = [...new Set(Object.values(ids).flat())];
  const [{ id: governanceTenant }] = await owner.query(`SELECT id FROM tenants WHERE slug = $1`, [GOVERNANCE_SLUG]);
  api = await startApi({ port: API_PORT, url, queueName: 'bench-sizes' });
  const admin = { name: 'partnership admin', ...(await signIn(base, demoAdminEmail(SLUG), PASSWORD)) };
  const head = { name: 'headteacher', ...(await signIn(base, demoHeadEmail(HEAD_URN), PASSWORD)) };
  const governance = { name: `${GOVERNANCE_SLUG} admin`, slug: GOVERNANCE_SLUG, ...(await signIn(base, demoAdminEmail(GOVERNANCE_SLUG), PASSWORD)) };
  // A motion opened now freezes its electorate: all 10,000 voting members.
  const [agm] = await owner.query(`SELECT mo.meeting_id FROM motions mo WHERE mo.tenant_id = $1 ORDER BY mo.created_at LIMIT 1`, [governanceTenant]);
  const motion = await openMotion(base, governance, agm?.meeting_id);
  step(motion.opened ? `a motion opened with ${motion.electorate} schools in its electorate` : `no motion opened: ${motion.why}`);
  governance.ids = await tenantIds(owner, governanceTenant);
  governance.allIds = [...new Set(Object.values(governance.ids).flat())];
  Object.assign(admin, { slug: SLUG, ids, allIds });
  Object.assign(head, { slug: SLUG, ids, allIds });
  step('API started, signed in');
  // As the sweep splits its work: the admin every route but the school portal's, the head the school portal's and the rest.
  const sweep = await sweepApi(
    base,
    [
      { ...admin, tries: (path) => !path.startsWith('/api/v1/school-portal/') && !path.endsWith('/logout') },
      { ...head, tries: (path) => !path.startsWith('/api/v1/tenants/{slug}/') && !path.endsWith('/logout') },
      // Tower Hamlets' admin: its governance and general meeting routes.
      { ...governance, tries: (path) => /^\/api\/v1\/tenants\/\{slug\}\/(bodies|meetings|motions|elections|proxies|school-voters|seat|appointments|governance)/.test(path) },
    ],
  );
  step(`API answers measured (${sweep.calls} calls)`);
  const pages = await renderPages({ admin, head, governance });
  step(`pages rendered: ${pages.results.length}`);
  const results = [...sweep.results, ...pages.results].sort((a, b) => b.bytes - a.bytes);
  // A download is judged by its size on the wire (docs/scaling.md); everything else by its decoded size.
  const over = results.filter((r) => (r.download ? r.wireBytes : r.bytes) > LIMIT);
  const result = {
    name: NAME,
    fixture: { partnership: SLUG, ...fixture, tenantId: undefined, governancePartnership: `${GOVERNANCE_SLUG}, with the same 10,000 members`, motion },
    limitBytes: LIMIT,
    rule: 'pages and API answers at most 1 MB decoded; downloads (content-disposition: attachment) at most 1 MB on the wire (gzip when asked)',
    operations: sweep.operations,
    apiCalls: sweep.calls,
    pages: pages.results.length,
    pagesNotReached: pages.unreached,
    // The ten largest routes (each route once, its largest answer, whatever its query).
    largest: results.filter((r, i) => results.findIndex((o) => o.kind === r.kind && o.route.split('?')[0] === r.route.split('?')[0]) === i).slice(0, 10).map((r) => ({ route: r.route, status: r.status, bytes: r.bytes, wireBytes: r.wireBytes, download: r.download })),
    over1MB: over.map((r) => ({ kind: r.kind, route: r.route, path: r.path, status: r.status, bytes: r.bytes, wireBytes: r.wireBytes, download: r.download })),
    results,
    commit: commitId(),
    date: new Date().toISOString(),
  };
  writeResult(out, result);
  console.log(NAME);
  console.log(`  ${fixture.members} members of ${SLUG}, ${fixture.registerSchools} schools on the register, ${fixture.invoices} invoices; ${sweep.operations} GET operations (${sweep.calls} calls), ${pages.results.length} pages`);
  console.log(`  ${'bytes'.padStart(10)} ${'on wire'.padStart(10)} status  what`);
  for (const r of results.slice(0, Number(process.env.BENCH_TABLE_ROWS ?? 40))) {
    console.log(`  ${String(r.bytes).padStart(10)} ${String(r.wireBytes).padStart(10)} ${String(r.status).padStart(6)}  ${r.kind === 'page' ? 'page ' : ''}${r.route}${r.download ? ' (download)' : ''}  [${r.actor}]`);
  }
  console.log(`  over 1 MB: ${over.length ? over.map((r) => `${r.route} (${r.download ? r.wireBytes + ' on the wire' : r.bytes})`).join(', ') : 'none'}`);
  console.log(`  written to: ${out}`);
} finally {
  await tearDown({ api, owner, url, dropDatabase });
}
