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
import { closedLoop, commitId, dist, ensureApiBuilt, generateBilledPartnership, here, loadRounds, medianOf, root, signIn, skipWithoutServices, startApi, tearDown, writeResult } from './support.mjs';

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
const { createDataSource, createFreshDatabase, dropDatabase, resolveDatabaseUrls } = require(dist('db'));

const url = await createFreshDatabase('partnerships_test_bench_lists', process.env.DATABASE_URL);
const owner = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: url }).owner, embedded: false });
await owner.initialize();
const PASSWORD = 'bench-password-123';

/** One partnership with 100 members billed for the year, 3,000 other schools, an admin and a head: the number of invoices. */
async function generate() {
  await generateBilledPartnership(owner, url, {
    slug: 'bench-lists',
    name: 'Bench Lists Partnership',
    schools: MEMBERS + OTHER_SCHOOLS,
    members: MEMBERS,
    schoolName: 'List School',
    localAuthority: "'Benchshire'",
    people: { admin: ['admin@bench.test', 'Bench Admin'], head: ['head@bench.test', 'Bench Head'] },
    password: PASSWORD,
  });
  const [{ invoices }] = await owner.query(`SELECT count(*)::int AS invoices FROM invoices`);
  return invoices;
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
    await closedLoop(target, cookie, 4, 1); // warm-up
  }
  const results = await loadRounds(targets, { rounds: ROUNDS, connections: CONNECTIONS, seconds: SECONDS });
  const summary = Object.fromEntries(Object.entries(results).map(([key, rounds]) => [key, { ...medianOf(rounds), rounds }]));
  const result = { name: NAME, members: MEMBERS, registerSchools: MEMBERS + OTHER_SCHOOLS, invoices, rounds: ROUNDS, secondsPerRound: SECONDS, connections: CONNECTIONS, summary, commit: commitId(), date: new Date().toISOString() };
  writeResult(out, result);
  console.log(NAME);
  for (const [key, s] of Object.entries(summary)) console.log(`  ${key.padEnd(20)} ${String(s.rps).padStart(5)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   errors ${s.errors}`);
  console.log(`  written to: ${out}`);
} finally {
  await tearDown({ api, owner, url, dropDatabase });
}
