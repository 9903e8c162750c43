import { Client } from 'pg';
import { migrate } from '../data-source';

/**
 * For tests: drop and recreate a database on the server named by baseUrl, then migrate it.
 * Each test suite names its own database so packages can run their tests side by side.
 */
export async function createFreshDatabase(name: string, baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Bad test database name ${name}`);
  const admin = new Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redact(baseUrl)} (${(error as Error).message}). ` +
        'Start it with: bash infra/start-local-services.sh',
    );
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrate({ url: url.toString(), embedded: false });
  return url.toString();
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
