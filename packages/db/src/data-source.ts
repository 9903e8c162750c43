import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** Embedded PGlite serves one connection at a time: the pool must hold exactly one. */
  embedded: boolean;
  poolSize?: number;
  applicationName?: string;
}

/** One factory for every DataSource: owner (migrations, seed) and application (requests, jobs). */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName ?? 'partnerships',
    extra: { max: settings.embedded ? 1 : (settings.poolSize ?? 10) },
  });
}

/** Run pending migrations with the owner role, then close. Safe to call at every start. */
export async function migrate(settings: DataSourceSettings): Promise<string[]> {
  const ds = createDataSource({ ...settings, applicationName: 'partnerships-migrate' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/**
 * The names of the migrations this code knows that the database has not recorded in
 * schema_migrations yet: all of them while the database or the table is not there.
 */
export async function pendingMigrations(settings: DataSourceSettings): Promise<string[]> {
  const known = MIGRATIONS.map((M) => new M().name as string);
  const ds = createDataSource({ ...settings, applicationName: 'partnerships-migration-check' });
  try {
    await ds.initialize();
    const rows: { name: string }[] = await ds.query(`SELECT name FROM schema_migrations`);
    const applied = new Set(rows.map((r) => r.name));
    return known.filter((name) => !applied.has(name));
  } catch {
    return known;
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

/**
 * Waits until every migration this code knows has been applied (by the process that migrates:
 * the API in full mode), checking every `intervalMs`; throws after `timeoutMs`.
 */
export async function waitForMigrations(
  settings: DataSourceSettings,
  options: { timeoutMs: number; intervalMs?: number; onWaiting?: (pending: string[]) => void },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let told = false;
  for (;;) {
    const pending = await pendingMigrations(settings);
    if (pending.length === 0) return;
    if (!told) {
      options.onWaiting?.(pending);
      told = true;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `The database still lacks ${pending.length} migration(s) after ${Math.round(options.timeoutMs / 1000)} s (${pending.join(', ')}). ` +
          'Start the API, which applies them, or check that DATABASE_URL names the same database.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}
