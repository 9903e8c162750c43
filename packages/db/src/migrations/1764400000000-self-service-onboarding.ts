import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Self-service onboarding (issue 3): e-mail verification tokens, a partnership's notice rule,
 * suspension by the platform operator, and member counts for the operator's view.
 */
export class SelfServiceOnboarding1764400000000 implements MigrationInterface {
  name = 'SelfServiceOnboarding1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per sign-up attempt. The password chosen at sign-up waits here (hashed) and is set
    // on the account only when its own link is followed, so someone who signs up with another
    // person's address can never choose that person's password.
    await q.query(`CREATE TABLE email_verifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      token_hash text NOT NULL CONSTRAINT email_verifications_token_hash_key UNIQUE,
      name text NOT NULL,
      password_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX email_verifications_user_idx ON email_verifications (user_id)`);
    await q.query(`CREATE TRIGGER email_verifications_audit AFTER INSERT OR UPDATE OR DELETE ON email_verifications FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON email_verifications TO ${APP_ROLE}`);

    await q.query(`ALTER TABLE tenants
      ADD COLUMN IF NOT EXISTS notice_rule jsonb,
      ADD COLUMN suspended_at timestamptz,
      ADD COLUMN suspended_reason text`);
    await q.query(`ALTER TABLE tenants ADD CONSTRAINT tenants_plan_check CHECK (plan IN ('trial', 'small', 'medium', 'large'))`);
    await q.query(`CREATE INDEX tenants_directory_idx ON tenants (name) WHERE listed AND status = 'active'`);

    // The operator's list shows each partnership's member count; memberships are tenant rows
    // behind row-level security, so this narrow owner-run function answers counts only.
    await q.query(`CREATE FUNCTION tenant_member_counts() RETURNS TABLE (tenant_id uuid, members integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT m.tenant_id, count(*)::int FROM memberships m WHERE m.status NOT IN ('left', 'prospect') GROUP BY m.tenant_id $$`);
    await q.query(`REVOKE ALL ON FUNCTION tenant_member_counts() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION tenant_member_counts() TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS tenant_member_counts()`);
    await q.query(`DROP INDEX IF EXISTS tenants_directory_idx`);
    await q.query(`ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_plan_check,
      DROP COLUMN IF EXISTS suspended_reason, DROP COLUMN IF EXISTS suspended_at`);
    await q.query(`DROP TABLE IF EXISTS email_verifications`);
  }
}
