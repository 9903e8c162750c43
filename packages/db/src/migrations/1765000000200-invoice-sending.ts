import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Issue 13, sending and receipts.
 *
 * - `invoices.sent_at`: when the invoice was first e-mailed to the school, so "Send all" sends
 *   only what has not gone yet (unless the partnership asks to send again).
 * - `billing_runs.send_invoices`: the run was asked to e-mail each invoice it issues.
 * - `invoice_payments.receipt_sent_at`: the receipt (to the school) and the notice (to the
 *   partnership) for a payment went out; each payment's are sent once, however often Stripe
 *   replays its events.
 */
export class InvoiceSending1765000000200 implements MigrationInterface {
  name = 'InvoiceSending1765000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices ADD COLUMN IF NOT EXISTS sent_at timestamptz`);
    await q.query(`ALTER TABLE billing_runs ADD COLUMN IF NOT EXISTS send_invoices boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE invoice_payments ADD COLUMN IF NOT EXISTS receipt_sent_at timestamptz`);
    // Payments stay append-only: the application may set only when their receipt went out.
    await q.query(`GRANT UPDATE (receipt_sent_at) ON invoice_payments TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE (receipt_sent_at) ON invoice_payments FROM ${APP_ROLE}`);
    await q.query(`ALTER TABLE invoice_payments DROP COLUMN IF EXISTS receipt_sent_at`);
    await q.query(`ALTER TABLE billing_runs DROP COLUMN IF EXISTS send_invoices`);
    await q.query(`ALTER TABLE invoices DROP COLUMN IF EXISTS sent_at`);
  }
}
