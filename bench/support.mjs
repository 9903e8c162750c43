// What the benchmarks share: seeded data, loading built packages, a fresh database, fixtures
// (partnerships, schools, memberships, billing runs), the billing job in a child process, the API
// process, sign-in, a load loop and writing results. Not a benchmark itself (run.mjs only runs
// *.bench.mjs); the billing child runs it as `node bench/support.mjs --billing-runs URL N`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
const require = createRequire(import.meta.url);

/** A package's built entry point (packages/<pkg>/dist/index.js). */
export const dist = (pkg) => join(root, 'packages', pkg, 'dist', 'index.js');

/** The built @partnerships/domain, or a clear message to build it first. */
export function requireBuiltDomain() {
  try {
    return require('@partnerships/domain');
  } catch (error) {
    console.error('Could not load @partnerships/domain; build it first: pnpm --filter @partnerships/domain build');
    throw error;
  }
}

/** A seeded generator (mulberry32), so every run works on the same figures and runs can be compared. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `pick([[value, weight], …])` and `between(min, max)` drawn from one seeded generator. */
export function seededChoices(next) {
  const pick = (weighted) => {
    let roll = next() * weighted.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const between = (min, max) => min + Math.floor(next() * (max - min + 1));
  return { pick, between };
}

/** Benchmarks over the real API need PostgreSQL and Redis: without them, say so and exit cleanly. */
export function skipWithoutServices(name) {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    console.log(`${name}\n  skipped: set DATABASE_URL and REDIS_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres, redis://127.0.0.1:6379).`);
    process.exit(0);
  }
}

/** Builds the API and what it depends on when `marker` (a built file) is missing. */
export function ensureApiBuilt(marker) {
  if (existsSync(marker)) return;
  const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/api', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Starts `node [nodeArgs] apps/api/dist/main.js` in full mode on this port and database, and waits until it answers. */
export async function startApi({ port, url, queueName, env = {}, nodeArgs = [] }) {
  const api = spawn(process.execPath, [...nodeArgs, join(root, 'apps', 'api', 'dist', 'main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, API_PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '1000', ...env, QUEUE_NAME: `${queueName}-${process.pid}` },
    stdio: ['ignore', process.env.BENCH_API_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  await waitForApi(`http://127.0.0.1:${port}`, api);
  return api;
}

async function waitForApi(base, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not start');
}

/** Signs in through the API: the session cookie and the CSRF token that writes send back. */
export async function signIn(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  const { csrfToken } = await res.json();
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrfToken };
}

/** Stops the API (when started), closes the owner connection and drops the benchmark's database. */
export async function tearDown({ api, owner, url, dropDatabase }) {
  api?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await owner.destroy();
  await dropDatabase(url);
}

/** The short commit id the figures were taken on. */
export const commitId = () => spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();

/** Writes a result as JSON (creating bench/results/ when needed). */
export function writeResult(file, result) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

// ---------------------------------------------------------------- fixtures

const PHASES = ['primary', 'primary', 'primary', 'primary', 'secondary', 'special', 'nursery', 'all-through', 'alternative-provision'];
const TYPES = ['Community school', 'Academy converter', 'Voluntary aided school', 'Academy sponsor led', 'Foundation school', 'Free schools'];

/**
 * `partnerships` partnerships (bench-001…), each with a published fee schedule (`schedules` in
 * turn), and `schools` schools of every phase and size, maintained and academies, written in a few
 * set-based statements on `em` (a transaction). School i belongs to partnership i mod
 * `partnerships`; the first `sharedSchools` also join the partnership halfway round from it.
 */
export async function generatePartnerships(em, { partnerships, schools, schedules, sharedSchools = 0 }) {
  await em.query(`INSERT INTO tenants (slug, name) SELECT 'bench-' || lpad(i::text, 3, '0'), 'Bench Partnership ' || i FROM generate_series(1, $1) i`, [partnerships]);
  const tenants = await em.query(`SELECT id, slug FROM tenants ORDER BY slug`);
  await em.query(
    `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
     SELECT t.id, d.doc ->> 'name', d.doc -> 'period' ->> 'kind', (d.doc -> 'period' ->> 'start')::date, (d.doc -> 'period' ->> 'end')::date,
            d.doc -> 'period' ->> 'label', 1, 'published', d.doc, now()
     FROM unnest($1::uuid[], $2::jsonb[]) AS d(tenant, doc) JOIN tenants t ON t.id = d.tenant`,
    [tenants.map((t) => t.id), tenants.map((_, i) => JSON.stringify(schedules[i % schedules.length]))],
  );
  const rows = Array.from({ length: schools }, (_, i) => {
    const phase = PHASES[(i * 7) % PHASES.length];
    const pupils = phase === 'secondary' || phase === 'all-through' ? 600 + ((i * 37) % 1400) : phase === 'primary' ? 90 + ((i * 53) % 750) : 20 + ((i * 11) % 200);
    return { urn: String(100000 + i), name: `Bench School ${i + 1}`, phase, type: TYPES[(i * 5) % TYPES.length], pupils };
  });
  await em.query(
    `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
     SELECT s.urn, s.name, s.phase, s.type, 'Benchshire', s.pupils, 'BE1 1CH' FROM jsonb_to_recordset($1::jsonb) AS s(urn text, name text, phase text, type text, pupils int)`,
    [JSON.stringify(rows)],
  );
  const shared = sharedSchools ? ` OR ((s.urn::int - 100000) < $2 AND t.n = ((s.urn::int - 100000) + $1 / 2) % $1)` : '';
  await em.query(
    `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
     SELECT t.id, s.id, 'full', 'active', '2015-09-01'
     FROM schools s JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM tenants) t
       ON t.n = (s.urn::int - 100000) % $1${shared}`,
    sharedSchools ? [partnerships, sharedSchools] : [partnerships],
  );
}

/** Asks for a billing run of every published schedule as the API does: the run row and its list of members (x of N). */
export async function queueBillingRuns(owner) {
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

/**
 * Issues every queued billing run with the real job, `concurrency` at a time as a worker does, in
 * a child process so that its peak memory is its own: `{ runs, seconds, peakRssMB }`.
 */
export function issueQueuedBillingRuns(url, { concurrency, nodeArgs = [] }) {
  const child = spawnSync(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), '--billing-runs', url, String(concurrency)], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the billing process failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

/** The child of issueQueuedBillingRuns. */
async function billingRunsChild(url, concurrency) {
  const { createDataSource, Database, resolveDatabaseUrls } = require(dist('db'));
  const { runBillingRun } = require(dist('jobs'));
  const source = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).app, embedded: false });
  await source.initialize();
  const db = new Database(source);
  const owner = createDataSource({ url, embedded: false });
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
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  await source.destroy();
  console.log(JSON.stringify({ runs: runs.length, seconds: Math.round(seconds * 100) / 100, peakRssMB }));
}

/**
 * One partnership (`slug`, `name`) with Ealing's published fee schedule, `schools` schools on the
 * register (urn 200001…, named `schoolName` and a number, in the SQL expression `localAuthority`
 * of `i`), the first `members` of them its members, an admin and a headteacher of the first school
 * (`people`: [email, name] each, with `password`), and the year's billing run for its members
 * issued by the real job. `within(em, tenantId)` adds to the same transaction. Returns the
 * partnership's id.
 */
export async function generateBilledPartnership(owner, url, { slug, name, schools, members, schoolName, localAuthority, people, password, within }) {
  const { EALING_2018_19_SCENARIO_1 } = require(dist('domain'));
  const { createDataSource, Database, hashPassword, resolveDatabaseUrls } = require(dist('db'));
  const { runBillingRun } = require(dist('jobs'));
  const hash = await hashPassword(password);
  const tenantId = await owner.transaction(async (em) => {
    const [tenant] = await em.query(`INSERT INTO tenants (slug, name) VALUES ($1, $2) RETURNING id`, [slug, name]);
    await em.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
       SELECT $1, d.doc ->> 'name', d.doc -> 'period' ->> 'kind', (d.doc -> 'period' ->> 'start')::date, (d.doc -> 'period' ->> 'end')::date,
              d.doc -> 'period' ->> 'label', 1, 'published', d.doc, now() FROM (SELECT $2::jsonb AS doc) d`,
      [tenant.id, JSON.stringify(EALING_2018_19_SCENARIO_1)],
    );
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((200000 + i)::text, 6, '0'), $2 || ' ' || i, CASE WHEN i % 7 = 0 THEN 'secondary' ELSE 'primary' END,
              CASE WHEN i % 3 = 0 THEN 'Academy converter' ELSE 'Community school' END, ${localAuthority}, 100 + (i * 37) % 700, 'BE1 1CH'
       FROM generate_series(1, $1) i`,
      [schools, schoolName],
    );
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT $1, id, 'full', 'active', '2015-09-01' FROM schools WHERE urn::int <= $2`,
      [tenant.id, 200000 + members],
    );
    const [admin] = await em.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`, [...people.admin, hash]);
    await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'tenant-admin')`, [tenant.id, admin.id]);
    const [head] = await em.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`, [...people.head, hash]);
    await em.query(`INSERT INTO school_roles (school_id, user_id, role) SELECT id, $1, 'headteacher' FROM schools WHERE urn = '200001'`, [head.id]);
    await within?.(em, tenant.id);
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
    return tenant.id;
  });
  const app = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).app, embedded: false });
  await app.initialize();
  const [run] = await owner.query(`SELECT id, tenant_id FROM billing_runs`);
  await runBillingRun(new Database(app), { tenantId: run.tenant_id, runId: run.id });
  await app.destroy();
  return tenantId;
}

// ---------------------------------------------------------------- load

/** A GET with the session cookie (if any), its body read: the status. */
export async function get(target, cookie) {
  const res = await fetch(target, { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return res.status;
}

/** The p-th fraction of sorted latencies, to 0.1 ms (null when there are none). */
export const percentile = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 10) / 10 : null);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** C clients, each sending its next request when the last is answered, for `seconds`: requests, rps, p50, p99 and errors (not 200). */
export async function closedLoop(target, cookie, connections, seconds) {
  const latencies = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const status = await get(target, cookie).catch(() => 0);
      if (status !== 200) errors += 1;
      latencies.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

/** The median rps, p50 and p99 of closedLoop rounds, and their errors in all. */
export const medianOf = (rounds) => ({
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p99: median(rounds.map((r) => r.p99)),
  errors: rounds.reduce((n, r) => n + r.errors, 0),
});

/** Each target (`name: [url, cookie]`) at each number of connections for `seconds`, in interleaved rounds: the rounds by `name@connections`. */
export async function loadRounds(targets, { rounds, connections, seconds }) {
  const results = {};
  for (let round = 0; round < rounds; round++) {
    for (const c of connections) {
      for (const [name, [target, cookie]] of Object.entries(targets)) (results[`${name}@${c}`] ??= []).push(await closedLoop(target, cookie, c, seconds));
    }
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--billing-runs') {
  await billingRunsChild(process.argv[3], Number(process.argv[4]));
  process.exit(0);
}
