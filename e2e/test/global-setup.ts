import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { relative } from 'node:path';
import { API_MAIN, ARTIFACTS, CHROMIUM_PATH, E2E_REDIS_URL, ROOT, TEST_PG_URL, WEB_MAIN } from './support/paths';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Say at once, in one message, everything that would make every browser test fail:
 * no Chromium, nothing built (this package builds nothing itself), services down.
 */
export default async function setup() {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) {
    problems.push(
      `Chromium is missing: nothing at ${CHROMIUM_PATH}. Install Debian's Chromium (\`apt-get install -y chromium\`) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  for (const file of [API_MAIN, WEB_MAIN]) {
    if (!existsSync(file)) problems.push(`${relative(ROOT, file)} is missing: build first with \`pnpm turbo run build\` (the e2e tests build nothing themselves).`);
  }
  const pg = new URL(TEST_PG_URL);
  const redis = new URL(E2E_REDIS_URL);
  if (!(await reachable(pg.hostname, Number(pg.port || 5432)))) problems.push(`PostgreSQL is not reachable at ${pg.hostname}:${pg.port || 5432}.`);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) problems.push(`Redis is not reachable at ${redis.hostname}:${redis.port || 6379}.`);
  if (problems.some((p) => p.includes('not reachable'))) problems.push('Start the services with `bash infra/start-local-services.sh` (or `docker compose -f infra/compose.yaml up -d`).');
  if (problems.length) throw new Error(`The browser tests cannot run:\n  - ${problems.join('\n  - ')}`);
  mkdirSync(ARTIFACTS, { recursive: true });
}
