import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, hardening.
 *
 * The audit log's insert policy accepted any row (`WITH CHECK (true)`), so code running for one
 * partnership could write entries into another's log. Now the application role may only add rows
 * for the current tenant, or platform rows (no tenant). The audit triggers, which must record
 * platform-level writes to a partnership's rows too (an operator suspending it, a Stripe event
 * updating its subscription: no current tenant, but the row's tenant is known), run as the owner
 * (SECURITY DEFINER), whose own policy accepts the row the trigger computed. Trigger functions
 * cannot be called directly, so this widens nothing for the application.
 */
export class Hardening1765000000000 implements MigrationInterface {
  name = 'Hardening1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS audit_log_append ON audit_log`);
    await q.query(`CREATE POLICY audit_log_append ON audit_log FOR INSERT
      WITH CHECK (tenant_id IS NULL OR tenant_id = app_tenant_id())`);
    await q.query(`DO $$ BEGIN
      EXECUTE format('CREATE POLICY audit_log_trigger_append ON audit_log FOR INSERT TO %I WITH CHECK (true)', current_user);
    END $$`);
    for (const fn of ['audit_row()', 'audit_row_redacted()']) {
      await q.query(`DO $$ BEGIN
        IF to_regprocedure('${fn}') IS NOT NULL THEN
          ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = public, pg_temp;
        END IF;
      END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of ['audit_row()', 'audit_row_redacted()']) {
      await q.query(`DO $$ BEGIN
        IF to_regprocedure('${fn}') IS NOT NULL THEN
          ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path;
        END IF;
      END $$`);
    }
    await q.query(`DROP POLICY IF EXISTS audit_log_trigger_append ON audit_log`);
    await q.query(`DROP POLICY IF EXISTS audit_log_append ON audit_log`);
    await q.query(`CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true)`);
  }
}
