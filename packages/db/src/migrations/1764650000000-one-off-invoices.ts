import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-off invoices: a school can be invoiced for anything it buys (a place on a course, a
 * booking), not only its membership fee. Such an invoice has no membership, fee schedule or
 * billing period; it carries the buyer's reference and the caller's idempotency key instead, and
 * the key is unique per partnership, so asking twice issues one invoice. Membership-fee invoices
 * keep every column they had (the check below) and their unique billing key.
 */
export class OneOffInvoices1764650000000 implements MigrationInterface {
  name = 'OneOffInvoices1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices ADD COLUMN kind text NOT NULL DEFAULT 'membership' CHECK (kind IN ('membership', 'one-off'))`);
    await q.query(`ALTER TABLE invoices ADD COLUMN reference text`);
    await q.query(`ALTER TABLE invoices ADD COLUMN idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200)`);
    await q.query(`ALTER TABLE invoices ALTER COLUMN membership_id DROP NOT NULL, ALTER COLUMN schedule_id DROP NOT NULL, ALTER COLUMN schedule_version DROP NOT NULL,
      ALTER COLUMN period_start DROP NOT NULL, ALTER COLUMN period_end DROP NOT NULL`);
    await q.query(`ALTER TABLE invoices ADD CONSTRAINT invoices_membership_fee_shape CHECK (kind <> 'membership' OR (membership_id IS NOT NULL AND schedule_id IS NOT NULL
      AND schedule_version IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL))`);
    await q.query(`ALTER TABLE invoices ADD CONSTRAINT invoices_one_off_shape CHECK (kind <> 'one-off' OR (idempotency_key IS NOT NULL AND reference IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX invoices_idempotency_key ON invoices (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM invoices WHERE kind = 'one-off'`);
    await q.query(`DROP INDEX IF EXISTS invoices_idempotency_key`);
    await q.query(`ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_one_off_shape, DROP CONSTRAINT IF EXISTS invoices_membership_fee_shape`);
    await q.query(`ALTER TABLE invoices ALTER COLUMN membership_id SET NOT NULL, ALTER COLUMN schedule_id SET NOT NULL, ALTER COLUMN schedule_version SET NOT NULL,
      ALTER COLUMN period_start SET NOT NULL, ALTER COLUMN period_end SET NOT NULL`);
    await q.query(`ALTER TABLE invoices DROP COLUMN idempotency_key, DROP COLUMN reference, DROP COLUMN kind`);
  }
}
