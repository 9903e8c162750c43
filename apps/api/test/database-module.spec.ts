import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createDataSource, createFreshDatabase, Database, dropDatabase, Tenant } from '@partnerships/db';
import type { Runtime } from '@partnerships/jobs';
import { DataSource, EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL } from './support/services';
import { DatabaseModule } from '../src/runtime/database.module';

let url: string;
let dataSource: DataSource;

beforeAll(async () => {
  url = await createFreshDatabase('partnerships_test_database_module', TEST_PG_URL);
  dataSource = createDataSource({ url, embedded: false, poolSize: 2 });
  await dataSource.initialize();
});

afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  if (url) await dropDatabase(url);
});

describe('DatabaseModule', () => {
  it("provides the runtime's DataSource through TypeORM's module (one pool) and builds Database from it, leaving closing to the runtime", async () => {
    const runtime = { dataSource, db: new Database(dataSource) } as unknown as Runtime;
    const moduleRef = await Test.createTestingModule({ imports: [DatabaseModule.forRuntime(runtime)] }).compile();
    await moduleRef.init();

    const provided = moduleRef.get(DataSource);
    expect(moduleRef.get(getDataSourceToken())).toBe(provided);
    // The same driver, hence the same pg pool: no second pool is opened.
    expect(provided.driver).toBe(dataSource.driver);
    expect(moduleRef.get(EntityManager)).toBe(dataSource.manager);

    const db = moduleRef.get(Database);
    expect(db.dataSource).toBe(provided);
    const role = await db.asPlatform({}, async (em) => ((await em.query(`SELECT current_user AS name`)) as { name: string }[])[0].name);
    expect(role).toBe('partnerships_app');
    expect(await moduleRef.get(EntityManager).getRepository(Tenant).count()).toBe(0);

    await moduleRef.close();
    // Nest's shutdown must not close the runtime's pool: jobs may still be finishing on it.
    expect(dataSource.isInitialized).toBe(true);
    expect(await runtime.db.ping()).toBe(true);
  });
});
