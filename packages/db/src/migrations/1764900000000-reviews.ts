import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { protectTenantTables } from './tenant-table';

/**
 * Peer review programmes and confidential school development reviews (issue 12).
 *
 * Decisions:
 * - Every table is tenant-owned with the usual isolation policy, FORCE row-level security, the
 *   audit trigger and grants to the application role.
 * - A cycle planned by the domain's `planReviewCycle` is stored as reviews with no `confirmed_at`
 *   (the proposal); the coordinator adjusts visits and people, then confirms. A participant whose
 *   school conflicts carries the coordinator's override reason and the conflicts it overrode.
 * - Confidential school development reviews: the report's content lives in `sdr_reports` alone,
 *   whose row-level security policy, besides the tenant, requires the current user (`app.user_id`)
 *   to be the review's reviewer, a headteacher of the school reviewed, or the recipient of an active
 *   share (named, or holding a seat on a body it is shared with). Only the reviewer may write it.
 *   So not even a tenant admin's generic query, nor any export built on it, can read the content.
 * - `sdr_reports` is audited by `audit_row_redacted('content')`: the audit entry records that the
 *   report changed, by whom and when, with the content replaced by "(redacted)", so the audit view
 *   never carries it. `sdr_reads` is append-only (no UPDATE or DELETE granted): who read, when.
 */
const TABLES = [
  'review_programmes', 'review_groups', 'review_group_members', 'reviews', 'review_participants', 'review_reports', 'review_actions', 'reviewer_training',
  'sdr_requirements', 'sdr_reviews', 'sdr_shares', 'sdr_reads',
] as const;

export class Reviews1764900000000 implements MigrationInterface {
  name = 'Reviews1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE review_programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      framework text,
      cycle_years integer NOT NULL DEFAULT 2 CHECK (cycle_years BETWEEN 1 AND 5),
      first_academic_year_start integer NOT NULL CHECK (first_academic_year_start BETWEEN 2000 AND 2100),
      team_members integer NOT NULL DEFAULT 1 CHECK (team_members BETWEEN 0 AND 6),
      conflict_rules jsonb NOT NULL DEFAULT '{}',
      coordinator_user_id uuid REFERENCES users(id),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX review_programmes_tenant_idx ON review_programmes (tenant_id, created_at)`);

    await q.query(`CREATE TABLE review_groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      programme_id uuid NOT NULL REFERENCES review_programmes(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      formed_by text NOT NULL CHECK (formed_by IN ('cluster', 'area', 'phase', 'trust', 'diocese', 'cross_phase', 'hand')),
      body_id uuid REFERENCES bodies(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX review_groups_programme_idx ON review_groups (tenant_id, programme_id)`);

    await q.query(`CREATE TABLE review_group_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      group_id uuid NOT NULL REFERENCES review_groups(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX review_group_members_key ON review_group_members (tenant_id, group_id, school_id)`);

    await q.query(`CREATE TABLE reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      programme_id uuid NOT NULL REFERENCES review_programmes(id),
      group_id uuid REFERENCES review_groups(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      academic_year_start integer NOT NULL CHECK (academic_year_start BETWEEN 2000 AND 2100),
      visit_on date,
      focus text,
      focus_agreed_at timestamptz,
      focus_agreed_by uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'draft', 'head_response', 'final', 'cancelled')),
      qa_approved boolean NOT NULL DEFAULT false,
      previous_review_id uuid REFERENCES reviews(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX reviews_school_year_key ON reviews (tenant_id, programme_id, school_id, academic_year_start) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX reviews_school_idx ON reviews (tenant_id, school_id, academic_year_start)`);

    await q.query(`CREATE TABLE review_participants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      review_id uuid NOT NULL REFERENCES reviews(id),
      user_id uuid NOT NULL REFERENCES users(id),
      school_id uuid REFERENCES schools(id),
      role text NOT NULL CHECK (role IN ('lead', 'member', 'qa')),
      conflict_override_reason text,
      overridden_conflicts jsonb,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX review_participants_key ON review_participants (tenant_id, review_id, user_id)`);
    await q.query(`CREATE UNIQUE INDEX review_participants_lead_key ON review_participants (tenant_id, review_id) WHERE role = 'lead'`);
    await q.query(`CREATE INDEX review_participants_user_idx ON review_participants (tenant_id, user_id)`);

    await q.query(`CREATE TABLE review_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      review_id uuid NOT NULL REFERENCES reviews(id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('draft', 'head_response', 'final', 'qa')),
      body text NOT NULL,
      approved boolean,
      author_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX review_reports_version_key ON review_reports (tenant_id, review_id, version)`);

    await q.query(`CREATE TABLE review_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      review_id uuid NOT NULL REFERENCES reviews(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      owner text,
      due_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'carried_forward')),
      follow_up_note text,
      carried_from_action_id uuid REFERENCES review_actions(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX review_actions_review_idx ON review_actions (tenant_id, review_id)`);

    await q.query(`CREATE TABLE reviewer_training (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid NOT NULL REFERENCES users(id),
      course text NOT NULL CHECK (length(course) BETWEEN 1 AND 200),
      completed_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX reviewer_training_user_idx ON reviewer_training (tenant_id, user_id)`);

    // Confidential school development reviews.
    await q.query(`CREATE TABLE sdr_requirements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      category_code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX sdr_requirements_key ON sdr_requirements (tenant_id, category_code)`);

    await q.query(`CREATE TABLE sdr_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      academic_year_start integer NOT NULL CHECK (academic_year_start BETWEEN 2000 AND 2100),
      reviewer_user_id uuid REFERENCES users(id),
      reviewer_email text NOT NULL,
      invitation_id uuid REFERENCES invitations(id),
      visit_on date,
      report_ready_at timestamptz,
      appointed_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX sdr_reviews_school_year_key ON sdr_reviews (tenant_id, school_id, academic_year_start)`);
    await q.query(`CREATE INDEX sdr_reviews_reviewer_idx ON sdr_reviews (tenant_id, reviewer_user_id)`);

    await q.query(`CREATE TABLE sdr_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      sdr_review_id uuid NOT NULL REFERENCES sdr_reviews(id),
      content text NOT NULL,
      updated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX sdr_reports_review_key ON sdr_reports (tenant_id, sdr_review_id)`);

    await q.query(`CREATE TABLE sdr_shares (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      sdr_review_id uuid NOT NULL REFERENCES sdr_reviews(id),
      user_id uuid REFERENCES users(id),
      body_id uuid REFERENCES bodies(id),
      shared_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      CHECK ((user_id IS NULL) <> (body_id IS NULL)))`);
    await q.query(`CREATE INDEX sdr_shares_review_idx ON sdr_shares (tenant_id, sdr_review_id)`);

    await q.query(`CREATE TABLE sdr_reads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      sdr_review_id uuid NOT NULL REFERENCES sdr_reviews(id),
      user_id uuid NOT NULL REFERENCES users(id),
      reader_kind text NOT NULL CHECK (reader_kind IN ('reviewer', 'head', 'share')),
      read_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX sdr_reads_review_idx ON sdr_reads (tenant_id, sdr_review_id, read_at)`);

    await protectTenantTables(q, TABLES);

    // The confidential content: readable only by the reviewer, the school's headteacher and active share recipients;
    // written only by the reviewer. `app_user_id()` is current_setting('app.user_id', true) as a uuid.
    await q.query(`CREATE FUNCTION sdr_report_reader(p_review uuid) RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT EXISTS (
        SELECT 1 FROM sdr_reviews r
        WHERE r.id = p_review AND r.tenant_id = app_tenant_id() AND app_user_id() IS NOT NULL AND (
          r.reviewer_user_id = app_user_id()
          OR EXISTS (SELECT 1 FROM school_roles sr WHERE sr.school_id = r.school_id AND sr.user_id = app_user_id() AND sr.role = 'headteacher')
          OR EXISTS (SELECT 1 FROM sdr_shares s WHERE s.sdr_review_id = r.id AND s.tenant_id = r.tenant_id AND s.revoked_at IS NULL
                     AND (s.user_id = app_user_id()
                          OR s.body_id IN (SELECT h.body_id FROM seat_holdings h WHERE h.tenant_id = r.tenant_id AND h.user_id = app_user_id() AND h.ends_on IS NULL))))) $$`);
    await q.query(`CREATE FUNCTION sdr_report_writer(p_review uuid) RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT EXISTS (SELECT 1 FROM sdr_reviews r WHERE r.id = p_review AND r.tenant_id = app_tenant_id() AND app_user_id() IS NOT NULL AND r.reviewer_user_id = app_user_id()) $$`);
    await q.query(`ALTER TABLE sdr_reports ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE sdr_reports FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY sdr_reports_read ON sdr_reports FOR SELECT USING (tenant_id = app_tenant_id() AND sdr_report_reader(sdr_review_id))`);
    await q.query(`CREATE POLICY sdr_reports_insert ON sdr_reports FOR INSERT WITH CHECK (tenant_id = app_tenant_id() AND sdr_report_writer(sdr_review_id))`);
    await q.query(`CREATE POLICY sdr_reports_update ON sdr_reports FOR UPDATE
      USING (tenant_id = app_tenant_id() AND sdr_report_writer(sdr_review_id)) WITH CHECK (tenant_id = app_tenant_id() AND sdr_report_writer(sdr_review_id))`);

    // The audit trigger for a table with confidential columns: as audit_row(), with the columns named in the
    // trigger's arguments replaced by "(redacted)", so the audit log records that they changed and never what to.
    await q.query(`CREATE FUNCTION audit_row_redacted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
        row_data jsonb := coalesce(new_row, old_row);
        changes jsonb;
        redacted jsonb;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          SELECT coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb) INTO changes
            FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM old_row -> n.key;
        ELSE
          changes := row_data;
        END IF;
        SELECT coalesce(jsonb_object_agg(k, '"(redacted)"'::jsonb), '{}'::jsonb) INTO redacted
          FROM jsonb_object_keys(changes) k WHERE k = ANY (TG_ARGV) OR k IN ('password_hash', 'token_hash', 'csrf_token');
        changes := changes || redacted;
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_table, entity_id, detail)
        VALUES ((row_data ->> 'tenant_id')::uuid, app_user_id(), TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, row_data ->> 'id', changes);
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER sdr_reports_audit AFTER INSERT OR UPDATE OR DELETE ON sdr_reports FOR EACH ROW EXECUTE FUNCTION audit_row_redacted('content')`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.filter((t) => t !== 'sdr_reads').join(', ')}, sdr_reports TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON sdr_reads TO ${APP_ROLE}`);
    // Groups' schools and a review's people may be changed by the coordinator; history tables may not.
    await q.query(`GRANT DELETE ON review_group_members, review_participants, sdr_requirements TO ${APP_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION sdr_report_reader(uuid), sdr_report_writer(uuid) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sdr_reports`);
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS sdr_report_reader(uuid), sdr_report_writer(uuid), audit_row_redacted()`);
  }
}
