import type { DataSource } from 'typeorm';
import { createDataSource, createFreshDatabase, Database, dropDatabase, resolveDatabaseUrls, seedDemo } from '../../src';

export interface SeededDatabase {
  url: string;
  /** The owner role: sees everything, for arranging and checking. */
  owner: DataSource;
  /** The application role, as requests use it. */
  app: DataSource;
  db: Database;
  tenantId(slug: string): Promise<string>;
  userId(email: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh migrated database with the demo data (seeded `seedTimes` times), owner and application connections. */
export async function seededDatabase(name: string, seedTimes = 1): Promise<SeededDatabase> {
  const url = await createFreshDatabase(name);
  const urls = resolveDatabaseUrls({ DATABASE_URL: url });
  const owner = createDataSource({ url: urls.owner, embedded: false });
  await owner.initialize();
  for (let i = 0; i < seedTimes; i++) await seedDemo(owner, 'test');
  const app = createDataSource({ url: urls.app, embedded: false });
  await app.initialize();
  const one = async (sql: string, value: string) => ((await owner.query(sql, [value])) as { id: string }[])[0].id;
  return {
    url,
    owner,
    app,
    db: new Database(app),
    tenantId: (slug) => one(`SELECT id FROM tenants WHERE slug = $1`, slug),
    userId: (email) => one(`SELECT id FROM users WHERE email = $1`, email),
    async close() {
      await app.destroy();
      await owner.destroy();
      await dropDatabase(url);
    },
  };
}
