import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing, second step: what the school portal and reminders need on an invoice.
 * - `pending_payment_intent_id` / `pending_payment_method`: a Bacs Direct Debit takes days to
 *   clear; meanwhile the invoice says so and a second online payment is refused. Cleared when
 *   the payment succeeds or fails (only by the same payment intent, so events out of order
 *   cannot clear a newer one).
 * - `reminders_sent`: the reminder steps already sent (or passed), so each is sent once.
 * - `transfer_chosen_at`: the school said it will pay by bank transfer.
 */
export class BillingPayments1764600000001 implements MigrationInterface {
  name = 'BillingPayments1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices
      ADD COLUMN pending_payment_intent_id text,
      ADD COLUMN pending_payment_method text CHECK (pending_payment_method IN ('card', 'bacs_debit')),
      ADD COLUMN reminders_sent text[] NOT NULL DEFAULT '{}',
      ADD COLUMN transfer_chosen_at timestamptz,
      DROP COLUMN last_reminder`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices DROP COLUMN pending_payment_intent_id, DROP COLUMN pending_payment_method, DROP COLUMN reminders_sent,
      DROP COLUMN transfer_chosen_at, ADD COLUMN last_reminder text`);
  }
}
