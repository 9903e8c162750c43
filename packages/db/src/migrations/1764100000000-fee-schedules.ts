import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Fee schedules: one row per version. A published version is immutable (enforced here,
 * not only in code); publishing a new version of the same period supersedes the old one.
 */
export class FeeSchedules1764100000000 implements MigrationInterface {
  name = 'FeeSchedules1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fee_schedules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL,
      period_kind text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      period_label text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
      document jsonb NOT NULL,
      published_at timestamptz,
      published_by uuid REFERENCES users(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end > period_start))`);
    await q.query(`CREATE UNIQUE INDEX fee_schedules_period_version_key ON fee_schedules (tenant_id, period_start, period_end, version)`);
    // At most one published version of a period at a time.
    await q.query(`CREATE UNIQUE INDEX fee_schedules_one_published_key ON fee_schedules (tenant_id, period_start, period_end) WHERE status = 'published'`);
    await q.query(`CREATE INDEX fee_schedules_tenant_status_idx ON fee_schedules (tenant_id, status, period_start)`);

    await q.query(`ALTER TABLE fee_schedules ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE fee_schedules FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY fee_schedules_isolation ON fee_schedules
      USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);

    await q.query(`CREATE FUNCTION fee_schedules_guard_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'a published fee schedule cannot be deleted' USING ERRCODE = 'check_violation'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'draft' THEN RETURN NEW; END IF;
        -- Published or superseded: only published -> superseded may change, and nothing else with it.
        IF OLD.status = 'published' AND NEW.status = 'superseded'
           AND NEW.document = OLD.document AND NEW.name = OLD.name AND NEW.version = OLD.version
           AND NEW.period_start = OLD.period_start AND NEW.period_end = OLD.period_end THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a published fee schedule cannot be changed: make a new version' USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`CREATE TRIGGER fee_schedules_guard BEFORE UPDATE OR DELETE ON fee_schedules FOR EACH ROW EXECUTE FUNCTION fee_schedules_guard_published()`);
    await q.query(`CREATE TRIGGER fee_schedules_audit AFTER INSERT OR UPDATE OR DELETE ON fee_schedules FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON fee_schedules TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS fee_schedules`);
    await q.query(`DROP FUNCTION IF EXISTS fee_schedules_guard_published()`);
  }
}
