import { createDataSource, createFreshDatabase, Database, type DataSource, dropDatabase, resolveDatabaseUrls, seedDemo } from '@partnerships/db';

/** A fresh database with the demo seed: the owner connection, the application role's (row-level security applies) and the Database over it. */
export interface DemoDatabase {
  url: string;
  owner: DataSource;
  app: DataSource;
  db: Database;
  close(): Promise<void>;
}

export async function openDemoDatabase(name: string): Promise<DemoDatabase> {
  const url = await createFreshDatabase(name);
  const urls = resolveDatabaseUrls({ DATABASE_URL: url });
  const owner = createDataSource({ url: urls.owner, embedded: false });
  await owner.initialize();
  await seedDemo(owner, 'test');
  const app = createDataSource({ url: urls.app, embedded: false });
  await app.initialize();
  return {
    url,
    owner,
    app,
    db: new Database(app),
    async close() {
      await app.destroy();
      await owner.destroy();
      await dropDatabase(url);
    },
  };
}
