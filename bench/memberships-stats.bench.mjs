// The membership chart's figures (`GET /api/v1/tenants/:slug/memberships/stats?months=24`) at
// 10,000 members, served by the real API process in full mode. A fresh database gets one partnership
// whose members joined over five years; about half have a timeline (notice given, left, suspended and
// reinstated). The answer is checked against the reference definition (the correlated per-member,
// per-month query the endpoint used before issue 14, run here directly) and then timed: p50 and p99 of
// sequential requests. Goal (issue 14): under 100 ms. The reference query's own time is recorded too.
// Needs DATABASE_URL and REDIS_URL; without them it says so and is skipped.
// The fixture is vacuumed as well as analysed before timing: the test server runs without
// autovacuum, and in service autovacuum has long since marked a partnership's (append-only) events
// all-visible, so the timeline index is read without visiting the table. --no-vacuum times the
// freshly loaded tables instead (every index entry then fetches its row: about 7 ms more database time).
// Usage: node bench/memberships-stats.bench.mjs [--out file.json] [--keep] [--no-vacuum]
// With --keep the fixture database is left in place (its URL is printed) for EXPLAIN ANALYZE by hand.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { commitId, dist, ensureApiBuilt, here, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

const NAME = 'memberships-stats: the membership chart at 10,000 members, full mode';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const MONTHS = 24;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const PORT = Number(process.env.BENCH_API_PORT ?? 3978);

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'memberships-stats.json');
const keep = process.argv.includes('--keep');
const vacuum = !process.argv.includes('--no-vacuum');
skipWithoutServices(NAME);
ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
const require = createRequire(import.meta.url);
const { londonToday } = require(dist('domain'));
const { createDataSource, createFreshDatabase, dropDatabase, hashPassword, resolveDatabaseUrls } = require(dist('db'));

const url = await createFreshDatabase('partnerships_test_bench_stats', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();
const PASSWORD = 'bench-password-123';

/** The definition the endpoint must agree with: per membership and month end, the latest event's status (or, before any, the first one's `from_status`). */
const REFERENCE = `WITH months AS (
    SELECT to_char(d, 'YYYY-MM') AS month, least((d + interval '1 month' - interval '1 day')::date, $3::date) AS month_end
    FROM generate_series($2::date, $3::date, interval '1 month') d)
  SELECT mo.month, st.status, count(*)::int AS n
  FROM months mo CROSS JOIN memberships m
  CROSS JOIN LATERAL (SELECT coalesce(
    (SELECT e.to_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id AND e.on_date <= mo.month_end
     ORDER BY e.on_date DESC, e.created_at DESC LIMIT 1),
    CASE WHEN coalesce(m.joined_on, m.created_at::date) <= mo.month_end THEN coalesce(
      (SELECT e.from_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id ORDER BY e.on_date, e.created_at LIMIT 1),
      CASE WHEN NOT EXISTS (SELECT 1 FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id) THEN m.status END) END
  ) AS status) st
  WHERE m.tenant_id = $1 AND st.status IS NOT NULL
  GROUP BY mo.month, st.status ORDER BY mo.month`;

async function generate() {
  const hash = await hashPassword(PASSWORD);
  return owner.transaction(async (em) => {
    const [tenant] = await em.query(`INSERT INTO tenants (slug, name) VALUES ('bench-stats', 'Bench Stats Partnership') RETURNING id`);
    await em.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
       SELECT lpad((300000 + i)::text, 6, '0'), 'Stats School ' || i, 'primary', 'Community school', 'Benchshire', 200, 'BE1 1CH'
       FROM generate_series(1, $1) i`,
      [MEMBERS],
    );
    // Joined over the last five years; every third member has a timeline of one to three events.
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT $1, id, 'full', CASE urn::int % 9 WHEN 0 THEN 'left' WHEN 3 THEN 'notice-given' WHEN 6 THEN 'active' ELSE 'active' END,
              current_date - (urn::bigint * 7919 % 1826)::int
       FROM schools WHERE urn::int > 300000`,
      [tenant.id],
    );
    await em.query(
      `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_name)
       SELECT m.tenant_id, m.id, e.event, e.from_status, e.to_status, m.joined_on + e.after, 'Bench'
       FROM memberships m JOIN schools s ON s.id = m.school_id
       CROSS JOIN LATERAL (VALUES
         ('applied', 'invited', 'applied', -20, 1), ('approved', 'applied', 'active', 0, 1),
         ('suspended', 'active', 'suspended', 200, 2), ('reinstated', 'suspended', 'active', 260, 2),
         ('notice', 'active', 'notice-given', 400, 3), ('left', 'notice-given', 'left', 500, 4)) e(event, from_status, to_status, after, depth)
       WHERE m.tenant_id = $1 AND s.urn::int % 3 = 0 AND e.depth <= 1 + s.urn::int % 4 AND m.joined_on + e.after <= current_date`,
      [tenant.id],
    );
    const [admin] = await em.query(`INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ('admin@bench.test', 'Bench Admin', $1, now()) RETURNING id`, [hash]);
    await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'tenant-admin')`, [tenant.id, admin.id]);
    const [{ events }] = await em.query(`SELECT count(*)::int AS events FROM membership_events`);
    return { tenantId: tenant.id, events };
  });
}

const pct = (xs, p) => Math.round(xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] * 10) / 10;
const base = `http://127.0.0.1:${PORT}`;
let api;
try {
  const { tenantId, events } = await generate();
  await owner.query(vacuum ? 'VACUUM ANALYZE' : 'ANALYZE');
  api = await startApi({ port: PORT, url, queueName: 'bench-stats' });
  const { cookie } = await signIn(base, 'admin@bench.test', PASSWORD);
  const target = `${base}/api/v1/tenants/bench-stats/memberships/stats?months=${MONTHS}`;
  const first = await fetch(target, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`stats: ${first.status} ${await first.text()}`);
  const body = await first.json();

  // The figures agree with the reference definition, month by month and status by status.
  const today = londonToday();
  const firstMonth = `${body.months[0].month}-01`;
  const started = performance.now();
  const reference = await owner.query(REFERENCE, [tenantId, firstMonth, today]);
  const referenceMs = Math.round(performance.now() - started);
  for (const { month, status, n } of reference) {
    const got = body.months.find((m) => m.month === month)?.counts[status];
    if (got !== n) throw new Error(`${month} ${status}: the endpoint says ${got}, the reference ${n}`);
  }
  const referenceTotal = reference.reduce((sum, r) => sum + r.n, 0);
  const answerTotal = body.months.reduce((sum, m) => sum + Object.values(m.counts).reduce((a, b) => a + b, 0), 0);
  if (referenceTotal !== answerTotal) throw new Error(`totals differ: endpoint ${answerTotal}, reference ${referenceTotal}`);

  for (let i = 0; i < 3; i++) await (await fetch(target, { headers: { cookie } })).arrayBuffer(); // warm-up
  const loadBefore = loadavg()[0];
  const latencies = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const res = await fetch(target, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`stats: ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const result = {
    name: NAME, members: MEMBERS, events, months: MONTHS, samples: SAMPLES,
    p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), goalMs: 100, meetsGoal: pct(latencies, 0.5) < 100,
    referenceQueryMs: referenceMs, agreesWithReference: true, vacuumed: vacuum,
    loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0] * 100) / 100], commit: commitId(), date: new Date().toISOString(),
  };
  writeResult(out, result);
  console.log(NAME);
  console.log(`  ${MEMBERS} members, ${events} events, ${MONTHS} months: p50 ${result.p50} ms, p99 ${result.p99} ms (goal < 100 ms); the per-member, per-month reference took ${referenceMs} ms; load average ${result.loadAverage.join(' → ')}`);
  console.log(`  written to: ${out}`);
} finally {
  await tearDown({ api, owner, url, dropDatabase: keep ? async () => console.log(`  kept the fixture database: ${url}`) : dropDatabase });
}
