import { createConnection } from 'node:net';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export async function assertServicesReachable(): Promise<void> {
  const pg = new URL(TEST_PG_URL);
  const redis = new URL(TEST_REDIS_URL);
  const problems: string[] = [];
  if (!(await reachable(pg.hostname, Number(pg.port || 5432)))) problems.push(`PostgreSQL is not reachable at ${pg.hostname}:${pg.port || 5432}`);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) problems.push(`Redis is not reachable at ${redis.hostname}:${redis.port || 6379}`);
  if (problems.length) {
    throw new Error(`${problems.join('; ')}. The tests run against real services: start them with \`bash infra/start-local-services.sh\` (or \`docker compose -f infra/compose.yaml up -d\`).`);
  }
}
