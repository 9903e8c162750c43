import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, school attributes that fee rules need.
 *
 * - The platform register keeps what GIAS says about each school beyond phase and type: whether it
 *   has a sixth form (OfficialSixthForm), when it opened (OpenDate), its trust (Trusts (name)) and
 *   federation (Federations (name)), its religious character and diocese, and its district
 *   (DistrictAdministrative (name)).
 * - A partnership may correct or add to these for its own members: `memberships.fee_facts` holds its
 *   overrides (sixth form, opening date, federations or trusts, diocese, its own area). The row is the
 *   membership's, so it is tenant-owned through the membership's (tenant_id, id) key and its RLS policy.
 */
export class SchoolFeeFacts1765400000000 implements MigrationInterface {
  name = 'SchoolFeeFacts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE schools
        ADD COLUMN IF NOT EXISTS sixth_form boolean,
        ADD COLUMN IF NOT EXISTS opened_on date,
        ADD COLUMN IF NOT EXISTS trust text,
        ADD COLUMN IF NOT EXISTS federation text,
        ADD COLUMN IF NOT EXISTS religious_character text,
        ADD COLUMN IF NOT EXISTS diocese text,
        ADD COLUMN IF NOT EXISTS district text`);
    await q.query(`ALTER TABLE memberships ADD COLUMN IF NOT EXISTS fee_facts jsonb`);
    await q.query(`ALTER TABLE memberships ADD CONSTRAINT memberships_fee_facts_object CHECK (fee_facts IS NULL OR jsonb_typeof(fee_facts) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_fee_facts_object`);
    await q.query(`ALTER TABLE memberships DROP COLUMN IF EXISTS fee_facts`);
    await q.query(`
      ALTER TABLE schools
        DROP COLUMN IF EXISTS sixth_form, DROP COLUMN IF EXISTS opened_on, DROP COLUMN IF EXISTS trust, DROP COLUMN IF EXISTS federation,
        DROP COLUMN IF EXISTS religious_character, DROP COLUMN IF EXISTS diocese, DROP COLUMN IF EXISTS district`);
  }
}
