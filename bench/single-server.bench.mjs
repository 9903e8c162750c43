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
import { closedLoop, commitId, dist, ensureApiBuilt, generatePartnerships, here, issueQueuedBillingRuns, loadRounds, medianOf, queueBillingRuns, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

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
const PORT = Number(process.env.BENCH_API_PORT ?? 0) || (await freePort());
const PASSWORD = 'bench-password-123';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'single-server.json');
skipWithoutServices(NAME);
ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
const require = createRequire(import.meta.url);
const { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18 } = require(dist('domain'));
const { createDataSource, createFreshDatabase, dropDatabase, hashPassword, resolveDatabaseUrls } = require(dist('db'));

const url = await createFreshDatabase('partnerships_test_bench_single', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();

const SCHEDULES = [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18];

/** The billing-run benchmark's partnerships, schedules and schools; schools 0–1,999 also join the partnership 75 places on. */
async function generate() {
  const hash = await hashPassword(PASSWORD);
  await owner.transaction(async (em) => {
    await generatePartnerships(em, { partnerships: PARTNERSHIPS, schools: SCHOOLS, schedules: SCHEDULES, sharedSchools: SHARED_SCHOOLS });
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

const billing = () => issueQueuedBillingRuns(url, { concurrency: CONCURRENCY });

const loadAverage = () => spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 3).map(Number);
const base = `http://127.0.0.1:${PORT}`;
let api;
try {
  const loadBefore = loadAverage();
  const generating = Date.now();
  const memberships = await generate();
  const generateSeconds = Math.round((Date.now() - generating) / 100) / 10;
  await queueBillingRuns(owner);
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
    await closedLoop(target, cookie, 4, 1); // warm-up
  }
  const results = await loadRounds(targets, { rounds: ROUNDS, connections: CONNECTIONS, seconds: SECONDS });
  const summary = Object.fromEntries(Object.entries(results).map(([key, rounds]) => [key, medianOf(rounds)]));
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
