import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { Database } from '../src';
import { type SeededDatabase, seededDatabase } from './support/seeded-database';

let owner: DataSource;
let db: Database;
let ealing: string;
let seeded: SeededDatabase;

beforeAll(async () => {
  seeded = await seededDatabase('partnerships_test_db_fees', 2); // seeding twice: it is idempotent
  ({ owner, db } = seeded);
  ealing = await seeded.tenantId('ealing');
});

afterAll(async () => {
  await seeded?.close();
});

describe('fee schedules in the database', () => {
  it('seeds both Ealing scenarios as versions of 2018-19, scenario 1 published', async () => {
    const rows = await db.inTenant(ealing, {}, (em) => em.query(`SELECT name, version, status FROM fee_schedules ORDER BY version`));
    expect(rows).toEqual([
      { name: 'Ealing Learning Partnership, scenario 1 (60 primary and 14 high schools)', version: 1, status: 'published' },
      { name: 'Ealing Learning Partnership, scenario 2 (50 primary and 14 high schools)', version: 2, status: 'draft' },
    ]);
  });

  it('refuses to change or delete a published schedule, even with hand-written SQL', async () => {
    await expect(db.inTenant(ealing, {}, (em) => em.query(`UPDATE fee_schedules SET name = 'changed' WHERE status = 'published'`))).rejects.toThrow(/cannot be changed/);
    await expect(db.inTenant(ealing, {}, (em) => em.query(`UPDATE fee_schedules SET document = '{}' WHERE status = 'published'`))).rejects.toThrow(/cannot be changed/);
    await expect(db.inTenant(ealing, {}, (em) => em.query(`DELETE FROM fee_schedules WHERE status = 'published'`))).rejects.toThrow(/cannot be deleted/);
  });

  it('allows only one published version of a period', async () => {
    await expect(db.inTenant(ealing, {}, (em) => em.query(`UPDATE fee_schedules SET status = 'published' WHERE status = 'draft'`))).rejects.toThrow(/fee_schedules_one_published_key/);
  });
});
