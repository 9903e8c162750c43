import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { protectTenantTables } from './tenant-table';

/**
 * General meetings and decisions, and elections (issue 10): motions voted one school, one vote,
 * the electorate frozen when a poll opens, proxies for one meeting, each school's designated
 * voter, and elections with seats reserved by phase, character or area.
 *
 * Decisions:
 * - One school, one vote is enforced by the database: `motion_ballots` and `election_ballots`
 *   are UNIQUE (tenant_id, motion_id|election_id, school_id), so two concurrent requests for the
 *   same school leave exactly one ballot.
 * - The electorate is frozen when a poll opens (`motion_electorate`, `election_electorate`),
 *   written once in the same transaction that opens it; a trigger refuses any row added after
 *   the motion's `electorate_frozen_at` is set, so a school that joins later is never added.
 * - Secret ballots keep who voted apart from what was chosen. `motion_ballots` /
 *   `election_ballots` say which school voted, who cast it and through which proxy (choice NULL
 *   for a secret ballot), and are audited like any table. The choices go to
 *   `motion_secret_choices` / `election_secret_choices`: a random ballot id (told only to the
 *   voter), the choice and its receipt, with no school, no user, no timestamp and no audit
 *   trigger, so nothing a reader can join leads from a choice back to a school. The receipt is
 *   SHA-256 of the ballot id, the choice and the motion's `receipt_salt` (the domain's
 *   `tallyReceipt`); the salt is published with the result. The tally is the count of those
 *   rows; the published receipts (sorted, with their choices) let each voter check theirs was
 *   counted as cast, and their number equals the number of schools that voted.
 *   (Rows written in one transaction share its id, `xmin`, and lie in insertion order: the
 *   choices are therefore written again apart from the ballots, see 1764710000001.)
 * - Proxies: a school appoints another school's voter or the chair for one meeting; at most one
 *   active proxy per school per meeting (partial unique index); revoking keeps the row.
 * - History is kept: ballots and electorates can only be added to; choices are only ever
 *   rewritten unchanged (1764710000001).
 */
export class GeneralMeetings1764710000000 implements MigrationInterface {
  name = 'GeneralMeetings1764710000000';

  async up(q: QueryRunner): Promise<void> {
    // The school's designated voter in this partnership (the headteacher when there is no row).
    await q.query(`CREATE TABLE school_voters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      voter_user_id uuid NOT NULL REFERENCES users(id),
      named_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX school_voters_school_key ON school_voters (tenant_id, school_id)`);

    await q.query(`CREATE TABLE motions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      text text NOT NULL DEFAULT '',
      ballot text NOT NULL DEFAULT 'named' CHECK (ballot IN ('secret', 'named')),
      majority text NOT NULL DEFAULT 'simple' CHECK (majority IN ('simple', 'two_thirds')),
      tie_rule text NOT NULL DEFAULT 'motion_falls' CHECK (tie_rule IN ('chair_casting_vote', 'motion_falls')),
      chair_casting_vote text CHECK (chair_casting_vote IN ('for', 'against')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
      opens_at timestamptz,
      closes_at timestamptz,
      electorate_frozen_at timestamptz,
      -- Secret ballots: receipts are SHA-256(ballot id, choice, salt); the salt is published with the result.
      receipt_salt text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
      opened_by uuid REFERENCES users(id),
      closed_at timestamptz,
      closed_by uuid REFERENCES users(id),
      result jsonb,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at),
      CHECK (status = 'draft' OR electorate_frozen_at IS NOT NULL))`);
    await q.query(`CREATE INDEX motions_meeting_idx ON motions (tenant_id, meeting_id, created_at)`);
    await q.query(`CREATE INDEX motions_status_idx ON motions (tenant_id, status)`);

    await q.query(`CREATE TABLE motion_electorate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      motion_id uuid NOT NULL REFERENCES motions(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      voter_user_id uuid REFERENCES users(id),
      category text NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX motion_electorate_school_key ON motion_electorate (tenant_id, motion_id, school_id)`);

    await q.query(`CREATE TABLE proxies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      from_school_id uuid NOT NULL REFERENCES schools(id),
      holder_kind text NOT NULL CHECK (holder_kind IN ('school', 'chair')),
      holder_school_id uuid REFERENCES schools(id),
      appointed_by uuid REFERENCES users(id),
      appointed_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      CHECK ((holder_kind = 'school') = (holder_school_id IS NOT NULL)),
      CHECK (holder_school_id IS DISTINCT FROM from_school_id))`);
    await q.query(`CREATE UNIQUE INDEX proxies_active_key ON proxies (tenant_id, meeting_id, from_school_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX proxies_holder_idx ON proxies (tenant_id, meeting_id, holder_school_id)`);

    await q.query(`CREATE TABLE motion_ballots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      motion_id uuid NOT NULL REFERENCES motions(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      cast_by_user_id uuid NOT NULL REFERENCES users(id),
      via_proxy_id uuid REFERENCES proxies(id),
      choice text CHECK (choice IN ('for', 'against', 'abstain')),
      cast_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX motion_ballots_school_key ON motion_ballots (tenant_id, motion_id, school_id)`);

    // Deliberately no school, user, time or audit trigger: see the note at the top.
    await q.query(`CREATE TABLE motion_secret_choices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      motion_id uuid NOT NULL REFERENCES motions(id),
      choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
      receipt text NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX motion_secret_choices_receipt_key ON motion_secret_choices (tenant_id, motion_id, receipt)`);

    await q.query(`CREATE TABLE elections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      body_id uuid NOT NULL REFERENCES bodies(id),
      seat_rule_id uuid REFERENCES seat_rules(id),
      meeting_id uuid REFERENCES meetings(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      seats integer NOT NULL CHECK (seats BETWEEN 1 AND 100),
      max_choices integer CHECK (max_choices BETWEEN 1 AND 100),
      reservations jsonb NOT NULL DEFAULT '[]',
      eligible_roles text[] NOT NULL DEFAULT '{headteacher}',
      nominations_open_at timestamptz,
      nominations_close_at timestamptz,
      voting_opens_at timestamptz,
      voting_closes_at timestamptz,
      tie_rule text NOT NULL DEFAULT 'lot' CHECK (tie_rule IN ('lot', 'longest_serving')),
      tie_seed text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
      receipt_salt text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
      term_months integer CHECK (term_months BETWEEN 1 AND 120),
      status text NOT NULL DEFAULT 'nominations' CHECK (status IN ('nominations', 'voting', 'closed')),
      electorate_frozen_at timestamptz,
      closed_at timestamptz,
      closed_by uuid REFERENCES users(id),
      result jsonb,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status = 'nominations' OR electorate_frozen_at IS NOT NULL))`);
    await q.query(`CREATE INDEX elections_body_idx ON elections (tenant_id, body_id, created_at)`);
    await q.query(`CREATE INDEX elections_status_idx ON elections (tenant_id, status)`);

    await q.query(`CREATE TABLE nominations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      election_id uuid NOT NULL REFERENCES elections(id),
      candidate_user_id uuid NOT NULL REFERENCES users(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      statement text NOT NULL DEFAULT '',
      eligibility jsonb NOT NULL,
      nominated_by uuid REFERENCES users(id),
      withdrawn_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX nominations_candidate_key ON nominations (tenant_id, election_id, candidate_user_id)`);

    await q.query(`CREATE TABLE election_electorate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      election_id uuid NOT NULL REFERENCES elections(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      voter_user_id uuid REFERENCES users(id),
      category text NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX election_electorate_school_key ON election_electorate (tenant_id, election_id, school_id)`);

    await q.query(`CREATE TABLE election_ballots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      election_id uuid NOT NULL REFERENCES elections(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      cast_by_user_id uuid NOT NULL REFERENCES users(id),
      via_proxy_id uuid REFERENCES proxies(id),
      cast_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX election_ballots_school_key ON election_ballots (tenant_id, election_id, school_id)`);

    // Election ballots are always secret: the choices live here, apart from who voted.
    await q.query(`CREATE TABLE election_secret_choices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      election_id uuid NOT NULL REFERENCES elections(id),
      nomination_ids uuid[] NOT NULL,
      receipt text NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX election_secret_choices_receipt_key ON election_secret_choices (tenant_id, election_id, receipt)`);

    await q.query(`CREATE TABLE election_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      election_id uuid NOT NULL REFERENCES elections(id),
      nomination_id uuid NOT NULL REFERENCES nominations(id),
      candidate_user_id uuid NOT NULL REFERENCES users(id),
      votes integer NOT NULL CHECK (votes >= 0),
      elected boolean NOT NULL,
      reservation text,
      term_starts_on date,
      term_ends_on date,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX election_results_nomination_key ON election_results (tenant_id, election_id, nomination_id)`);

    // The electorate is written once, when the poll opens: nothing may be added after that.
    await q.query(`CREATE FUNCTION electorate_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE frozen timestamptz;
      BEGIN
        IF TG_TABLE_NAME = 'motion_electorate' THEN
          SELECT electorate_frozen_at INTO frozen FROM motions WHERE id = NEW.motion_id;
        ELSE
          SELECT electorate_frozen_at INTO frozen FROM elections WHERE id = NEW.election_id;
        END IF;
        IF frozen IS NOT NULL THEN
          RAISE EXCEPTION 'The electorate was frozen when the poll opened' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['motion_electorate', 'election_electorate']) {
      await q.query(`CREATE TRIGGER ${table}_frozen BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION electorate_frozen_guard()`);
    }

    const tables = [
      'school_voters', 'motions', 'motion_electorate', 'proxies', 'motion_ballots', 'motion_secret_choices',
      'elections', 'nominations', 'election_electorate', 'election_ballots', 'election_secret_choices', 'election_results',
    ];
    // Secret choices are never audited: the audit row would name who inserted which choice.
    await protectTenantTables(q, tables, { audited: (table) => !table.endsWith('_secret_choices') });

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON school_voters TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON motions, proxies, elections, nominations TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON motion_electorate, motion_ballots, motion_secret_choices, election_electorate, election_ballots, election_secret_choices, election_results TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'election_results', 'election_secret_choices', 'election_ballots', 'election_electorate', 'nominations', 'elections',
      'motion_secret_choices', 'motion_ballots', 'proxies', 'motion_electorate', 'motions', 'school_voters',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS electorate_frozen_guard()`);
  }
}
