import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { protectTenantTables } from './tenant-table';

/**
 * Governance structures (issue 10): bodies and their reporting lines, terms of reference, seats
 * defined by rules and the history of who held them, offices, meetings planned on the school
 * calendar with agendas, papers, attendance, minutes and actions, action plans, and calendar feeds.
 *
 * Decisions:
 * - Every table is tenant-owned with the usual isolation policy, except `calendar_feeds`: a
 *   person's feed spans every partnership where they sit, so its row has no tenant (body feeds
 *   do). The public feed URL carries a random token; only its SHA-256 is stored, and
 *   `calendar_feed_by_token()` (owner-run) answers "whose feed is this" and nothing more.
 *   `governance_user_tenants()` lists the partnerships where a person holds a seat or office, so
 *   the feed and the person's view then read each partnership in its own tenant context.
 * - Seats are derived from rules (packages/domain/src/governance). `seat_holdings` is the history:
 *   a holding is closed (ends_on) rather than deleted, and at most one holding per seat is open.
 * - Meetings planned from the term dates carry a `planned_key` unique per tenant, so planning a
 *   year twice creates each meeting once. `sequence` is the iCalendar SEQUENCE, raised on every
 *   move or cancellation so calendar apps update rather than duplicate.
 * - Agenda items built from rules carry a `source_ref` unique per meeting, so rebuilding an agenda
 *   adds only what is missing.
 * - Area and religious character of a member school are the partnership's own facts
 *   (`member_school_details`); cluster membership is `body_schools`.
 */
const TABLES = [
  'bodies', 'body_links', 'body_schools', 'member_school_details', 'body_documents', 'seat_rules', 'seat_holdings', 'body_offices', 'appointments',
  'meetings', 'agenda_items', 'meeting_papers', 'attendance', 'minutes', 'actions', 'body_action_plans',
] as const;

export class Governance1764700000000 implements MigrationInterface {
  name = 'Governance1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE bodies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,39}$'),
      purpose text,
      rhythm jsonb,
      quorum_rule jsonb,
      ends_on date,
      annual_rhythm jsonb NOT NULL DEFAULT '[]',
      position integer NOT NULL DEFAULT 0,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX bodies_name_key ON bodies (tenant_id, lower(name)) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX bodies_tenant_idx ON bodies (tenant_id, position)`);

    await q.query(`CREATE TABLE body_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      child_body_id uuid NOT NULL REFERENCES bodies(id),
      parent_body_id uuid NOT NULL REFERENCES bodies(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (child_body_id <> parent_body_id))`);
    await q.query(`CREATE UNIQUE INDEX body_links_key ON body_links (tenant_id, child_body_id, parent_body_id)`);

    // The schools of a cluster (or any body that groups schools).
    await q.query(`CREATE TABLE body_schools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX body_schools_key ON body_schools (tenant_id, body_id, school_id)`);
    await q.query(`CREATE INDEX body_schools_school_idx ON body_schools (tenant_id, school_id)`);

    await q.query(`CREATE TABLE member_school_details (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      area text,
      religious_character text,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX member_school_details_key ON member_school_details (tenant_id, school_id)`);

    await q.query(`CREATE TABLE body_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      kind text NOT NULL DEFAULT 'terms_of_reference' CHECK (kind IN ('terms_of_reference')),
      version integer NOT NULL CHECK (version >= 1),
      text text NOT NULL,
      review_due_on date,
      approved_on date,
      review_reminded_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX body_documents_version_key ON body_documents (tenant_id, body_id, kind, version)`);
    await q.query(`CREATE INDEX body_documents_review_idx ON body_documents (tenant_id, review_due_on)`);

    await q.query(`CREATE TABLE seat_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      rule jsonb NOT NULL,
      voting text NOT NULL CHECK (voting IN ('voting', 'non_voting', 'observer')),
      term_months integer CHECK (term_months BETWEEN 1 AND 120),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      position integer NOT NULL DEFAULT 0,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX seat_rules_body_idx ON seat_rules (tenant_id, body_id, position)`);

    await q.query(`CREATE TABLE seat_holdings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      seat_rule_id uuid NOT NULL REFERENCES seat_rules(id),
      seat_key text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      school_id uuid REFERENCES schools(id),
      source text NOT NULL DEFAULT 'derived' CHECK (source IN ('derived', 'appointed', 'elected')),
      starts_on date NOT NULL,
      ends_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on IS NULL OR ends_on >= starts_on - 1))`);
    await q.query(`CREATE UNIQUE INDEX seat_holdings_current_key ON seat_holdings (tenant_id, body_id, seat_key) WHERE ends_on IS NULL`);
    await q.query(`CREATE INDEX seat_holdings_user_idx ON seat_holdings (tenant_id, user_id)`);
    await q.query(`CREATE INDEX seat_holdings_body_idx ON seat_holdings (tenant_id, body_id, starts_on)`);

    await q.query(`CREATE TABLE body_offices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      office text NOT NULL CHECK (office IN ('chair', 'vice_chair', 'secretary')),
      user_id uuid NOT NULL REFERENCES users(id),
      from_on date NOT NULL,
      to_on date,
      filled_by text NOT NULL CHECK (filled_by IN ('election', 'appointment')),
      election_ref text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX body_offices_current_key ON body_offices (tenant_id, body_id, office) WHERE to_on IS NULL`);
    await q.query(`CREATE INDEX body_offices_user_idx ON body_offices (tenant_id, user_id)`);

    await q.query(`CREATE TABLE appointments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      seat_rule_id uuid NOT NULL REFERENCES seat_rules(id),
      user_id uuid NOT NULL REFERENCES users(id),
      school_id uuid REFERENCES schools(id),
      source text NOT NULL DEFAULT 'appointed' CHECK (source IN ('appointed', 'elected')),
      starts_on date NOT NULL,
      ends_on date,
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX appointments_current_key ON appointments (tenant_id, seat_rule_id, user_id) WHERE ends_on IS NULL`);

    await q.query(`CREATE TABLE meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      planned_key text,
      title text,
      academic_year_start date,
      half_term text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      host_school_id uuid REFERENCES schools(id),
      note_taker_user_id uuid REFERENCES users(id),
      location text,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'moved', 'cancelled', 'held')),
      sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
      cancelled_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at))`);
    await q.query(`CREATE UNIQUE INDEX meetings_planned_key ON meetings (tenant_id, planned_key) WHERE planned_key IS NOT NULL`);
    await q.query(`CREATE INDEX meetings_starts_idx ON meetings (tenant_id, starts_at)`);
    await q.query(`CREATE INDEX meetings_body_idx ON meetings (tenant_id, body_id, starts_at)`);

    await q.query(`CREATE TABLE agenda_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      position integer NOT NULL DEFAULT 0,
      kind text NOT NULL CHECK (kind IN ('standing', 'core', 'local', 'report', 'minutes_approval')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text,
      confidential boolean NOT NULL DEFAULT false,
      source_ref text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX agenda_items_source_key ON agenda_items (tenant_id, meeting_id, source_ref) WHERE source_ref IS NOT NULL`);
    await q.query(`CREATE INDEX agenda_items_meeting_idx ON agenda_items (tenant_id, meeting_id, position)`);

    await q.query(`CREATE TABLE meeting_papers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      agenda_item_id uuid NOT NULL REFERENCES agenda_items(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      content text,
      url text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX meeting_papers_item_idx ON meeting_papers (tenant_id, agenda_item_id)`);
    await q.query(`CREATE INDEX meeting_papers_meeting_idx ON meeting_papers (tenant_id, meeting_id)`);

    await q.query(`CREATE TABLE attendance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      seat_key text,
      user_id uuid REFERENCES users(id),
      status text NOT NULL CHECK (status IN ('present', 'deputy', 'apologies', 'absent', 'in_attendance')),
      deputy_user_id uuid REFERENCES users(id),
      reason text,
      recorded_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'deputy' OR deputy_user_id IS NOT NULL),
      CHECK (seat_key IS NOT NULL OR user_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX attendance_seat_key ON attendance (tenant_id, meeting_id, seat_key) WHERE seat_key IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX attendance_guest_key ON attendance (tenant_id, meeting_id, user_id) WHERE seat_key IS NULL`);

    await q.query(`CREATE TABLE minutes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      text text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'circulated', 'approved')),
      drafted_by uuid REFERENCES users(id),
      circulated_at timestamptz,
      approved_at_meeting_id uuid REFERENCES meetings(id),
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX minutes_meeting_key ON minutes (tenant_id, meeting_id)`);

    await q.query(`CREATE TABLE actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      agenda_item_id uuid REFERENCES agenda_items(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      owner_user_id uuid REFERENCES users(id),
      owner_school_id uuid REFERENCES schools(id),
      due_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at_meeting_id uuid REFERENCES meetings(id),
      closed_at timestamptz,
      note text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX actions_body_idx ON actions (tenant_id, body_id, status)`);
    await q.query(`CREATE INDEX actions_owner_idx ON actions (tenant_id, owner_user_id, status)`);

    await q.query(`CREATE TABLE body_action_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      academic_year_start date NOT NULL,
      items jsonb NOT NULL DEFAULT '[]',
      impact_report text,
      submitted_at timestamptz,
      reported_at_meeting_id uuid REFERENCES meetings(id),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX body_action_plans_year_key ON body_action_plans (tenant_id, body_id, academic_year_start)`);

    await protectTenantTables(q, TABLES);

    // A person's feed has no tenant (it spans partnerships); a body's feed belongs to the body's tenant.
    await q.query(`CREATE TABLE calendar_feeds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenants(id),
      user_id uuid REFERENCES users(id),
      body_id uuid REFERENCES bodies(id),
      token_hash text NOT NULL CONSTRAINT calendar_feeds_token_hash_key UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      CHECK ((user_id IS NOT NULL AND body_id IS NULL AND tenant_id IS NULL) OR (body_id IS NOT NULL AND tenant_id IS NOT NULL AND user_id IS NULL)))`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_user_key ON calendar_feeds (user_id) WHERE revoked_at IS NULL AND user_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_body_key ON calendar_feeds (tenant_id, body_id) WHERE revoked_at IS NULL AND body_id IS NOT NULL`);
    await q.query(`ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY calendar_feeds_isolation ON calendar_feeds
      USING (tenant_id = app_tenant_id() OR (tenant_id IS NULL AND user_id = app_user_id()))
      WITH CHECK (tenant_id = app_tenant_id() OR (tenant_id IS NULL AND user_id = app_user_id()))`);
    await q.query(`CREATE TRIGGER calendar_feeds_audit AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds FOR EACH ROW EXECUTE FUNCTION audit_row()`);

    // Whose feed is this token's: nothing more (the caller then reads in that person's or tenant's context).
    await q.query(`CREATE FUNCTION calendar_feed_by_token(p_token_hash text) RETURNS TABLE (feed_id uuid, tenant_id uuid, user_id uuid, body_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT id, tenant_id, user_id, body_id FROM calendar_feeds WHERE token_hash = p_token_hash AND revoked_at IS NULL $$`);
    // The partnerships where a person holds a seat or an office now (for their feed and their own view).
    await q.query(`CREATE FUNCTION governance_user_tenants(p_user uuid) RETURNS TABLE (tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT tenant_id FROM seat_holdings WHERE user_id = p_user AND ends_on IS NULL
            UNION SELECT tenant_id FROM body_offices WHERE user_id = p_user AND to_on IS NULL
            UNION SELECT tenant_id FROM meetings WHERE note_taker_user_id = p_user $$`);
    await q.query(`REVOKE ALL ON FUNCTION calendar_feed_by_token(text) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION governance_user_tenants(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION calendar_feed_by_token(text) TO ${APP_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION governance_user_tenants(uuid) TO ${APP_ROLE}`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')}, calendar_feeds TO ${APP_ROLE}`);
    // Links, cluster schools and agenda items and papers may be taken away; history tables may not.
    await q.query(`GRANT DELETE ON body_links, body_schools, agenda_items, meeting_papers TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS governance_user_tenants(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS calendar_feed_by_token(text)`);
    await q.query(`DROP TABLE IF EXISTS calendar_feeds`);
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
