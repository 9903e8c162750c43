// Billing run benchmark: the year's billing for 20,000 member schools across 150 partnerships.
// A fresh PostgreSQL database gets 150 partnerships (each with a published fee schedule: the
// Ealing, Haringey, Redbridge-style and THE Partnership models in turn) and 20,000 schools of
// every phase and size, maintained and academies. Each partnership's run is then asked for as
// the API does (the run and its list of members), and the real billing-run job issues every
// invoice, four runs at a time as a worker does, in a child process so that its peak memory is
// its own. Issuing invoices makes no Stripe call at all (invoices are the product's records;
// Stripe only collects payment against them), so there is no Stripe in this benchmark.
// Afterwards it checks one invoice per member and part and gap-free numbers per partnership, then
// runs every billing again (which must issue nothing). Needs DATABASE_URL (a server the bench may
// create a database on); without it, it says so and is skipped. Writes bench/results/billing-run.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'billing-run: the year’s invoices for 20,000 schools across 150 partnerships';
const PARTNERSHIPS = 150;
const SCHOOLS = 20_000;
const CONCURRENCY = 4;
const GOAL_SECONDS = 60;
const GOAL_MB = 500;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (!process.env.DATABASE_URL) {
  console.log(`${NAME}\n  skipped: set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it.`);
  process.exit(0);
}

const dist = (pkg) => join(root, 'packages', pkg, 'dist', 'index.js');
if (!['domain', 'db', 'invoicing', 'jobs'].every((pkg) => existsSync(dist(pkg)))) {
  const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/jobs', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const require = createRequire(import.meta.url);
const { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18 } = require(dist('domain'));
const { createDataSource, createFreshDatabase, Database, dropDatabase, resolveDatabaseUrls } = require(dist('db'));
const { runBillingRun } = require(dist('jobs'));

/** The child: run every queued billing run, CONCURRENCY at a time, and report time and peak memory. */
if (process.argv[2] === '--runs-only') {
  const [, , , childUrl] = process.argv;
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
  const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  await source.destroy();
  console.log(JSON.stringify({ runs: runs.length, seconds: Math.round(seconds * 100) / 100, peakRssMB }));
  process.exit(0);
}

const url = await createFreshDatabase('partnerships_test_bench_billing', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();

const SCHEDULES = [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18];
const PHASES = ['primary', 'primary', 'primary', 'primary', 'secondary', 'special', 'nursery', 'all-through', 'alternative-provision'];
const TYPES = ['Community school', 'Academy converter', 'Voluntary aided school', 'Academy sponsor led', 'Foundation school', 'Free schools'];

/** 150 partnerships, 20,000 schools and their memberships, a published schedule each: written in a few set-based statements. */
async function generate() {
  await owner.transaction(async (em) => {
    await em.query(
      `INSERT INTO tenants (slug, name) SELECT 'bench-' || lpad(i::text, 3, '0'), 'Bench Partnership ' || i FROM generate_series(1, $1) i`,
      [PARTNERSHIPS],
    );
    const tenants = await em.query(`SELECT id, slug FROM tenants ORDER BY slug`);
    const documents = tenants.map((_, i) => SCHEDULES[i % SCHEDULES.length]);
    await em.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
       SELECT t.id, d.doc ->> 'name', d.doc -> 'period' ->> 'kind', (d.doc -> 'period' ->> 'start')::date, (d.doc -> 'period' ->> 'end')::date,
              d.doc -> 'period' ->> 'label', 1, 'published', d.doc, now()
       FROM unnest($1::uuid[], $2::jsonb[]) AS d(tenant, doc) JOIN tenants t ON t.id = d.tenant`,
      [tenants.map((t) => t.id), documents.map((d) => JSON.stringify(d))],
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
    // School i belongs to partnership i mod 150, so each has 133 or 134 members.
    await em.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
       SELECT t.id, s.id, 'full', 'active', '2015-09-01'
       FROM schools s JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM tenants) t ON t.n = (s.urn::int - 100000) % $1`,
      [PARTNERSHIPS],
    );
  });
}

/** Asks for every partnership's run as the API does: the run row and its list of members (x of N). */
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
  await owner.query(`UPDATE billing_runs r SET members = (SELECT count(*) FROM billing_run_items i WHERE i.run_id = r.id) WHERE status = 'queued'`);
}

function measuredRuns() {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--runs-only', url], { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the billing process failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

try {
  const generating = Date.now();
  await generate();
  const generatedSeconds = Math.round((Date.now() - generating) / 100) / 10;

  const asking = Date.now();
  await queueRuns();
  const queueSeconds = Math.round((Date.now() - asking) / 10) / 100;
  const first = measuredRuns();
  const [outcome] = await owner.query(
    `SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'completed')::int AS completed, sum(members)::int AS members, sum(invoiced)::int AS invoiced,
            sum(skipped)::int AS skipped, sum(invoices_created)::int AS invoices, sum(total_pence)::bigint AS total_pence FROM billing_runs`,
  );
  const [{ duplicates }] = await owner.query(
    `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM invoices GROUP BY tenant_id, membership_id, period_start, schedule_id, schedule_version, part HAVING count(*) > 1) d`,
  );
  const [{ gaps }] = await owner.query(`SELECT count(*)::int AS gaps FROM (SELECT tenant_id FROM invoices GROUP BY tenant_id HAVING max(sequence) <> count(*)) g`);

  // The same billing asked for again: every member is already invoiced, so nothing is issued.
  await queueRuns();
  const again = measuredRuns();
  const [repeat] = await owner.query(`SELECT sum(invoices_created)::int AS invoices, sum(skipped)::int AS skipped FROM billing_runs WHERE created_at > (SELECT min(finished_at) FROM billing_runs)`);
  const [{ invoices: invoicesAfter }] = await owner.query(`SELECT count(*)::int AS invoices FROM invoices`);

  const result = {
    name: NAME,
    partnerships: PARTNERSHIPS,
    schools: SCHOOLS,
    concurrency: CONCURRENCY,
    stripeCalls: 0,
    setup: { generateSeconds: generatedSeconds, queueRunsSeconds: queueSeconds },
    firstRun: {
      seconds: first.seconds,
      peakRssMB: first.peakRssMB,
      schoolsPerSecond: Math.round(outcome.members / first.seconds),
      invoicesPerSecond: Math.round(outcome.invoices / first.seconds),
      outcome: { ...outcome, total_pence: Number(outcome.total_pence), duplicateInvoices: duplicates, partnershipsWithNumberGaps: gaps },
    },
    repeatRun: { seconds: again.seconds, peakRssMB: again.peakRssMB, invoicesIssued: repeat.invoices ?? 0, invoicesInDatabase: invoicesAfter },
    goal: { seconds: GOAL_SECONDS, peakRssMB: GOAL_MB },
    withinGoal: first.seconds < GOAL_SECONDS && first.peakRssMB < GOAL_MB && outcome.completed === PARTNERSHIPS && outcome.members === SCHOOLS && duplicates === 0 && gaps === 0 && (repeat.invoices ?? 0) === 0,
    date: new Date().toISOString(),
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'billing-run.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${NAME}
  data:          ${PARTNERSHIPS} partnerships, ${SCHOOLS.toLocaleString('en-GB')} schools (generated in ${generatedSeconds} s); runs asked for in ${queueSeconds} s
  billing:       ${first.seconds} s, peak memory (RSS) ${first.peakRssMB} MB, ${CONCURRENCY} runs at a time; ${outcome.completed} of ${outcome.runs} runs completed
                 ${outcome.members.toLocaleString('en-GB')} members: ${outcome.invoiced.toLocaleString('en-GB')} invoiced, ${outcome.skipped} skipped; ${outcome.invoices.toLocaleString('en-GB')} invoices (${result.firstRun.schoolsPerSecond} schools/s, ${result.firstRun.invoicesPerSecond} invoices/s)
                 ${duplicates} duplicate invoices, ${gaps} partnerships with gaps in their numbers, no Stripe calls
  billed again:  ${again.seconds} s, ${result.repeatRun.invoicesIssued} invoices issued (${invoicesAfter.toLocaleString('en-GB')} in the database)
  goal:          under ${GOAL_SECONDS} s and ${GOAL_MB} MB: ${result.withinGoal ? 'met' : 'NOT MET'}
  written to:    bench/results/billing-run.json`);
} finally {
  await owner.destroy();
  await dropDatabase(url);
}
