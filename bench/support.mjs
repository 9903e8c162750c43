// What the benchmarks share: seeded data, loading built packages, a fresh database, the API
// process, sign-in, a load loop and writing results. Not a benchmark itself (run.mjs only runs
// *.bench.mjs).
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
