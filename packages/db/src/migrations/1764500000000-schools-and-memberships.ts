import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Schools, memberships and the school portal (issue 4): GIAS register imports, the
 * membership lifecycle's state and history, pupil numbers per census, school people's
 * invitations and documents shared with members.
 *
 * Decisions:
 * - `school_pupil_counts` is tenant-owned: each partnership keeps the figures its fees use,
 *   a school's correction goes to one partnership and is approved by that partnership's admin,
 *   so no partnership can change another's figures. The register's `schools.pupils` (from
 *   GIAS) is the starting point when a partnership holds no figure of its own.
 * - `school_invitations` is platform-level, like `school_roles`: a headteacher invites staff
 *   without any partnership being involved.
 * - Uploaded GIAS files are kept in `school_import_chunks` only until the import finishes
 *   (raw bytes, so no audit trigger there); the import row with its counts and problems is
 *   the record, and it is audited.
 * - History is never deleted: `membership_events` may only be added to.
 */
export class SchoolsAndMemberships1764500000000 implements MigrationInterface {
  name = 'SchoolsAndMemberships1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // The notice rule may already have been added by onboarding; NULL means one year's notice.
    await q.query(`ALTER TABLE tenants
      ADD COLUMN IF NOT EXISTS notice_rule jsonb,
      ADD COLUMN IF NOT EXISTS fee_census text NOT NULL DEFAULT 'october' CHECK (fee_census IN ('october', 'january', 'may'))`);

    await q.query(`ALTER TABLE schools
      ADD COLUMN IF NOT EXISTS statutory_low_age integer CHECK (statutory_low_age BETWEEN 0 AND 99),
      ADD COLUMN IF NOT EXISTS statutory_high_age integer CHECK (statutory_high_age BETWEEN 0 AND 99)`);
    await q.query(`CREATE INDEX IF NOT EXISTS schools_local_authority_idx ON schools (local_authority)`);

    // The lifecycle's state beyond the status: see Membership in packages/domain/src/membership.
    await q.query(`ALTER TABLE memberships
      ADD COLUMN since date,
      ADD COLUMN suspended_from text CHECK (suspended_from IN ('active', 'notice-given')),
      ADD COLUMN application jsonb,
      ADD COLUMN notice jsonb,
      ADD COLUMN left_on date`);
    await q.query(`CREATE INDEX memberships_tenant_status_idx ON memberships (tenant_id, status)`);

    await q.query(`CREATE TABLE membership_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      membership_id uuid NOT NULL REFERENCES memberships(id),
      event text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      on_date date NOT NULL,
      actor_user_id uuid REFERENCES users(id),
      actor_name text NOT NULL,
      note text,
      data jsonb,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX membership_events_membership_idx ON membership_events (tenant_id, membership_id, created_at)`);
    await q.query(`CREATE INDEX membership_events_month_idx ON membership_events (tenant_id, on_date)`);

    await q.query(`CREATE TABLE school_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      file_name text,
      byte_size bigint NOT NULL DEFAULT 0,
      encoding text CHECK (encoding IN ('utf-8', 'windows-1252')),
      bytes_read bigint NOT NULL DEFAULT 0,
      row_count integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      problems jsonb NOT NULL DEFAULT '[]',
      problem_count integer NOT NULL DEFAULT 0,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX school_imports_tenant_idx ON school_imports (tenant_id, created_at)`);

    await q.query(`CREATE TABLE school_import_chunks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      import_id uuid NOT NULL REFERENCES school_imports(id),
      seq integer NOT NULL,
      data bytea NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX school_import_chunks_seq_key ON school_import_chunks (tenant_id, import_id, seq)`);

    await q.query(`CREATE TABLE school_pupil_counts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      census text NOT NULL CHECK (census ~ '^[0-9]{4}-(01|05|10)$'),
      pupils integer NOT NULL CHECK (pupils BETWEEN 0 AND 100000),
      source text NOT NULL CHECK (source IN ('school', 'partnership')),
      status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      note text,
      submitted_by uuid REFERENCES users(id),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      decision_note text)`);
    await q.query(`CREATE INDEX school_pupil_counts_school_idx ON school_pupil_counts (tenant_id, school_id, census, submitted_at)`);

    await q.query(`CREATE TABLE tenant_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      title text NOT NULL,
      url text,
      body text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      archived_at timestamptz)`);
    await q.query(`CREATE INDEX tenant_documents_tenant_idx ON tenant_documents (tenant_id, created_at)`);

    for (const table of ['membership_events', 'school_imports', 'school_import_chunks', 'school_pupil_counts', 'tenant_documents']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    for (const table of ['membership_events', 'school_imports', 'school_import_chunks', 'tenant_documents']) {
      await q.query(`CREATE POLICY ${table}_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    }
    // A school's own people may read the figures every partnership holds for it (the school portal).
    await q.query(`CREATE POLICY school_pupil_counts_isolation ON school_pupil_counts
      USING (tenant_id = app_tenant_id() OR school_id IN (SELECT school_id FROM school_roles WHERE user_id = app_user_id()))
      WITH CHECK (tenant_id = app_tenant_id())`);
    for (const table of ['membership_events', 'school_imports', 'school_pupil_counts', 'tenant_documents']) {
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    }

    await q.query(`CREATE TABLE school_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES schools(id),
      email text NOT NULL CHECK (email = lower(email)),
      role text NOT NULL CHECK (role IN ('headteacher', 'business-manager', 'staff')),
      token_hash text NOT NULL CONSTRAINT school_invitations_token_hash_key UNIQUE,
      invited_by uuid REFERENCES users(id),
      invited_for_tenant uuid REFERENCES tenants(id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX school_invitations_school_idx ON school_invitations (school_id, created_at)`);
    await q.query(`CREATE TRIGGER school_invitations_audit AFTER INSERT OR UPDATE OR DELETE ON school_invitations FOR EACH ROW EXECUTE FUNCTION audit_row()`);

    // History is only ever added to; the upload's raw bytes are removed once read.
    await q.query(`GRANT SELECT, INSERT ON membership_events TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON school_imports, school_pupil_counts, tenant_documents, school_invitations TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON school_import_chunks TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['school_invitations', 'tenant_documents', 'school_pupil_counts', 'school_import_chunks', 'school_imports', 'membership_events']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP INDEX IF EXISTS memberships_tenant_status_idx`);
    await q.query(`ALTER TABLE memberships DROP COLUMN IF EXISTS since, DROP COLUMN IF EXISTS suspended_from, DROP COLUMN IF EXISTS application,
      DROP COLUMN IF EXISTS notice, DROP COLUMN IF EXISTS left_on`);
    await q.query(`ALTER TABLE schools DROP COLUMN IF EXISTS statutory_low_age, DROP COLUMN IF EXISTS statutory_high_age`);
    await q.query(`ALTER TABLE tenants DROP COLUMN IF EXISTS fee_census`);
  }
}
