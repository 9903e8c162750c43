import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * What a partnership says about itself (profile, branding, plan, setup progress) and its
 * membership categories. Shared ground for onboarding (issue 3) and memberships (issue 4).
 */
export class TenantProfileAndCategories1764150000000 implements MigrationInterface {
  name = 'TenantProfileAndCategories1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants
      ADD COLUMN description text,
      ADD COLUMN areas text[] NOT NULL DEFAULT '{}',
      ADD COLUMN legal_form text CHECK (legal_form IN ('company-limited-by-guarantee', 'charity', 'council-hosted', 'informal')),
      ADD COLUMN contact_email text,
      ADD COLUMN contact_phone text,
      ADD COLUMN website text,
      ADD COLUMN in_national_association boolean NOT NULL DEFAULT false,
      ADD COLUMN listed boolean NOT NULL DEFAULT false,
      ADD COLUMN brand_colour text CHECK (brand_colour ~ '^#[0-9a-fA-F]{6}$'),
      ADD COLUMN logo_data_url text,
      ADD COLUMN plan text NOT NULL DEFAULT 'trial',
      ADD COLUMN trial_ends_at date,
      ADD COLUMN template text,
      ADD COLUMN setup_steps_done text[] NOT NULL DEFAULT '{}',
      ADD COLUMN setup_completed_at timestamptz,
      ADD COLUMN budget_year text NOT NULL DEFAULT 'academic-year' CHECK (budget_year IN ('academic-year', 'financial-year')),
      ADD COLUMN created_by uuid REFERENCES users(id)`);

    // Term and half-term dates per academic year, editable by the partnership.
    await q.query(`CREATE TABLE tenant_calendars (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      academic_year_start date NOT NULL,
      half_terms jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX tenant_calendars_year_key ON tenant_calendars (tenant_id, academic_year_start)`);

    await q.query(`CREATE TABLE membership_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
      name text NOT NULL,
      description text,
      eligible_phases text[] NOT NULL DEFAULT '{}',
      eligible_types text[] NOT NULL DEFAULT '{}',
      eligible_local_authorities text[] NOT NULL DEFAULT '{}',
      voting_rights boolean NOT NULL DEFAULT false,
      fees_apply boolean NOT NULL DEFAULT true,
      includes text[] NOT NULL DEFAULT '{}',
      position integer NOT NULL DEFAULT 0,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX membership_categories_code_key ON membership_categories (tenant_id, code)`);

    for (const table of ['tenant_calendars', 'membership_categories']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO ${APP_ROLE}`);
    }

    // The demo partnerships' existing categories, as rows.
    await q.query(`INSERT INTO membership_categories (tenant_id, code, name, voting_rights, fees_apply, position)
      SELECT DISTINCT m.tenant_id, m.category, initcap(m.category) || ' member', m.category = 'full', true, CASE m.category WHEN 'full' THEN 0 ELSE 1 END
      FROM memberships m ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS membership_categories`);
    await q.query(`DROP TABLE IF EXISTS tenant_calendars`);
  }
}
