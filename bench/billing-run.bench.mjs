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
import { join } from 'node:path';
import { dist, generatePartnerships, here, issueQueuedBillingRuns, queueBillingRuns, root } from './support.mjs';

const NAME = 'billing-run: the year’s invoices for 20,000 schools across 150 partnerships';
const PARTNERSHIPS = 150;
const SCHOOLS = 20_000;
const CONCURRENCY = 4;
const GOAL_SECONDS = 60;
const GOAL_MB = 500;

if (!process.env.DATABASE_URL) {
  console.log(`${NAME}\n  skipped: set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it.`);
  process.exit(0);
}

if (!['domain', 'db', 'invoicing', 'jobs'].every((pkg) => existsSync(dist(pkg)))) {
  const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/jobs', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const require = createRequire(import.meta.url);
const { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18 } = require(dist('domain'));
const { createDataSource, createFreshDatabase, dropDatabase, resolveDatabaseUrls } = require(dist('db'));

const url = await createFreshDatabase('partnerships_test_bench_billing', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();

const SCHEDULES = [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, THE_PARTNERSHIP_2017_18];

/** 150 partnerships, 20,000 schools and their memberships (133 or 134 each), a published schedule each. */
const generate = () => owner.transaction((em) => generatePartnerships(em, { partnerships: PARTNERSHIPS, schools: SCHOOLS, schedules: SCHEDULES }));

/** The runs, issued by the real job in a child process (its peak memory its own). */
const measuredRuns = () => issueQueuedBillingRuns(url, { concurrency: CONCURRENCY, nodeArgs: ['--expose-gc'] });

try {
  const generating = Date.now();
  await generate();
  const generatedSeconds = Math.round((Date.now() - generating) / 100) / 10;

  const asking = Date.now();
  await queueBillingRuns(owner);
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
  await queueBillingRuns(owner);
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
