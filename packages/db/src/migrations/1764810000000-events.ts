import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { protectTenantTables } from './tenant-table';

/**
 * CPD courses, events and conferences (issue 11, the booking half). An event is an offer of kind
 * 'event' (its prices are that offer's price rules); these tables hold what booking needs.
 *
 * Decisions:
 * - Capacity is never exceeded: every change to an event's places (a request, an approval, a
 *   cancellation, a waiting-list offer, its expiry) runs in one unit of work that first takes
 *   `SELECT ... FROM events WHERE id = $1 FOR UPDATE`, counts the places held and only then
 *   writes. Concurrent bookings of one event are serialised on that row; other events are not
 *   held up. (apps/api/test/events.e2e.spec.ts and bench/event-booking.bench.mjs prove it.)
 * - A booking waiting for its school's approval holds its place, so approving never fails for
 *   want of room; a waiting-list offer holds its place until it is taken up or lapses.
 * - One live booking per delegate (by e-mail) per event.
 * - Anonymous evaluations keep who answered (`evaluation_respondents`) apart from the answers
 *   (`evaluation_responses` without a booking), so non-responders can be chased without the
 *   answers being traceable.
 * - A school's automatic-approval limit is kept per partnership (`school_booking_settings`), set
 *   by the school's headteacher or business manager.
 */
export class Events1764810000000 implements MigrationInterface {
  name = 'Events1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      format text NOT NULL DEFAULT 'in_person' CHECK (format IN ('in_person', 'online', 'hybrid')),
      venue text CHECK (venue IS NULL OR length(venue) BETWEEN 1 AND 300),
      online_url text CHECK (online_url IS NULL OR length(online_url) BETWEEN 1 AND 500),
      capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
      cap_per_school integer CHECK (cap_per_school IS NULL OR cap_per_school BETWEEN 1 AND 10000),
      booking_opens_at timestamptz,
      booking_closes_at timestamptz,
      cancellation_terms jsonb NOT NULL DEFAULT '{"tiers": [{"withinDays": 42, "chargePercent": 50}, {"withinDays": 28, "chargePercent": 100}], "noShowChargePercent": 100}',
      offer_minutes integer NOT NULL DEFAULT 1440 CHECK (offer_minutes BETWEEN 5 AND 20160),
      invoicing text NOT NULL DEFAULT 'per_booking' CHECK (invoicing IN ('per_booking', 'per_school_term')),
      sequence integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (booking_opens_at IS NULL OR booking_closes_at IS NULL OR booking_opens_at < booking_closes_at))`);
    await q.query(`CREATE UNIQUE INDEX events_offer_key ON events (tenant_id, offer_id)`);

    await q.query(`CREATE TABLE event_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      event_id uuid NOT NULL REFERENCES events(id),
      position integer NOT NULL DEFAULT 0,
      title text CHECK (title IS NULL OR length(title) BETWEEN 1 AND 200),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 10000),
      venue text CHECK (venue IS NULL OR length(venue) BETWEEN 1 AND 300),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at))`);
    await q.query(`CREATE INDEX event_sessions_event_idx ON event_sessions (tenant_id, event_id, starts_at)`);

    await q.query(`CREATE TABLE event_bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      event_id uuid NOT NULL REFERENCES events(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      delegate_user_id uuid REFERENCES users(id),
      delegate_name text NOT NULL CHECK (length(delegate_name) BETWEEN 1 AND 200),
      delegate_email text NOT NULL CHECK (length(delegate_email) BETWEEN 3 AND 320),
      requested_by uuid REFERENCES users(id),
      status text NOT NULL CHECK (status IN ('requested', 'awaiting_approval', 'confirmed', 'waiting', 'offered', 'cancelled', 'declined', 'expired', 'attended', 'no_show')),
      member boolean NOT NULL,
      price_pence integer NOT NULL CHECK (price_pence BETWEEN 0 AND 100000000),
      price_label text,
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      auto_approved boolean NOT NULL DEFAULT false,
      po_number text CHECK (po_number IS NULL OR length(po_number) BETWEEN 1 AND 60),
      decline_reason text,
      waiting_position integer,
      offered_at timestamptz,
      offer_expires_at timestamptz,
      invoice_id uuid,
      invoiced_pence integer,
      charge_pence integer NOT NULL DEFAULT 0 CHECK (charge_pence >= 0),
      credit_note_id uuid,
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES users(id),
      cancel_reason text,
      substitutions jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL))`);
    await q.query(`CREATE INDEX event_bookings_event_idx ON event_bookings (tenant_id, event_id, status)`);
    await q.query(`CREATE INDEX event_bookings_school_idx ON event_bookings (tenant_id, school_id, created_at)`);
    await q.query(`CREATE INDEX event_bookings_offers_idx ON event_bookings (tenant_id, offer_expires_at) WHERE status = 'offered'`);
    await q.query(`CREATE UNIQUE INDEX event_bookings_delegate_key ON event_bookings (tenant_id, event_id, lower(delegate_email)) WHERE status NOT IN ('cancelled', 'declined', 'expired')`);

    await q.query(`CREATE TABLE session_attendance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      session_id uuid NOT NULL REFERENCES event_sessions(id),
      booking_id uuid NOT NULL REFERENCES event_bookings(id),
      attended boolean NOT NULL,
      marked_by uuid REFERENCES users(id),
      marked_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX session_attendance_key ON session_attendance (tenant_id, session_id, booking_id)`);

    await q.query(`CREATE TABLE event_evaluations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      event_id uuid NOT NULL REFERENCES events(id),
      questions jsonb NOT NULL,
      anonymous boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX event_evaluations_event_key ON event_evaluations (tenant_id, event_id)`);

    await q.query(`CREATE TABLE evaluation_respondents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      evaluation_id uuid NOT NULL REFERENCES event_evaluations(id),
      booking_id uuid NOT NULL REFERENCES event_bookings(id),
      responded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX evaluation_respondents_key ON evaluation_respondents (tenant_id, evaluation_id, booking_id)`);

    await q.query(`CREATE TABLE evaluation_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      evaluation_id uuid NOT NULL REFERENCES event_evaluations(id),
      booking_id uuid REFERENCES event_bookings(id),
      answers jsonb NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX evaluation_responses_idx ON evaluation_responses (tenant_id, evaluation_id)`);

    await q.query(`CREATE TABLE event_certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      booking_id uuid NOT NULL REFERENCES event_bookings(id),
      issued_by uuid REFERENCES users(id),
      issued_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX event_certificates_booking_key ON event_certificates (tenant_id, booking_id)`);

    await q.query(`CREATE TABLE school_booking_settings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      auto_approve_below_pence integer CHECK (auto_approve_below_pence IS NULL OR auto_approve_below_pence BETWEEN 0 AND 100000000),
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX school_booking_settings_key ON school_booking_settings (tenant_id, school_id)`);

    const tables = ['events', 'event_sessions', 'event_bookings', 'session_attendance', 'event_evaluations', 'evaluation_respondents', 'evaluation_responses', 'event_certificates', 'school_booking_settings'];
    await protectTenantTables(q, tables);
    await q.query(`GRANT SELECT, INSERT ON evaluation_respondents, evaluation_responses, event_certificates TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON events, event_bookings, session_attendance, event_evaluations, school_booking_settings TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON event_sessions TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['school_booking_settings', 'event_certificates', 'evaluation_responses', 'evaluation_respondents', 'event_evaluations', 'session_attendance', 'event_bookings', 'event_sessions', 'events']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
