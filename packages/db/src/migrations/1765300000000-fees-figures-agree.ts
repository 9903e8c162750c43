import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, fees and billing figures must agree.
 *
 * - A voided invoice no longer blocks re-billing: the billing key (one invoice per membership,
 *   period, schedule version and part) now leaves void invoices out, so a corrected invoice can be
 *   issued for the same part while the void one stays in the history. It still includes
 *   `tenant_id`, like every unique index on a tenant-owned table.
 * - Pupil numbers far from the register's or last year's wait for the admin's confirmation:
 *   `school_pupil_counts.status` may be `needs-confirmation`, with the reason in `check_note`.
 */
export class FeesFiguresAgree1765300000000 implements MigrationInterface {
  name = 'FeesFiguresAgree1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS invoices_billing_key`);
    await q.query(
      `CREATE UNIQUE INDEX invoices_billing_key ON invoices (tenant_id, membership_id, period_start, schedule_id, schedule_version, part) WHERE status <> 'void'`,
    );
    await q.query(`ALTER TABLE school_pupil_counts DROP CONSTRAINT IF EXISTS school_pupil_counts_status_check`);
    await q.query(`ALTER TABLE school_pupil_counts ADD CONSTRAINT school_pupil_counts_status_check CHECK (status IN ('pending', 'needs-confirmation', 'approved', 'rejected'))`);
    await q.query(`ALTER TABLE school_pupil_counts ADD COLUMN IF NOT EXISTS check_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE school_pupil_counts DROP COLUMN IF EXISTS check_note`);
    await q.query(`UPDATE school_pupil_counts SET status = 'pending' WHERE status = 'needs-confirmation'`);
    await q.query(`ALTER TABLE school_pupil_counts DROP CONSTRAINT IF EXISTS school_pupil_counts_status_check`);
    await q.query(`ALTER TABLE school_pupil_counts ADD CONSTRAINT school_pupil_counts_status_check CHECK (status IN ('pending', 'approved', 'rejected'))`);
    await q.query(`DROP INDEX IF EXISTS invoices_billing_key`);
    await q.query(`CREATE UNIQUE INDEX invoices_billing_key ON invoices (tenant_id, membership_id, period_start, schedule_id, schedule_version, part)`);
  }
}
