import { Client } from 'pg';
import { migrate } from '../data-source';

/**
 * For tests: drop and recreate a database on the server named by baseUrl, then migrate it.
 * Each test suite names its own database so packages can run their tests side by side.
 */
export async function createFreshDatabase(baseName: string, baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(baseName)) throw new Error(`Bad test database name ${baseName}`);
  // The process id keeps two runs of the same suite (two terminals, or CI beside a developer) apart.
  const name = `${baseName}_${process.pid}`;
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

/** Drop a database made by createFreshDatabase (at the end of a suite). */
export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^partnerships_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop ${name}: not a test database`);
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
