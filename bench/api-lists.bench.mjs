// List endpoints over HTTP: the members list, a partnership's invoices and a school's invoices,
// served by the real API process in full mode (PostgreSQL with row-level security, Redis).
// A fresh database gets one partnership with 100 member schools (plus 3,000 other schools on the
// register), a published fee schedule and a billing run that issues each member's invoices; the
// API is started as `node apps/api/dist/main.js`, an admin and a headteacher sign in, and each
// list is asked for by C concurrent clients for a few seconds, in interleaved rounds. Figures are
// requests per second, p50 and p99 (ms). Used to hold issue 9's "no list endpoint loses more than
// 10%" (compare with bench/results/api-lists.before.json, measured on the code before it).
// Needs DATABASE_URL and REDIS_URL; without them it says so and is skipped.
// Usage: node bench/api-lists.bench.mjs [--out file.json]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { commitId, dist, ensureApiBuilt, here, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

const NAME = 'api-lists: members and invoice lists over HTTP, full mode';
const MEMBERS = 100;
const OTHER_SCHOOLS = 3000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10').split(',').map(Number);
const PORT = Number(process.env.BENCH_API_PORT ?? 3977);

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'api-lists.json');
skipWithoutServices(NAME);
ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
const require = createRequire(import.meta.url);
const { EALING_2018_19_SCENARIO_1 } = require(dist('domain'));
const { createDataSource, createFreshDatabase, Database, dropDatabase, hashPassword, resolveDatabaseUrls } = require(dist('db'));
const { runBillingRun } = require(dist('jobs'));

const url = await createFreshDatabase('partnerships_test_bench_lists', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();
const PASSWORD = 'bench-password-123';

async function generate() {
  const hash = await hashPassword(PASSWORD);
  await owner.transaction(async (em) => {
    const [tenant] = await em.query(`INSERT INTO tenants (slug, name) VALUES ('bench-lists', 'Bench Lists Partnership') RETURNING id`);
    await em.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
       SELECT $1, d.doc ->> 'name', d.doc -> 'period' ->> 'kind', (d.doc -> 'period' ->> 'start')::date, (d.doc -> 'period' ->> 'end')::date,
              d.doc -> 'period' ->> 'label', 1, 'published', d.doc, now() FROM (SELECT $2::jsonb AS doc) d`,
      [tenant.id, JSON.stringify(EALING_2018_19_SCENARIO_1)],
    );
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((200000 + i)::text, 6, '0'), 'List School ' || i, CASE WHEN i % 7 = 0 THEN 'secondary' ELSE 'primary' END,
              CASE WHEN i % 3 = 0 THEN 'Academy converter' ELSE 'Community school' END, 'Benchshire', 100 + (i * 37) % 700, 'BE1 1CH'
       FROM generate_series(1, $1) i`,
      [MEMBERS + OTHER_SCHOOLS],
    );
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT $1, id, 'full', 'active', '2015-09-01' FROM schools WHERE urn::int <= $2`,
      [tenant.id, 200000 + MEMBERS],
    );
    const [admin] = await em.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ('admin@bench.test', 'Bench Admin', $1, now()) RETURNING id`, [hash]);
    await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'tenant-admin')`, [tenant.id, admin.id]);
    const [head] = await em.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ('head@bench.test', 'Bench Head', $1, now()) RETURNING id`, [hash]);
    await em.query(`INSERT INTO school_roles (school_id, user_id, role) SELECT id, $1, 'headteacher' FROM schools WHERE urn = '200001'`, [head.id]);
    await em.query(
      `INSERT INTO billing_runs (tenant_id, schedule_id, schedule_version, period_label, period_start, period_end, issued_on)
       SELECT tenant_id, id, version, period_label, period_start, period_end, '2026-11-25' FROM fee_schedules WHERE tenant_id = $1`,
      [tenant.id],
    );
    await em.query(
      `INSERT INTO billing_run_items (tenant_id, run_id, membership_id, school_id, position)
       SELECT r.tenant_id, r.id, m.id, m.school_id, row_number() OVER (ORDER BY s.name, s.urn)
       FROM billing_runs r JOIN memberships m ON m.tenant_id = r.tenant_id JOIN schools s ON s.id = m.school_id`,
    );
    await em.query(`UPDATE billing_runs r SET members = (SELECT count(*) FROM billing_run_items i WHERE i.run_id = r.id)`);
  });
  const app = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).app, embedded: false });
  await app.initialize();
  const [run] = await owner.query(`SELECT id, tenant_id FROM billing_runs`);
  await runBillingRun(new Database(app), { tenantId: run.tenant_id, runId: run.id });
  await app.destroy();
  const [{ invoices }] = await owner.query(`SELECT count(*)::int AS invoices FROM invoices`);
  return invoices;
}

async function load(target, cookie, connections, seconds) {
  const latencies = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const res = await fetch(target, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) errors += 1;
      latencies.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10;
  return { requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50: pct(0.5), p99: pct(0.99), errors };
}

const base = `http://127.0.0.1:${PORT}`;
let api;
try {
  const invoices = await generate();
  api = await startApi({ port: PORT, url, queueName: 'bench-lists' });
  const { cookie: adminCookie } = await signIn(base, 'admin@bench.test', PASSWORD);
  const { cookie: headCookie } = await signIn(base, 'head@bench.test', PASSWORD);
  const targets = {
    members: [`${base}/api/v1/tenants/bench-lists/memberships`, adminCookie],
    invoices: [`${base}/api/v1/tenants/bench-lists/invoices`, adminCookie],
    schoolInvoices: [`${base}/api/v1/school-portal/200001/invoices`, headCookie],
  };
  for (const [name, [target, cookie]] of Object.entries(targets)) {
    const res = await fetch(target, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    await load(target, cookie, 4, 1); // warm-up
  }
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      for (const [name, [target, cookie]] of Object.entries(targets)) {
        const r = await load(target, cookie, connections, SECONDS);
        (results[`${name}@${connections}`] ??= []).push(r);
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(results).map(([key, rounds]) => [key, { rps: median(rounds.map((r) => r.rps)), p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), errors: rounds.reduce((n, r) => n + r.errors, 0), rounds }]),
  );
  const result = { name: NAME, members: MEMBERS, registerSchools: MEMBERS + OTHER_SCHOOLS, invoices, rounds: ROUNDS, secondsPerRound: SECONDS, connections: CONNECTIONS, summary, commit: commitId(), date: new Date().toISOString() };
  writeResult(out, result);
  console.log(NAME);
  for (const [key, s] of Object.entries(summary)) console.log(`  ${key.padEnd(20)} ${String(s.rps).padStart(5)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   errors ${s.errors}`);
  console.log(`  written to: ${out}`);
} finally {
  await tearDown({ api, owner, url, dropDatabase });
}
