import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { protectTenantTables } from './tenant-table';

/**
 * Offers (issue 11, the catalogue half): what a partnership sells beyond membership.
 *
 * Decisions:
 * - One `offers` table for every kind (core entitlement, traded service, bespoke package, shared
 *   pool, digital product, event); events keep their own tables beside it (migration
 *   1764810000000-events) and point at their offer.
 * - Prices are rows in `offer_prices`, versioned by the year they apply to (the start year of an
 *   academic or financial year, as the offer says), each with a buyer rule (member or not, phase,
 *   school type, category) tried in `position` order; the first that matches is the price.
 * - The entitlement ledger, order history, subscriptions' cancellations and bespoke quotes are
 *   only added to or moved forward, never deleted; a basket's lines may be removed while it is a
 *   draft.
 * - Pool capacity is per day: a booking locks its pool's offer row, counts that day's places and
 *   only then inserts, so concurrent bookings are serialised per pool and never go over.
 * - A membership records the service level (tier) its school chose, with the history of changes,
 *   so billing runs charge it and a change part-way through the year can be priced pro rata.
 */
export class Offers1764800000000 implements MigrationInterface {
  name = 'Offers1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      kind text NOT NULL CHECK (kind IN ('core_entitlement', 'traded_service', 'bespoke', 'pool', 'digital', 'event')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text,
      description text,
      unit text NOT NULL DEFAULT 'per_school' CHECK (unit IN ('per_school', 'per_day', 'per_delegate', 'per_pupil', 'per_session', 'per_item')),
      year_basis text NOT NULL DEFAULT 'academic' CHECK (year_basis IN ('academic', 'financial')),
      categories text[] NOT NULL DEFAULT '{}',
      allowance integer CHECK (allowance IS NULL OR allowance BETWEEN 0 AND 100000),
      pool_capacity integer CHECK (pool_capacity IS NULL OR pool_capacity BETWEEN 1 AND 10000),
      rolling boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
      public boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX offers_tenant_idx ON offers (tenant_id, status, kind)`);

    await q.query(`CREATE TABLE offer_prices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      position integer NOT NULL DEFAULT 0,
      label text,
      buyer jsonb NOT NULL DEFAULT '{}',
      pence integer NOT NULL CHECK (pence BETWEEN 0 AND 100000000),
      vat text NOT NULL DEFAULT 'standard' CHECK (vat IN ('standard', 'zero', 'exempt')),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX offer_prices_position_key ON offer_prices (tenant_id, offer_id, year, position)`);

    await q.query(`CREATE TABLE entitlement_ledger (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      quantity integer NOT NULL CHECK (quantity BETWEEN -1000 AND 1000 AND quantity <> 0),
      on_date date NOT NULL,
      note text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX entitlement_ledger_school_idx ON entitlement_ledger (tenant_id, school_id, year, offer_id)`);

    await q.query(`CREATE TABLE buyback_windows (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      opens_on date NOT NULL,
      closes_on date NOT NULL,
      cancel_deadline date NOT NULL,
      reminder_days integer[] NOT NULL DEFAULT '{28,14,7}',
      rolled_over_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (opens_on <= closes_on))`);
    await q.query(`CREATE UNIQUE INDEX buyback_windows_year_key ON buyback_windows (tenant_id, year)`);

    await q.query(`CREATE TABLE orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      kind text NOT NULL DEFAULT 'shop' CHECK (kind IN ('shop', 'buyback', 'rollover')),
      buyback_window_id uuid REFERENCES buyback_windows(id),
      year integer CHECK (year IS NULL OR year BETWEEN 2000 AND 2200),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting_approval', 'approved', 'invoiced', 'cancelled')),
      invoicing text NOT NULL DEFAULT 'once' CHECK (invoicing IN ('once', 'school_financial_year')),
      requested_by uuid REFERENCES users(id),
      requested_at timestamptz,
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      po_number text CHECK (po_number IS NULL OR length(po_number) BETWEEN 1 AND 60),
      invoice_ids uuid[] NOT NULL DEFAULT '{}',
      idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
      note text,
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX orders_school_idx ON orders (tenant_id, school_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX orders_idempotency_key ON orders (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    // One live buy-back order per school per window.
    await q.query(`CREATE UNIQUE INDEX orders_buyback_school_key ON orders (tenant_id, buyback_window_id, school_id) WHERE buyback_window_id IS NOT NULL AND status <> 'cancelled'`);

    await q.query(`CREATE TABLE order_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      order_id uuid NOT NULL REFERENCES orders(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      description text NOT NULL,
      quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
      unit_pence integer NOT NULL CHECK (unit_pence BETWEEN 0 AND 100000000),
      amount_pence integer NOT NULL CHECK (amount_pence >= 0),
      vat text NOT NULL DEFAULT 'standard' CHECK (vat IN ('standard', 'zero', 'exempt')),
      price_rule text NOT NULL,
      rolling boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX order_lines_order_idx ON order_lines (tenant_id, order_id)`);
    await q.query(`CREATE INDEX order_lines_offer_idx ON order_lines (tenant_id, offer_id)`);

    await q.query(`CREATE TABLE subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100000),
      first_year integer NOT NULL,
      last_year integer NOT NULL,
      source_order_id uuid REFERENCES orders(id),
      cancelled_on date,
      cancelled_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (first_year <= last_year))`);
    await q.query(`CREATE UNIQUE INDEX subscriptions_school_offer_key ON subscriptions (tenant_id, school_id, offer_id)`);

    await q.query(`CREATE TABLE buyback_reminders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      window_id uuid NOT NULL REFERENCES buyback_windows(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      days_before integer NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX buyback_reminders_step_key ON buyback_reminders (tenant_id, window_id, school_id, days_before)`);

    await q.query(`CREATE TABLE bespoke_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      offer_id uuid REFERENCES offers(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      details text,
      status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'quoted', 'accepted', 'invoiced', 'declined', 'withdrawn')),
      requested_by uuid REFERENCES users(id),
      requested_at timestamptz NOT NULL DEFAULT now(),
      quote_pence integer CHECK (quote_pence IS NULL OR quote_pence BETWEEN 0 AND 100000000),
      quote_note text,
      quote_valid_until date,
      quoted_by uuid REFERENCES users(id),
      quoted_at timestamptz,
      accepted_by uuid REFERENCES users(id),
      accepted_at timestamptz,
      po_number text,
      invoice_id uuid,
      refusal text,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX bespoke_requests_school_idx ON bespoke_requests (tenant_id, school_id, requested_at)`);

    await q.query(`CREATE TABLE pool_bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      on_date date NOT NULL,
      places integer NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 100),
      status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
      note text,
      booked_by uuid REFERENCES users(id),
      booked_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at timestamptz)`);
    await q.query(`CREATE INDEX pool_bookings_day_idx ON pool_bookings (tenant_id, offer_id, on_date)`);

    await q.query(`ALTER TABLE memberships ADD COLUMN service_level text CHECK (service_level IS NULL OR length(service_level) BETWEEN 1 AND 60)`);
    await q.query(`CREATE TABLE membership_service_levels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      membership_id uuid NOT NULL REFERENCES memberships(id),
      service_level text,
      from_date date NOT NULL,
      previous_level text,
      adjustment_pence integer NOT NULL DEFAULT 0,
      invoice_id uuid,
      credit_note_id uuid,
      explanation text,
      changed_by uuid REFERENCES users(id),
      changed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX membership_service_levels_idx ON membership_service_levels (tenant_id, membership_id, changed_at)`);

    const tables = ['offers', 'offer_prices', 'entitlement_ledger', 'buyback_windows', 'orders', 'order_lines', 'subscriptions', 'buyback_reminders', 'bespoke_requests', 'pool_bookings', 'membership_service_levels'];
    await protectTenantTables(q, tables);
    await q.query(`GRANT SELECT, INSERT ON entitlement_ledger, buyback_reminders, membership_service_levels TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON offers, buyback_windows, orders, subscriptions, bespoke_requests, pool_bookings TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON offer_prices, order_lines TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['membership_service_levels', 'pool_bookings', 'bespoke_requests', 'buyback_reminders', 'subscriptions', 'order_lines', 'orders', 'buyback_windows', 'entitlement_ledger', 'offer_prices', 'offers']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE memberships DROP COLUMN IF EXISTS service_level`);
  }
}
