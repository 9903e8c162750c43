// GIAS import benchmark: a whole-country-sized establishment file (50,000 rows in the
// export's format, written by the project's own sample generator) is stored as an upload
// and imported by the real job into a fresh PostgreSQL database, then imported again
// (which must change nothing). Records the time and the peak memory of the process.
// Needs DATABASE_URL (a PostgreSQL server the bench may create a database on); without it
// the benchmark says so and is skipped. Writes bench/results/gias-import.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'gias-import: 50,000-row GIAS establishment file into the school register';
const ROWS = 50_000;
const GOAL_SECONDS = 60;
const GOAL_MB = 300;
const CHUNK_BYTES = 1024 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (!process.env.DATABASE_URL) {
  console.log(`${NAME}\n  skipped: set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it.`);
  process.exit(0);
}

const dist = (pkg) => join(root, 'packages', pkg, 'dist', 'index.js');
if (!['domain', 'db', 'jobs'].every((pkg) => existsSync(dist(pkg)))) {
  const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/jobs', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const require = createRequire(import.meta.url);
const { giasCsvLines, giasSampleSchools } = require(dist('domain'));
const { createDataSource, createFreshDatabase, Database, dropDatabase, resolveDatabaseUrls, seedDemo } = require(dist('db'));
const { runSchoolImport } = require(dist('jobs'));

if (process.argv[2] === '--import-only') {
  // The child: import one stored upload and report the time and the process's peak memory.
  const [, , , childUrl, childTenant, importId] = process.argv;
  const source = createDataSource({ url: resolveDatabaseUrls({ DATABASE_URL: childUrl }).app, embedded: false });
  await source.initialize();
  const started = process.hrtime.bigint();
  await runSchoolImport(new Database(source), { tenantId: childTenant, importId });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  await source.destroy();
  console.log(JSON.stringify({ seconds: Math.round(seconds * 100) / 100, peakRssMB }));
  process.exit(0);
}

const url = await createFreshDatabase('partnerships_test_bench_gias', process.env.DATABASE_URL);
const urls = resolveDatabaseUrls({ DATABASE_URL: url });
const owner = createDataSource({ url: urls.owner, embedded: false });
await owner.initialize();
await seedDemo(owner, 'test');
const app = createDataSource({ url: urls.app, embedded: false });
await app.initialize();
const db = new Database(app);
const [{ id: tenantId }] = await owner.query(`SELECT id FROM tenants WHERE slug = 'redbridge'`);
const [{ id: userId }] = await owner.query(`SELECT id FROM users WHERE email = 'admin@redbridge.demo.test'`);

/** Stores the sample file as an upload, 1 MB a piece, as the API does; answers the import id and file size. */
async function storeUpload() {
  return db.inTenant(tenantId, { userId }, async (em) => {
    const [{ id }] = await em.query(`INSERT INTO school_imports (tenant_id, created_by) VALUES ($1, $2) RETURNING id`, [tenantId, userId]);
    let pending = [];
    let pendingBytes = 0;
    let bytes = 0;
    let seq = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await em.query(`INSERT INTO school_import_chunks (tenant_id, import_id, seq, data) VALUES ($1, $2, $3, $4)`, [tenantId, id, seq++, Buffer.concat(pending)]);
      pending = [];
      pendingBytes = 0;
    };
    for (const line of giasCsvLines(giasSampleSchools(ROWS, { seed: 50_000 }))) {
      const piece = Buffer.from(`${line}\r\n`, 'utf8');
      pending.push(piece);
      pendingBytes += piece.length;
      bytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    await em.query(`UPDATE school_imports SET byte_size = $2, encoding = 'utf-8' WHERE id = $1`, [id, bytes]);
    return { id, bytes };
  });
}

/**
 * Runs the import job in a child process of its own, so the memory figure is the import's
 * (peak resident set size, from the operating system), not this process's generating the file.
 */
async function measuredImport(id) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--import-only', url, tenantId, id], { encoding: 'utf8', env: process.env });
  if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split('\n').pop());
  const [row] = await owner.query(`SELECT status, row_count, created, updated, unchanged, skipped, problem_count FROM school_imports WHERE id = $1`, [id]);
  return { ...measured, outcome: row };
}

try {
  const first = await storeUpload();
  const fresh = await measuredImport(first.id);
  const second = await storeUpload();
  const again = await measuredImport(second.id);
  const result = {
    name: NAME,
    rows: ROWS,
    fileMB: Math.round((first.bytes / 1024 / 1024) * 10) / 10,
    firstImport: fresh,
    reImport: again,
    goal: { seconds: GOAL_SECONDS, peakRssMB: GOAL_MB },
    withinGoal: fresh.seconds < GOAL_SECONDS && fresh.peakRssMB < GOAL_MB && again.seconds < GOAL_SECONDS && again.peakRssMB < GOAL_MB,
    date: new Date().toISOString(),
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'gias-import.json'), `${JSON.stringify(result, null, 2)}\n`);
  const line = (label, run) =>
    `  ${label.padEnd(22)}${run.seconds} s, peak memory (RSS) ${run.peakRssMB} MB; ${run.outcome.status}: ${run.outcome.created} created, ${run.outcome.updated} updated, ${run.outcome.unchanged} unchanged, ${run.outcome.skipped} skipped`;
  console.log(`${NAME}
  file:                 ${ROWS.toLocaleString('en-GB')} rows, ${result.fileMB} MB
${line('first import:', fresh)}
${line('re-import:', again)}
  goal:                 under ${GOAL_SECONDS} s and ${GOAL_MB} MB: ${result.withinGoal ? 'met' : 'NOT MET'}
  written to:           bench/results/gias-import.json`);
} finally {
  await app.destroy();
  await owner.destroy();
  await dropDatabase(url);
}
