#!/usr/bin/env node
// `pnpm test`: every test, in full mode against this machine's PostgreSQL and Redis.
// Fails at once, naming the command that starts them, when either is not reachable.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { reachable, requireNode22, root, runOrExit } from './lib.mjs';

requireNode22();
process.env.TURBO_TELEMETRY_DISABLED = '1';
const pg = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const down = [];
if (!(await reachable(pg.hostname, Number(pg.port || 5432)))) down.push(`PostgreSQL (${pg.hostname}:${pg.port || 5432})`);
if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) down.push(`Redis (${redis.hostname}:${redis.port || 6379})`);
if (down.length) {
  console.error(`The tests need ${down.join(' and ')}, which ${down.length > 1 ? 'are' : 'is'} not reachable.
Start them with:  bash infra/start-local-services.sh
(or with Docker:  docker compose -f infra/compose.yaml up -d)`);
  process.exit(1);
}

const packages = ['packages/config', 'packages/domain', 'packages/db', 'packages/jobs', 'packages/stripe-fake', 'apps/api', 'apps/worker', 'apps/web', 'e2e'];
for (const dir of packages) rmSync(join(root, dir, 'test-results.json'), { force: true });

runOrExit('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--continue', '--', '--reporter=default', '--reporter=json', '--outputFile.json=test-results.json'], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packages) {
  const file = join(root, dir, 'test-results.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numFailedTestSuites > report.numFailedTests) failed += report.numFailedTestSuites - report.numFailedTests;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(result.status !== 0 || failed > 0 ? 1 : 0);
