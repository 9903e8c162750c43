import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, bounded work: the local-authority list (every members page asks for it) is cached in
 * each API process and recomputed only when the register has changed since, which the latest
 * `schools.updated_at` tells (every import sets it on the rows it adds or changes). This index
 * makes that check one index probe instead of a scan of the register.
 */
export class SchoolsUpdatedIndex1765500000000 implements MigrationInterface {
  name = 'SchoolsUpdatedIndex1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS schools_updated_at_idx ON schools (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS schools_updated_at_idx`);
  }
}
