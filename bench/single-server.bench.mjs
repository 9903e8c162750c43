// What one PostgreSQL server carries (issue 15, docs/scaling.md): the billing-run benchmark's
// fixture, 150 partnerships and 20,000 schools, plus 2,000 schools that belong to a second
// partnership (22,000 memberships), an admin per partnership, a headteacher whose school is in
// two partnerships and a platform operator. The year's billing is issued as the job does (four
// runs at a time, in a child process, as bench/billing-run.bench.mjs), then the real API process
// (full mode: PostgreSQL with row-level security, Redis) serves the list endpoints of
// bench/api-lists.bench.mjs at this size, plus the platform operator's views, which read every
// partnership: C concurrent clients for a few seconds each, in interleaved rounds. Ends with the
// database's size and its largest tables. Figures: seconds, requests per second, p50 and p99 (ms).
// Needs DATABASE_URL and REDIS_URL; without them it says so and is skipped.
// Usage: node bench/single-server.bench.mjs [--out file.json]   (BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONNECTIONS)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitId, dist, ensureApiBuilt, here, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

const NAME = 'single-server: 150 partnerships, 20,000 schools on one PostgreSQL server';
const PARTNERSHIPS = 150;
const SCHOOLS = 20_000;
const SHARED_SCHOOLS = 2_000;
const CONCURRENCY = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10').split(',').map(Number);
/** A port nothing listens on (another process's API on a fixed port would answer the health check for ours). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const PORT = Number(process.env.BENCH_API_PORT ?? 0) || (process.argv[2] === '--runs-only' ? 0 : await freePort());
const PASSWORD = 'bench-password-123';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'single-server.json');
if (process.argv[2] !== '--runs-only') {
  skipWithoutServices(NAME);
  ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
}
const require = createRequire(import.meta.url);
const { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18 } = require(dist('domain'));
const { createDataSource, createFreshDatabase, Database, dropDatabase, hashPassword, resolveDatabaseUrls } = require(dist('db'));
const { runBillingRun } = require(dist('jobs'));

/** The child: every queued billing run, CONCURRENCY at a time, as a worker process does. */
if (process.argv[2] === '--runs-only') {
  const childUrl = process.argv[3];
  const source = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: childUrl }).app, embedded: false });
  await source.initialize();
  const db = new Database(source);
  const owner = createDataSource({ url: childUrl, embedded: false });
  await owner.initialize();
  const runs = await owner.query(`SELECT id, tenant_id FROM billing_runs WHERE status = 'queued' ORDER BY created_at`);
  await owner.destroy();
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++];
      await runBillingRun(db, { tenantId: run.tenant_id, runId: run.id });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await source.destroy();
  console.log(JSON.stringify({ runs: runs.length, seconds: Math.round(seconds * 100) / 100, peakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 }));
  process.exit(0);
}

const url = await createFreshDatabase('partnerships_test_bench_single', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();

const SCHEDULES = [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18];
const PHASES = ['primary', 'primary', 'primary', 'primary', 'secondary', 'special', 'nursery', 'all-through', 'alternative-provision'];
const TYPES = ['Community school', 'Academy converter', 'Voluntary aided school', 'Academy sponsor led', 'Foundation school', 'Free schools'];

/** The billing-run benchmark's partnerships, schedules and schools; schools 0–1,999 also join the partnership 75 places on. */
async function generate() {
  const hash = await hashPassword(PASSWORD);
  await owner.transaction(async (em) => {
    await em.query(`INSERT INTO tenants (slug, name) SELECT 'bench-' || lpad(i::text, 3, '0'), 'Bench Partnership ' || i FROM generate_series(1, $1) i`, [PARTNERSHIPS]);
    const tenants = await em.query(`SELECT id, slug FROM tenants ORDER BY slug`);
    await em.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
       SELECT t.id, d.doc ->> 'name', d.doc -> 'period' ->> 'kind', (d.doc -> 'period' ->> 'start')::date, (d.doc -> 'period' ->> 'end')::date,
              d.doc -> 'period' ->> 'label', 1, 'published', d.doc, now()
       FROM unnest($1::uuid[], $2::jsonb[]) AS d(tenant, doc) JOIN tenants t ON t.id = d.tenant`,
      [tenants.map((t) => t.id), tenants.map((_, i) => JSON.stringify(SCHEDULES[i % SCHEDULES.length]))],
    );
    const schools = Array.from({ length: SCHOOLS }, (_, i) => {
      const phase = PHASES[(i * 7) % PHASES.length];
      const pupils = phase === 'secondary' || phase === 'all-through' ? 600 + ((i * 37) % 1400) : phase === 'primary' ? 90 + ((i * 53) % 750) : 20 + ((i * 11) % 200);
      return { urn: String(100000 + i), name: `Bench School ${i + 1}`, phase, type: TYPES[(i * 5) % TYPES.length], pupils };
    });
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT s.urn, s.name, s.phase, s.type, 'Benchshire', s.pupils, 'BE1 1CH' FROM jsonb_to_recordset($1::jsonb) AS s(urn text, name text, phase text, type text, pupils int)`,
      [JSON.stringify(schools)],
    );
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT t.id, s.id, 'full', 'active', '2015-09-01'
       FROM schools s JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM tenants) t
         ON t.n = (s.urn::int - 100000) % $1 OR ((s.urn::int - 100000) < $2 AND t.n = ((s.urn::int - 100000) + $1 / 2) % $1)`,
      [PARTNERSHIPS, SHARED_SCHOOLS],
    );
    await em.query(
      `INSERT INTO users (email, name, password_hash, email_verified_at, is_platform_operator)
       SELECT 'admin-' || slug || '@bench.test', 'Admin ' || slug, $1, now(), false FROM tenants
       UNION ALL SELECT 'head@bench.test', 'Bench Head', $1, now(), false
       UNION ALL SELECT 'operator@bench.test', 'Bench Operator', $1, now(), true`,
      [hash],
    );
    await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT t.id, u.id, 'tenant-admin' FROM tenants t JOIN users u ON u.email = 'admin-' || t.slug || '@bench.test'`);
    await em.query(`INSERT INTO school_roles (school_id, user_id, role) SELECT s.id, u.id, 'headteacher' FROM schools s, users u WHERE s.urn = '100000' AND u.email = 'head@bench.test'`);
  });
  const [{ memberships }] = await owner.query(`SELECT count(*)::int AS memberships FROM memberships`);
  return memberships;
}

/** Every partnership's run, asked for as the API does (the run and its members, x of N). */
async function queueRuns() {
  await owner.query(
    `INSERT INTO billing_runs (tenant_id, schedule_id, schedule_version, period_label, period_start, period_end, issued_on)
     SELECT tenant_id, id, version, period_label, period_start, period_end, '2026-11-25' FROM fee_schedules WHERE status = 'published'`,
  );
  await owner.query(
    `INSERT INTO billing_run_items (tenant_id, run_id, membership_id, school_id, position)
     SELECT r.tenant_id, r.id, m.id, m.school_id, row_number() OVER (PARTITION BY r.id ORDER BY s.name, s.urn)
     FROM billing_runs r JOIN memberships m ON m.tenant_id = r.tenant_id JOIN schools s ON s.id = m.school_id WHERE r.status = 'queued'`,
  );
  await owner.query(`UPDATE billing_runs r SET members = (SELECT count(*) FROM billing_run_items i WHERE i.tenant_id = r.tenant_id AND i.run_id = r.id) WHERE status = 'queued'`);
}

function billing() {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--runs-only', url], { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the billing process failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
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

const loadAverage = () => spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 3).map(Number);
const base = `http://127.0.0.1:${PORT}`;
let api;
try {
  const loadBefore = loadAverage();
  const generating = Date.now();
  const memberships = await generate();
  const generateSeconds = Math.round((Date.now() - generating) / 100) / 10;
  await queueRuns();
  const run = billing();
  const [outcome] = await owner.query(
    `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, sum(members)::int AS members, sum(invoices_created)::int AS invoices FROM billing_runs`,
  );
  await owner.query('ANALYZE');

  api = await startApi({ port: PORT, url, queueName: 'bench-single' });
  const { cookie: adminCookie } = await signIn(base, 'admin-bench-001@bench.test', PASSWORD);
  const { cookie: headCookie } = await signIn(base, 'head@bench.test', PASSWORD);
  const { cookie: operatorCookie } = await signIn(base, 'operator@bench.test', PASSWORD);
  const targets = {
    members: [`${base}/api/v1/tenants/bench-001/memberships`, adminCookie],
    invoices: [`${base}/api/v1/tenants/bench-001/invoices`, adminCookie],
    schoolInvoices: [`${base}/api/v1/school-portal/100000/invoices`, headCookie],
    platformTenants: [`${base}/api/v1/platform/tenants`, operatorCookie],
    platformBilling: [`${base}/api/v1/platform/billing`, operatorCookie],
  };
  const shapes = {};
  for (const [name, [target, cookie]] of Object.entries(targets)) {
    const res = await fetch(target, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    const body = await res.json();
    const items = Array.isArray(body) ? body : (body.items ?? body.tenants ?? body.invoices ?? null);
    shapes[name] = { bytes: JSON.stringify(body).length, items: Array.isArray(items) ? items.length : null };
    await load(target, cookie, 4, 1); // warm-up
  }
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      for (const [name, [target, cookie]] of Object.entries(targets)) (results[`${name}@${connections}`] ??= []).push(await load(target, cookie, connections, SECONDS));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(results).map(([key, rounds]) => [key, { rps: median(rounds.map((r) => r.rps)), p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), errors: rounds.reduce((n, r) => n + r.errors, 0) }]),
  );
  const [{ bytes }] = await owner.query(`SELECT pg_database_size(current_database())::bigint AS bytes`);
  const largest = await owner.query(
    `SELECT c.relname AS "table", c.reltuples::bigint AS rows, round(pg_total_relation_size(c.oid) / 1048576.0, 1)::float AS mb
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`,
  );
  const [{ version }] = await owner.query('SELECT version()');
  const result = {
    name: NAME,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 1073741824), loadAverageBefore: loadBefore, loadAverageAfter: loadAverage(), shared: 'busy with other work (other helpers building and testing) while measured', postgres: version.split(',')[0] },
    fixture: { partnerships: PARTNERSHIPS, schools: SCHOOLS, memberships, schoolsInTwoPartnerships: SHARED_SCHOOLS, generateSeconds },
    billing: { runs: run.runs, completed: outcome.completed, members: outcome.members, invoices: outcome.invoices, seconds: run.seconds, concurrency: CONCURRENCY, invoicesPerSecond: Math.round(outcome.invoices / run.seconds), peakRssMB: run.peakRssMB },
    lists: { rounds: ROUNDS, secondsPerRound: SECONDS, connections: CONNECTIONS, shapes, summary },
    database: { sizeMB: Math.round(Number(bytes) / 1048576), largest },
    commit: commitId(),
    date: new Date().toISOString(),
  };
  writeResult(out, result);
  console.log(`${NAME}
  machine:   ${result.machine.cores} cores, ${result.machine.memoryGB} GB, load ${loadBefore.join(' ')} before (shared with other work)
  fixture:   ${PARTNERSHIPS} partnerships, ${SCHOOLS.toLocaleString('en-GB')} schools, ${memberships.toLocaleString('en-GB')} memberships (${generateSeconds} s)
  billing:   ${outcome.invoices.toLocaleString('en-GB')} invoices in ${run.seconds} s (${result.billing.invoicesPerSecond}/s), ${outcome.completed} of ${run.runs} runs, peak ${run.peakRssMB} MB`);
  for (const [key, s] of Object.entries(summary)) console.log(`  ${key.padEnd(22)} ${String(s.rps).padStart(5)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   errors ${s.errors}`);
  console.log(`  database:  ${result.database.sizeMB} MB\n  written to: ${out}`);
} finally {
  await tearDown({ api, owner, url, dropDatabase });
}
