import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * School improvement, the data half (issue 12): data rounds, brokerage of support, schools causing
 * concern, the annual report.
 *
 * Decisions:
 * - Every table is tenant-owned with the usual isolation policy, FORCE row-level security, the
 *   audit trigger and grants to the application role. Nothing is deleted: history is kept.
 * - A data set's indicators are rows (`data_set_indicators`), copied by code into a submission's
 *   `figures` jsonb (`{"gld": 71.5, "phonics": null}`): a round's figures are read whole, never one
 *   cell at a time, and the domain's `validateSubmission` checks them against the indicators.
 * - Needs raised from a round's outcomes carry the round as `source_ref`; a unique index on
 *   (source, source_ref, school, area) makes raising them again change nothing.
 * - Charged support is invoiced through the invoicing package with the key `support:<agreement>`,
 *   so asking again gives the same invoice; the invoice id is kept on the agreement.
 * - Schools causing concern (`concern_indicators`, `concern_statuses`, `monitoring_visits`) are
 *   readable and writable only by the people the partnership names in `concern_access`: their
 *   policies add `concern_reader()` to the tenant check, so even a tenant admin who is not named
 *   reads nothing. Admins name people (the access list itself is ordinary tenant data). The
 *   annual report needs only counts per status, which `concern_status_counts()` (owner-run)
 *   answers without a single name. Their audit entries are redacted (`audit_row_redacted`, from the
 *   reviews migration), so the audit view does not carry them to anyone else either.
 */
const TABLES = [
  'data_sets', 'data_set_indicators', 'data_rounds', 'data_submissions', 'data_benchmarks', 'data_round_outcomes', 'data_round_reports',
  'support_needs', 'support_agreements', 'concern_access', 'concern_indicators', 'concern_statuses', 'monitoring_visits', 'annual_reports',
] as const;
const RESTRICTED = ['concern_indicators', 'concern_statuses', 'monitoring_visits'] as const;

export class Improvement1764910000000 implements MigrationInterface {
  name = 'Improvement1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX data_sets_tenant_idx ON data_sets (tenant_id, created_at)`);

    await q.query(`CREATE TABLE data_set_indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      data_set_id uuid NOT NULL REFERENCES data_sets(id),
      position integer NOT NULL CHECK (position >= 0),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      definition text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('percent', 'count', 'score', 'pence')),
      higher_is_better boolean NOT NULL DEFAULT true,
      decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 3),
      min_value numeric NOT NULL,
      max_value numeric NOT NULL,
      area text NOT NULL,
      CHECK (min_value < max_value))`);
    await q.query(`CREATE UNIQUE INDEX data_set_indicators_code_key ON data_set_indicators (tenant_id, data_set_id, code)`);

    await q.query(`CREATE TABLE data_rounds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      data_set_id uuid NOT NULL REFERENCES data_sets(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      academic_year_start integer NOT NULL CHECK (academic_year_start BETWEEN 2000 AND 2100),
      opens_on date NOT NULL,
      closes_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed', 'reported')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_on >= opens_on))`);
    await q.query(`CREATE INDEX data_rounds_body_idx ON data_rounds (tenant_id, body_id, opens_on)`);

    await q.query(`CREATE TABLE data_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      round_id uuid NOT NULL REFERENCES data_rounds(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      figures jsonb NOT NULL,
      own_strengths text,
      own_areas_to_develop text,
      via text NOT NULL DEFAULT 'form' CHECK (via IN ('form', 'csv')),
      submitted_by uuid REFERENCES users(id),
      submitted_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX data_submissions_school_key ON data_submissions (tenant_id, round_id, school_id)`);

    await q.query(`CREATE TABLE data_benchmarks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      round_id uuid NOT NULL REFERENCES data_rounds(id),
      indicator_code text NOT NULL,
      source text NOT NULL CHECK (source IN ('la', 'national')),
      value numeric NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX data_benchmarks_key ON data_benchmarks (tenant_id, round_id, indicator_code, source)`);

    await q.query(`CREATE TABLE data_round_outcomes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      round_id uuid NOT NULL REFERENCES data_rounds(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      meeting_id uuid REFERENCES meetings(id),
      strengths jsonb NOT NULL DEFAULT '[]',
      areas_to_develop jsonb NOT NULL DEFAULT '[]',
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX data_round_outcomes_school_key ON data_round_outcomes (tenant_id, round_id, school_id)`);

    await q.query(`CREATE TABLE data_round_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      round_id uuid NOT NULL REFERENCES data_rounds(id),
      summary text NOT NULL DEFAULT '',
      action_plan jsonb NOT NULL DEFAULT '[]',
      updated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX data_round_reports_round_key ON data_round_reports (tenant_id, round_id)`);

    await q.query(`CREATE TABLE support_needs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      source text NOT NULL CHECK (source IN ('data_round', 'review', 'request')),
      source_ref uuid,
      area text NOT NULL CHECK (area ~ '^[a-z][a-z0-9_]{0,39}$'),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      found_on date NOT NULL,
      target_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'agreed', 'delivered', 'closed')),
      delivered_on date,
      impact_note text,
      closed_on date,
      raised_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'closed' OR impact_note IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX support_needs_source_key ON support_needs (tenant_id, source, source_ref, school_id, area) WHERE source_ref IS NOT NULL`);
    await q.query(`CREATE INDEX support_needs_status_idx ON support_needs (tenant_id, status, target_on)`);

    await q.query(`CREATE TABLE support_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      need_id uuid NOT NULL REFERENCES support_needs(id),
      supporter_kind text NOT NULL CHECK (supporter_kind IN ('school', 'teaching_school', 'offer', 'board')),
      supporter_school_id uuid REFERENCES schools(id),
      supporter_offer_id uuid REFERENCES offers(id),
      supporter_body_id uuid REFERENCES bodies(id),
      supporter_name text NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'delivered', 'withdrawn')),
      basis text CHECK (basis IN ('free', 'charged')),
      amount_pence integer CHECK (amount_pence >= 0),
      invoice_id uuid REFERENCES invoices(id),
      note text,
      agreed_by uuid REFERENCES users(id),
      agreed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (basis IS DISTINCT FROM 'charged' OR amount_pence > 0))`);
    await q.query(`CREATE UNIQUE INDEX support_agreements_need_key ON support_agreements (tenant_id, need_id) WHERE status <> 'withdrawn'`);
    await q.query(`CREATE INDEX support_agreements_school_idx ON support_agreements (tenant_id, supporter_school_id)`);

    await q.query(`CREATE TABLE concern_access (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid NOT NULL REFERENCES users(id),
      named_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz)`);
    await q.query(`CREATE UNIQUE INDEX concern_access_user_key ON concern_access (tenant_id, user_id) WHERE revoked_at IS NULL`);

    await q.query(`CREATE TABLE concern_indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      kind text NOT NULL CHECK (kind IN ('inspection', 'data', 'leadership_change', 'finance')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
      occurred_on date,
      recorded_on date NOT NULL,
      note text,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX concern_indicators_school_idx ON concern_indicators (tenant_id, school_id, recorded_on)`);

    await q.query(`CREATE TABLE concern_statuses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      status text NOT NULL CHECK (status IN ('none', 'monitoring', 'concern', 'serious_concern')),
      reasons jsonb NOT NULL DEFAULT '[]',
      since date NOT NULL,
      ended_on date,
      set_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX concern_statuses_current_key ON concern_statuses (tenant_id, school_id) WHERE ended_on IS NULL`);

    await q.query(`CREATE TABLE monitoring_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      visited_on date NOT NULL,
      visitor text NOT NULL CHECK (length(visitor) BETWEEN 1 AND 200),
      notes text NOT NULL CHECK (length(notes) BETWEEN 1 AND 20000),
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX monitoring_visits_school_idx ON monitoring_visits (tenant_id, school_id, visited_on)`);

    await q.query(`CREATE TABLE annual_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      academic_year_start integer NOT NULL CHECK (academic_year_start BETWEEN 2000 AND 2100),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      document text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
      generated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX annual_reports_year_key ON annual_reports (tenant_id, academic_year_start)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // The audit view is for admins, who need not be named: concern records are audited with their content redacted
      // (which school, what was found, the status and the notes), so it records who changed what, when, and nothing more.
      const audit = (RESTRICTED as readonly string[]).includes(table)
        ? `audit_row_redacted('school_id', 'kind', 'value', 'note', 'occurred_on', 'status', 'reasons', 'visitor', 'notes')`
        : 'audit_row()';
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${audit}`);
    }
    for (const table of TABLES.filter((t) => !(RESTRICTED as readonly string[]).includes(t))) {
      await q.query(`CREATE POLICY ${table}_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    }
    // Only the people the partnership names see or record anything about a school causing concern.
    await q.query(`CREATE FUNCTION concern_reader() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT app_user_id() IS NOT NULL AND EXISTS (
        SELECT 1 FROM concern_access a WHERE a.tenant_id = app_tenant_id() AND a.user_id = app_user_id() AND a.revoked_at IS NULL) $$`);
    for (const table of RESTRICTED) {
      await q.query(`CREATE POLICY ${table}_named ON ${table} USING (tenant_id = app_tenant_id() AND concern_reader()) WITH CHECK (tenant_id = app_tenant_id() AND concern_reader())`);
    }
    await q.query(`CREATE FUNCTION concern_status_counts() RETURNS TABLE (status text, schools integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT s.status, count(*)::int FROM concern_statuses s WHERE s.tenant_id = app_tenant_id() AND s.ended_on IS NULL GROUP BY s.status $$`);
    await q.query(`REVOKE ALL ON FUNCTION concern_status_counts() FROM PUBLIC`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO ${APP_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION concern_reader(), concern_status_counts() TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS concern_reader(), concern_status_counts()`);
  }
}
