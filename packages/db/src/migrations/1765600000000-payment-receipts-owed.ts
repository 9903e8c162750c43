import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment's receipt, as an outbox on the payment itself (ADR 0004): `invoice_payments.receipt_due`
 * is set in the same transaction that records the payment, so a receipt is owed exactly when the
 * money is recorded, whether or not the job queue answered afterwards. `receipt_sent_at` (1765000000200)
 * says it went out. The receipts sweep queues again every payment whose receipt is due and not sent.
 *
 * Payments recorded before this migration keep `receipt_due = false`: no receipt for old money
 * goes out unasked. The partial index is what the sweep reads (it stays tiny: a row leaves it once
 * its receipt is sent).
 */
export class PaymentReceiptsOwed1765600000000 implements MigrationInterface {
  name = 'PaymentReceiptsOwed1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoice_payments ADD COLUMN IF NOT EXISTS receipt_due boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX IF NOT EXISTS invoice_payments_receipt_owed_idx ON invoice_payments (tenant_id, created_at) WHERE receipt_due AND receipt_sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS invoice_payments_receipt_owed_idx`);
    await q.query(`ALTER TABLE invoice_payments DROP COLUMN IF EXISTS receipt_due`);
  }
}
