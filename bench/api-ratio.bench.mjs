// The product against the floor (issue 14): the real API in full mode (Nest on Fastify, TypeORM,
// row-level security, one transaction per request, ADR 0008) beside a bare `node:http` + `pg`
// server (a pool of 10, like the API's) that runs the same SQL in the one row-level-security
// transaction (BEGIN; SET LOCAL ROLE; set_config; the list's statements; COMMIT) and nothing else.
// "The same SQL" is taken from the product: the statements the API sent for one request of each
// list (captured by bench/pg-statement-counter.cjs, preloaded into the API), replayed with the same
// parameters.
//
// Two fixtures, each in a fresh database: one partnership with 100 member schools (3,000 users with
// roles at them, a few thousand invoices), and the same with 10,000 member schools. Per fixture:
// interleaved rounds (API, bare, API, bare...) of ROUNDS × SECONDS at 10 and 50 connections on the
// members list and on a school's invoice list; then 30 s at a fixed 200 requests per second on the
// school's invoice list (each server), recording p99. Statements per request come from the driver
// (pg_stat_statements is not loaded on this machine's PostgreSQL). Writes bench/results/api-ratio.json.
//
// Needs DATABASE_URL and REDIS_URL; without them it says so and is skipped.
// Usage: pnpm bench api-ratio   (or node bench/api-ratio.bench.mjs [--out file.json] [--quick])
// Environment: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (10,50), BENCH_RATE (200),
// BENCH_RATE_SECONDS (30), BENCH_FIXTURES (100,10000).
import { createRequire } from 'node:module';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { closedLoop, commitId, dist, ensureApiBuilt, generateBilledPartnership, get, here, median, medianOf, percentile, root, signIn, skipWithoutServices, startApi, writeResult } from './support.mjs';

const NAME = 'api-ratio: the API against a bare node:http + pg server running the same SQL';
const quick = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 10));
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? (quick ? 3 : 30));
const FIXTURES = (process.env.BENCH_FIXTURES ?? '100,10000').split(',').map(Number);
const USERS = 3000;
const INVOICE_COPIES = 20;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3979);
const BARE_PORT = API_PORT + 1;
const WEB_PORT = API_PORT + 2;
const WEB_MAIN = join(root, 'apps', 'web', 'build', 'index.js');
const RENDERS = Number(process.env.BENCH_RENDERS ?? 30);
const PASSWORD = 'bench-password-123';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(here, 'results', 'api-ratio.json');
skipWithoutServices(NAME);
ensureApiBuilt(join(root, 'apps', 'api', 'dist', 'main.js'));
const require = createRequire(import.meta.url);
const { createDataSource, createFreshDatabase, dropDatabase, resolveDatabaseUrls } = require(dist('db'));
const pg = require(require.resolve('pg', { paths: [join(root, 'packages', 'db')] }));

// ---------------------------------------------------------------- fixture

async function generate(owner, url, members) {
  // The first 100 members are billed; the rest join afterwards.
  const tenantId = await generateBilledPartnership(owner, url, {
    slug: 'bench-ratio',
    name: 'Bench Ratio Partnership',
    schools: members,
    members: 100,
    schoolName: 'Ratio School',
    localAuthority: `'LA ' || (i % 40)`,
    people: { admin: ['admin@ratio.test', 'Ratio Admin'], head: ['head@ratio.test', 'Ratio Head'] },
    password: PASSWORD,
    // 3,000 people with a role at a member school (business managers), so roles tables are not trivially small.
    within: (em) =>
      em.query(
        `WITH u AS (INSERT INTO users (email, name, email_verified_at) SELECT 'person' || i || '@ratio.test', 'Person ' || i, now() FROM generate_series(1, $1) i RETURNING id, email)
         INSERT INTO school_roles (school_id, user_id, role)
         SELECT s.id, u.id, 'business-manager' FROM u JOIN schools s ON s.urn = lpad((200001 + (substring(u.email from 'person([0-9]+)')::int % 100))::text, 6, '0')`,
        [USERS - 2],
      ),
  });
  // Earlier years' invoices: copies of this year's, a year apart, so there are a few thousand.
  await owner.query(
    `INSERT INTO invoices (tenant_id, number, sequence, school_id, membership_id, schedule_id, schedule_version, period_label, period_start, period_end,
                           charged_from, charged_to, part, part_count, part_label, status, issued_on, due_on, subtotal_pence, vat_rate_bps, vat_pence,
                           total_pence, amount_paid_pence, lines, explanation, bill_to, seller)
     SELECT tenant_id, number || '-' || g, sequence + g * 100000, school_id, membership_id, schedule_id, schedule_version, period_label,
            period_start - g * 365, period_end - g * 365, charged_from - g * 365, charged_to - g * 365, part, part_count, part_label, 'paid',
            issued_on - g * 365, due_on - g * 365, subtotal_pence, vat_rate_bps, vat_pence, total_pence, total_pence, lines, explanation, bill_to, seller
     FROM invoices, generate_series(1, $1) g`,
    [INVOICE_COPIES],
  );
  if (members > 100) {
    await owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT $1, id, 'full', 'active', '2016-09-01' FROM schools WHERE urn::int > 200100`, [tenantId]);
  }
  await owner.query('ANALYZE');
  const [{ invoices }] = await owner.query(`SELECT count(*)::int AS invoices FROM invoices`);
  const [{ schoolInvoices }] = await owner.query(`SELECT count(*)::int AS "schoolInvoices" FROM invoices i JOIN schools s ON s.id = i.school_id WHERE s.urn = '200001'`);
  const [{ users }] = await owner.query(`SELECT count(*)::int AS users FROM users`);
  const [ids] = await owner.query(`SELECT (SELECT id FROM users WHERE email = 'admin@ratio.test') AS admin, (SELECT id FROM users WHERE email = 'head@ratio.test') AS head`);
  return { tenantId, invoices, schoolInvoices, users, adminId: ids.admin, headId: ids.head };
}

// ---------------------------------------------------------------- statements, from the API process

const counterFile = join(tmpdir(), `api-ratio-counter-${process.pid}.json`);
async function counterDump(api) {
  rmSync(counterFile, { force: true });
  api.kill('SIGWINCH');
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(counterFile, 'utf8'));
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error('the API did not write its statement count');
}

/** Statements per request (mean over n sequential requests) and the last request's statements. */
async function statementsPerRequest(api, target, cookie, n = 20) {
  await get(target, cookie);
  await counterDump(api);
  for (let i = 0; i < n; i++) await get(target, cookie);
  const many = await counterDump(api);
  await get(target, cookie);
  const last = await counterDump(api);
  return { perRequest: last.count, meanPerRequest: many.count / n, statements: last.last, sql: last.last.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 70)) };
}

// ---------------------------------------------------------------- the bare server

const BOOKKEEPING = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET LOCAL ROLE|SELECT resolve_request|SELECT set_config)/i;

function startBare(url, routes) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = http.createServer(async (req, res) => {
    const route = routes[req.url];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    let client;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE partnerships_app');
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [route.tenantId, route.userId]);
      const results = [];
      for (const s of route.statements) results.push((await client.query(s.text, s.values)).rows);
      await client.query('COMMIT');
      const body = JSON.stringify({ items: results[0], more: results.slice(1) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => {});
      res.writeHead(500).end(String(error));
    } finally {
      client?.release();
    }
  });
  return new Promise((resolve) => server.listen(BARE_PORT, '127.0.0.1', () => resolve({ close: async () => (server.close(), await pool.end()) })));
}

// ---------------------------------------------------------------- load

/** A request every 1/rate s whatever the answers (open loop), for `seconds`: what rate is held and its p99. */
async function fixedRate(target, cookie, rate, seconds) {
  const latencies = [];
  let errors = 0;
  const inFlight = new Set();
  const began = performance.now();
  const total = rate * seconds;
  let dropped = 0;
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // A server that has fallen a whole second behind is not holding the rate: the request is
    // counted as dropped (not sent), so a run lasts about `seconds` whatever the server does.
    if (inFlight.size >= rate) {
      dropped += 1;
      continue;
    }
    // Latency from when the request was due, so a server that falls behind is charged for it.
    const p = get(target, cookie)
      .then((status) => {
        if (status !== 200) errors += 1;
      })
      .catch(() => (errors += 1))
      .finally(() => {
        latencies.push(performance.now() - due);
        inFlight.delete(p);
      });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate, seconds, requests: latencies.length, dropped, held: dropped === 0 && errors === 0, achievedRps: Math.round(latencies.length / elapsed), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

const step = (what) => console.log(`    ${new Date().toISOString().slice(11, 19)} ${what}`);

// ---------------------------------------------------------------- server render

/**
 * The built web app (apps/web/build) started against this API, and five key pages rendered on
 * the server one after another as a signed-in user: p50, p99 and the size of each page's HTML.
 */
async function serverRender(pages) {
  if (!existsSync(WEB_MAIN)) return { skipped: `${WEB_MAIN} is missing: build the web app first (pnpm --filter @partnerships/web build)` };
  const web = spawn(process.execPath, [WEB_MAIN], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(WEB_PORT), HOST: '127.0.0.1', API_PORT: String(API_PORT), ORIGIN: `http://127.0.0.1:${WEB_PORT}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 150; i++) {
      try {
        await fetch(`http://127.0.0.1:${WEB_PORT}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const result = {};
    for (const [name, { path, cookie }] of Object.entries(pages)) {
      const times = [];
      let bytes = 0;
      let status = 0;
      for (let i = 0; i < RENDERS + 3; i++) {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${WEB_PORT}${path}`, { headers: { cookie }, redirect: 'manual' });
        const body = await res.arrayBuffer();
        if (i >= 3) times.push(performance.now() - started); // three warm-ups
        bytes = Math.max(bytes, body.byteLength);
        status = res.status;
      }
      times.sort((a, b) => a - b);
      const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
      result[name] = { path, status, renders: times.length, p50: at(0.5), p99: at(0.99), htmlBytes: bytes };
    }
    return result;
  } finally {
    web.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------- one fixture

async function measure(members) {
  const url = await createFreshDatabase(`partnerships_test_bench_ratio_${members}`, process.env.DATABASE_URL);
  const urls = resolveDatabaseUrls({ DATABASE_URL: url });
  const owner = createDataSource({ url: urls.owner, embedded: false });
  await owner.initialize();
  let api;
  let bare;
  try {
    const fixture = await generate(owner, url, members);
    step(`fixture generated: ${fixture.users} users, ${fixture.invoices} invoices`);
    api = await startApi({
      port: API_PORT,
      url,
      queueName: 'bench-ratio',
      nodeArgs: ['--require', join(here, 'pg-statement-counter.cjs')],
      env: { BENCH_PG_COUNTER_FILE: counterFile, LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn' },
    });
    const base = `http://127.0.0.1:${API_PORT}`;
    const { cookie: adminCookie } = await signIn(base, 'admin@ratio.test', PASSWORD);
    const { cookie: headCookie } = await signIn(base, 'head@ratio.test', PASSWORD);
    api.on('exit', (code, signal) => step(`the API exited (${code ?? signal})`));
    const lists = {
      members: { path: '/api/v1/tenants/bench-ratio/memberships', cookie: adminCookie, tenantId: fixture.tenantId, userId: fixture.adminId },
      schoolInvoices: { path: '/api/v1/school-portal/200001/invoices', cookie: headCookie, tenantId: '', userId: fixture.headId },
    };
    step('API started, signed in');
    const statements = {};
    const routes = {};
    for (const [name, list] of Object.entries(lists)) {
      const status = await get(base + list.path, list.cookie);
      if (status !== 200) throw new Error(`${name}: the API answered ${status}`);
      const counted = await statementsPerRequest(api, base + list.path, list.cookie);
      statements[name] = { perRequest: counted.perRequest, meanOver20: counted.meanPerRequest, statements: counted.sql };
      routes[list.path] = { tenantId: list.tenantId, userId: list.userId, statements: counted.statements.filter((s) => !BOOKKEEPING.test(s.text.trim())) };
    }
    step('statements counted');
    bare = await startBare(urls.app, routes);
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;
    for (const [name, list] of Object.entries(lists)) {
      const status = await get(bareBase + list.path);
      if (status !== 200) throw new Error(`${name}: the bare server answered ${status}`);
      await closedLoop(base + list.path, list.cookie, 4, 1); // warm-up
      await closedLoop(bareBase + list.path, null, 4, 1);
    }

    const rounds = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        for (const [name, list] of Object.entries(lists)) {
          const product = await closedLoop(base + list.path, list.cookie, connections, SECONDS);
          const floor = await closedLoop(bareBase + list.path, null, connections, SECONDS);
          (rounds[`${name}@${connections}`] ??= []).push({ api: product, bare: floor, ratio: Math.round((product.rps / floor.rps) * 100) / 100 });
        }
      }
    }
    const summary = Object.fromEntries(
      Object.entries(rounds).map(([key, rs]) => [
        key,
        {
          ratio: median(rs.map((r) => r.ratio)),
          api: medianOf(rs.map((r) => r.api)),
          bare: medianOf(rs.map((r) => r.bare)),
          rounds: rs,
        },
      ]),
    );
    const [schedule] = await owner.query('SELECT id FROM fee_schedules WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1', [fixture.tenantId]);
    const render = await serverRender({
      partnershipHome: { path: '/p/bench-ratio', cookie: adminCookie },
      members: { path: '/p/bench-ratio/members', cookie: adminCookie },
      invoices: { path: '/p/bench-ratio/billing/invoices', cookie: adminCookie },
      feeEditor: { path: `/p/bench-ratio/fees/${schedule.id}`, cookie: adminCookie },
      schoolHome: { path: '/s/200001', cookie: headCookie },
    });
    step('server render measured');
    const target = lists.schoolInvoices;
    const steady = {
      api: await fixedRate(base + target.path, target.cookie, RATE, RATE_SECONDS),
      bare: await fixedRate(bareBase + target.path, null, RATE, RATE_SECONDS),
    };
    return { members, users: fixture.users, invoices: fixture.invoices, schoolInvoices: fixture.schoolInvoices, statementsPerRequest: statements, summary, serverRender: render, schoolInvoicesAt200rps: steady };
  } catch (error) {
    console.error('measure failed:', error);
    throw error;
  } finally {
    await bare?.close();
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await owner.destroy();
    await dropDatabase(url);
  }
}

// ---------------------------------------------------------------- run

const fixtures = [];
for (const members of FIXTURES) {
  console.log(`  fixture: ${members} member schools…`);
  fixtures.push(await measure(members));
  writeResult(out, { name: NAME, partial: true, fixtures, date: new Date().toISOString() });
}
rmSync(counterFile, { force: true });

const result = {
  name: NAME,
  machine: {
    cpus: cpus().length,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    note: 'A 2-core machine shared with other sessions running builds and tests: figures are noisy; compare the ratio (taken in interleaved rounds), not absolute rates. The load generator runs on the same cores.',
  },
  method: {
    rounds: ROUNDS,
    secondsPerRound: SECONDS,
    connections: CONNECTIONS,
    interleaved: 'each round runs the API then the bare server, list by list',
    bare: 'node:http + pg Pool (max 10): BEGIN; SET LOCAL ROLE partnerships_app; set_config(tenant, user); the statements the API sent for the same list, with the same parameters; COMMIT',
    statements: 'counted at the driver (pg Client.prototype.query, preloaded into the API process); pg_stat_statements is not loaded here',
    fixedRate: `${RATE} req/s for ${RATE_SECONDS} s, open loop, latency from when each request was due`,
  },
  fixtures,
  goals: {
    membersRatioAtLeast: 0.5,
    statementsPerListAtMost: 6,
    schoolInvoicesP99At200rpsUnderMs: 100,
    serverRenderP50UnderMs: 50,
    pageUnderBytes: 1_000_000,
  },
  commit: commitId(),
  date: new Date().toISOString(),
};
writeResult(out, result);
console.log(NAME);
for (const f of fixtures) {
  console.log(`  ${f.members} member schools, ${f.users} users, ${f.invoices} invoices (${f.schoolInvoices} for the school)`);
  for (const [name, s] of Object.entries(f.statementsPerRequest)) console.log(`    statements per request, ${name}: ${s.perRequest}`);
  for (const [key, s] of Object.entries(f.summary)) {
    console.log(`    ${key.padEnd(20)} ratio ${s.ratio}   api ${s.api.rps} req/s p50 ${s.api.p50} p99 ${s.api.p99}   bare ${s.bare.rps} req/s p50 ${s.bare.p50} p99 ${s.bare.p99}`);
  }
  for (const [page, r] of Object.entries(f.serverRender ?? {})) if (r && typeof r === 'object') console.log(`    render ${page.padEnd(16)} ${r.status} p50 ${r.p50} ms p99 ${r.p99} ms ${r.htmlBytes} bytes`);
  const st = f.schoolInvoicesAt200rps;
  console.log(`    school invoices at ${RATE} req/s: api ${st.api.achievedRps} req/s p99 ${st.api.p99} ms (errors ${st.api.errors})   bare ${st.bare.achievedRps} req/s p99 ${st.bare.p99} ms`);
}
console.log(`  written to: ${out}`);
