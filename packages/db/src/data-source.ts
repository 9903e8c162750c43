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
