import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Billing (issue 6): each partnership's invoices to its schools, payments, credit notes, billing
 * runs, its connected Stripe account and settings; the Stripe event inbox; and the platform's own
 * billing of partnerships.
 *
 * Decisions:
 * - Invoice numbers come from `billing_counters`, one row per tenant and series, advanced with
 *   `UPDATE ... RETURNING` in the transaction that writes the invoice: the row lock serialises
 *   a tenant's numbering, a rolled-back transaction gives its number back, so the sequence has
 *   no gaps and no repeats. `invoices` is never deleted (no DELETE grant) and a trigger keeps an
 *   issued invoice's number, school and money fixed; corrections are credit notes.
 * - Idempotent billing: one invoice per (tenant, membership, period start, schedule, version,
 *   part). A repeated, resumed or crashed run meets this unique index and writes nothing twice.
 * - `billing_run_items` (the run's work list, for progress and resumption) and
 *   `billing_counters` carry no audit trigger: the run and the invoices are audited, and an
 *   audit row per work item would double the cost of a run for no reader.
 * - `stripe_events` is platform-level: an event arrives before we know its tenant (the
 *   connected account says which), it is stored by its id first (duplicates are no-ops) and then
 *   processed in the tenant's context. `stripe_account_tenant()` answers "whose account is
 *   this" and nothing more, as the owner.
 * - School people read their own school's invoices, payments and credit notes in every
 *   partnership (the school portal); only the partnership writes them.
 * - Platform invoices (Stripe's, for a partnership's plan) are readable by the partnership and by
 *   platform operators (`app_is_platform_operator()`).
 */
export class Billing1764600000000 implements MigrationInterface {
  name = 'Billing1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE billing_settings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      vat_registered boolean NOT NULL DEFAULT false,
      vat_number text,
      vat_rate_bps integer NOT NULL DEFAULT 2000 CHECK (vat_rate_bps BETWEEN 0 AND 10000),
      payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
      reminders_enabled boolean NOT NULL DEFAULT true,
      reminder_offsets integer[] NOT NULL DEFAULT '{-7,0,7,30}',
      invoice_prefix text NOT NULL DEFAULT 'INV' CHECK (invoice_prefix ~ '^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10})?$'),
      bank_account_name text,
      bank_sort_code text CHECK (bank_sort_code ~ '^[0-9]{2}-[0-9]{2}-[0-9]{2}$'),
      bank_account_number text CHECK (bank_account_number ~ '^[0-9]{8}$'),
      finance_email text,
      invoice_note text,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (NOT vat_registered OR vat_number IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX billing_settings_tenant_key ON billing_settings (tenant_id)`);

    await q.query(`CREATE TABLE billing_counters (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      series text NOT NULL CHECK (series IN ('invoice', 'credit-note')),
      last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
      PRIMARY KEY (tenant_id, series))`);

    await q.query(`CREATE TABLE billing_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      schedule_id uuid NOT NULL REFERENCES fee_schedules(id),
      schedule_version integer NOT NULL,
      period_label text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      issued_on date NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      members integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      invoiced integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      invoices_created integer NOT NULL DEFAULT 0,
      total_pence bigint NOT NULL DEFAULT 0,
      attempts integer NOT NULL DEFAULT 0,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX billing_runs_tenant_idx ON billing_runs (tenant_id, created_at)`);
    // One run at a time per schedule version: a second request while one is going joins it.
    await q.query(`CREATE UNIQUE INDEX billing_runs_one_active_key ON billing_runs (tenant_id, schedule_id) WHERE status IN ('queued', 'running')`);

    await q.query(`CREATE TABLE billing_run_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      run_id uuid NOT NULL REFERENCES billing_runs(id),
      membership_id uuid NOT NULL REFERENCES memberships(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      position integer NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'invoiced', 'skipped', 'failed')),
      amount_pence bigint,
      reason text,
      invoice_ids uuid[] NOT NULL DEFAULT '{}',
      error text,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX billing_run_items_member_key ON billing_run_items (tenant_id, run_id, membership_id)`);
    await q.query(`CREATE INDEX billing_run_items_work_idx ON billing_run_items (tenant_id, run_id, status, position)`);

    await q.query(`CREATE TABLE invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      number text NOT NULL,
      sequence integer NOT NULL CHECK (sequence >= 1),
      school_id uuid NOT NULL REFERENCES schools(id),
      membership_id uuid NOT NULL REFERENCES memberships(id),
      billing_run_id uuid REFERENCES billing_runs(id),
      schedule_id uuid NOT NULL REFERENCES fee_schedules(id),
      schedule_version integer NOT NULL,
      period_label text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      charged_from date,
      charged_to date,
      part integer NOT NULL DEFAULT 0 CHECK (part >= 0),
      part_count integer NOT NULL DEFAULT 1 CHECK (part_count >= 1),
      part_label text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
      issued_on date NOT NULL,
      due_on date NOT NULL,
      currency text NOT NULL DEFAULT 'gbp' CHECK (currency = 'gbp'),
      subtotal_pence integer NOT NULL CHECK (subtotal_pence >= 0),
      vat_rate_bps integer NOT NULL DEFAULT 0,
      vat_pence integer NOT NULL DEFAULT 0 CHECK (vat_pence >= 0),
      total_pence integer NOT NULL,
      amount_paid_pence integer NOT NULL DEFAULT 0 CHECK (amount_paid_pence >= 0),
      amount_credited_pence integer NOT NULL DEFAULT 0 CHECK (amount_credited_pence >= 0),
      po_number text,
      lines jsonb NOT NULL,
      explanation text NOT NULL,
      bill_to jsonb NOT NULL,
      seller jsonb NOT NULL,
      paid_at timestamptz,
      voided_at timestamptz,
      void_reason text,
      last_reminder text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (total_pence = subtotal_pence + vat_pence),
      CHECK (amount_credited_pence <= total_pence))`);
    await q.query(`CREATE UNIQUE INDEX invoices_number_key ON invoices (tenant_id, number)`);
    await q.query(`CREATE UNIQUE INDEX invoices_sequence_key ON invoices (tenant_id, sequence)`);
    await q.query(`CREATE UNIQUE INDEX invoices_billing_key ON invoices (tenant_id, membership_id, period_start, schedule_id, schedule_version, part)`);
    await q.query(`CREATE INDEX invoices_school_idx ON invoices (tenant_id, school_id, issued_on)`);
    await q.query(`CREATE INDEX invoices_status_idx ON invoices (tenant_id, status, due_on)`);
    await q.query(`CREATE INDEX invoices_run_idx ON invoices (tenant_id, billing_run_id)`);
    await q.query(`CREATE INDEX invoices_school_portal_idx ON invoices (school_id)`);
    await q.query(`CREATE FUNCTION invoices_guard_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.number IS DISTINCT FROM OLD.number OR NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
           OR NEW.school_id IS DISTINCT FROM OLD.school_id OR NEW.membership_id IS DISTINCT FROM OLD.membership_id
           OR NEW.subtotal_pence IS DISTINCT FROM OLD.subtotal_pence OR NEW.vat_pence IS DISTINCT FROM OLD.vat_pence
           OR NEW.total_pence IS DISTINCT FROM OLD.total_pence OR NEW.lines IS DISTINCT FROM OLD.lines OR NEW.issued_on IS DISTINCT FROM OLD.issued_on THEN
          RAISE EXCEPTION 'an issued invoice keeps its number, school and amounts: issue a credit note instead' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'void' AND NEW.status <> 'void' THEN
          RAISE EXCEPTION 'a void invoice stays void' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'paid' AND NEW.status <> 'paid' THEN
          RAISE EXCEPTION 'a paid invoice is never reopened' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER invoices_guard BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_guard_issued()`);

    await q.query(`CREATE TABLE invoice_payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      invoice_id uuid NOT NULL REFERENCES invoices(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      method text NOT NULL CHECK (method IN ('card', 'bacs_debit', 'bank_transfer')),
      amount_pence integer NOT NULL CHECK (amount_pence > 0),
      paid_on date NOT NULL,
      reference text,
      stripe_payment_intent_id text,
      stripe_checkout_session_id text,
      stripe_account_id text,
      application_fee_pence integer,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (tenant_id, invoice_id)`);
    await q.query(`CREATE INDEX invoice_payments_school_idx ON invoice_payments (school_id)`);
    // A Stripe payment is recorded once, however many events tell us about it.
    await q.query(`CREATE UNIQUE INDEX invoice_payments_intent_key ON invoice_payments (tenant_id, stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL`);

    await q.query(`CREATE TABLE credit_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      invoice_id uuid NOT NULL REFERENCES invoices(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      number text NOT NULL,
      sequence integer NOT NULL CHECK (sequence >= 1),
      reason text NOT NULL,
      subtotal_pence integer NOT NULL CHECK (subtotal_pence >= 0),
      vat_pence integer NOT NULL CHECK (vat_pence >= 0),
      total_pence integer NOT NULL CHECK (total_pence > 0),
      issued_on date NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (total_pence = subtotal_pence + vat_pence))`);
    await q.query(`CREATE UNIQUE INDEX credit_notes_number_key ON credit_notes (tenant_id, number)`);
    await q.query(`CREATE INDEX credit_notes_invoice_idx ON credit_notes (tenant_id, invoice_id)`);
    await q.query(`CREATE INDEX credit_notes_school_idx ON credit_notes (school_id)`);

    await q.query(`CREATE TABLE stripe_accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      account_id text NOT NULL CONSTRAINT stripe_accounts_account_key UNIQUE,
      charges_enabled boolean NOT NULL DEFAULT false,
      details_submitted boolean NOT NULL DEFAULT false,
      payouts_enabled boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX stripe_accounts_tenant_key ON stripe_accounts (tenant_id)`);

    await q.query(`CREATE TABLE platform_invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      stripe_invoice_id text NOT NULL CONSTRAINT platform_invoices_stripe_key UNIQUE,
      number text,
      status text NOT NULL,
      amount_due_pence integer NOT NULL DEFAULT 0,
      amount_paid_pence integer NOT NULL DEFAULT 0,
      currency text NOT NULL DEFAULT 'gbp',
      period_start timestamptz,
      period_end timestamptz,
      hosted_invoice_url text,
      paid_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX platform_invoices_tenant_idx ON platform_invoices (tenant_id, created_at)`);

    await q.query(`CREATE FUNCTION app_is_platform_operator() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT EXISTS (SELECT 1 FROM users WHERE id = app_user_id() AND is_platform_operator) $$`);

    const tenantOwned = ['billing_settings', 'billing_counters', 'billing_runs', 'billing_run_items', 'invoices', 'invoice_payments', 'credit_notes', 'stripe_accounts', 'platform_invoices'];
    for (const table of tenantOwned) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    for (const table of ['billing_settings', 'billing_counters', 'billing_runs', 'billing_run_items', 'invoices', 'invoice_payments', 'credit_notes', 'stripe_accounts']) {
      await q.query(`CREATE POLICY ${table}_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    }
    // The school portal: a school's own people read what every partnership has billed it.
    for (const table of ['invoices', 'invoice_payments', 'credit_notes']) {
      await q.query(`CREATE POLICY ${table}_school_read ON ${table} FOR SELECT
        USING (school_id IN (SELECT school_id FROM school_roles WHERE user_id = app_user_id()))`);
    }
    await q.query(`CREATE POLICY platform_invoices_isolation ON platform_invoices USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    await q.query(`CREATE POLICY platform_invoices_operator_read ON platform_invoices FOR SELECT USING (app_is_platform_operator())`);
    for (const table of ['billing_settings', 'billing_runs', 'invoices', 'invoice_payments', 'credit_notes', 'stripe_accounts', 'platform_invoices']) {
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    }

    // The Stripe event inbox (platform-level): stored by event id before anything else happens.
    await q.query(`CREATE TABLE stripe_events (
      id text PRIMARY KEY,
      type text NOT NULL,
      account text,
      livemode boolean NOT NULL DEFAULT false,
      created_at_stripe timestamptz NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      outcome text,
      last_error text)`);
    await q.query(`CREATE INDEX stripe_events_unprocessed_idx ON stripe_events (received_at) WHERE processed_at IS NULL`);

    // The platform's side of its plans: the application fee on schools' online payments, and the
    // Stripe price each plan is sold at (created on first use).
    await q.query(`CREATE TABLE platform_plan_settings (
      plan text PRIMARY KEY CHECK (plan IN ('trial', 'small', 'medium', 'large')),
      application_fee_bps integer NOT NULL CHECK (application_fee_bps BETWEEN 0 AND 1000),
      stripe_price_id text,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO platform_plan_settings (plan, application_fee_bps) VALUES ('trial', 100), ('small', 100), ('medium', 75), ('large', 50)`);
    await q.query(`CREATE TRIGGER platform_plan_settings_audit AFTER INSERT OR UPDATE OR DELETE ON platform_plan_settings FOR EACH ROW EXECUTE FUNCTION audit_row()`);

    await q.query(`ALTER TABLE tenants
      ADD COLUMN stripe_customer_id text,
      ADD COLUMN stripe_subscription_id text,
      ADD COLUMN subscription_status text,
      ADD COLUMN subscription_plan text,
      ADD COLUMN subscription_trial_end timestamptz,
      ADD COLUMN subscription_period_end timestamptz`);

    // Which partnership a connected account belongs to, for webhooks (which arrive with no tenant).
    await q.query(`CREATE FUNCTION stripe_account_tenant(p_account text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT tenant_id FROM stripe_accounts WHERE account_id = p_account $$`);
    await q.query(`REVOKE ALL ON FUNCTION stripe_account_tenant(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION stripe_account_tenant(text) TO ${APP_ROLE}`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON billing_settings, billing_counters, billing_runs, billing_run_items, invoices, stripe_accounts, platform_invoices TO ${APP_ROLE}`);
    // Money received and credit notes are history: added to, never changed.
    await q.query(`GRANT SELECT, INSERT ON invoice_payments, credit_notes TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON stripe_events, platform_plan_settings TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS stripe_account_tenant(text)`);
    await q.query(`ALTER TABLE tenants DROP COLUMN IF EXISTS stripe_customer_id, DROP COLUMN IF EXISTS stripe_subscription_id,
      DROP COLUMN IF EXISTS subscription_status, DROP COLUMN IF EXISTS subscription_plan, DROP COLUMN IF EXISTS subscription_trial_end,
      DROP COLUMN IF EXISTS subscription_period_end`);
    for (const table of ['platform_plan_settings', 'stripe_events', 'platform_invoices', 'stripe_accounts', 'credit_notes', 'invoice_payments', 'invoices', 'billing_run_items', 'billing_runs', 'billing_counters', 'billing_settings']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS invoices_guard_issued(), app_is_platform_operator()`);
  }
}
