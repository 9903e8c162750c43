import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * The platform foundation: tenants, users, roles, the school register,
 * memberships, sessions, invitations, password resets and the audit log,
 * with row-level security on every tenant-owned table and an audit trigger
 * on every table that the application writes.
 *
 * Kept to SQL that both PostgreSQL 15 (servers) and PGlite (PostgreSQL 18) accept.
 */
export class PlatformFoundation1764000000000 implements MigrationInterface {
  name = 'PlatformFoundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);

    await q.query(`CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);

    await q.query(`CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL CONSTRAINT tenants_slug_key UNIQUE,
      name text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
      created_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CONSTRAINT users_email_key UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      password_hash text,
      is_platform_operator boolean NOT NULL DEFAULT false,
      email_verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE tenant_roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX tenant_roles_tenant_user_role_key ON tenant_roles (tenant_id, user_id, role)`);
    await q.query(`CREATE INDEX tenant_roles_user_idx ON tenant_roles (user_id)`);

    await q.query(`CREATE TABLE schools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      urn text NOT NULL CONSTRAINT schools_urn_key UNIQUE CHECK (urn ~ '^[0-9]{6}$'),
      name text NOT NULL,
      phase text NOT NULL,
      type text NOT NULL,
      local_authority text NOT NULL,
      pupils integer CHECK (pupils >= 0),
      status text NOT NULL DEFAULT 'open',
      postcode text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE school_roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES schools(id),
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX school_roles_school_user_role_key ON school_roles (school_id, user_id, role)`);
    await q.query(`CREATE INDEX school_roles_user_idx ON school_roles (user_id)`);

    await q.query(`CREATE TABLE memberships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      school_id uuid NOT NULL REFERENCES schools(id),
      category text NOT NULL,
      status text NOT NULL,
      joined_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX memberships_tenant_school_key ON memberships (tenant_id, school_id)`);
    await q.query(`CREATE INDEX memberships_school_idx ON memberships (school_id)`);

    await q.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);

    await q.query(`CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      email text NOT NULL,
      role text NOT NULL,
      token_hash text NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
      invited_by uuid REFERENCES users(id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at)`);

    await q.query(`CREATE TABLE password_resets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      token_hash text NOT NULL CONSTRAINT password_resets_token_hash_key UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      tenant_id uuid,
      actor_user_id uuid,
      action text NOT NULL,
      entity_table text NOT NULL,
      entity_id text,
      detail jsonb,
      at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at)`);

    // Row-level security: the second wall behind the tenant-scoped unit of work.
    for (const table of ['tenant_roles', 'memberships', 'invitations', 'audit_log']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // A user may always read their own roles (to list their partnerships), only write in the current tenant.
    await q.query(`CREATE POLICY tenant_roles_isolation ON tenant_roles
      USING (tenant_id = app_tenant_id() OR user_id = app_user_id())
      WITH CHECK (tenant_id = app_tenant_id())`);
    // A school's own people may read its memberships in every partnership (the school portal).
    await q.query(`CREATE POLICY memberships_isolation ON memberships
      USING (tenant_id = app_tenant_id()
             OR school_id IN (SELECT school_id FROM school_roles WHERE user_id = app_user_id()))
      WITH CHECK (tenant_id = app_tenant_id())`);
    await q.query(`CREATE POLICY invitations_isolation ON invitations
      USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    // The audit log is append-only: anyone writing may add a row, a tenant reads only its own.
    await q.query(`CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (tenant_id = app_tenant_id())`);
    await q.query(`CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true)`);

    // Accepting an invitation happens before the tenant is known: this narrow function
    // answers only "which tenant issued this token", and runs as the owner.
    await q.query(`CREATE FUNCTION invitation_tenant_by_token(p_token_hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash $$`);

    await q.query(`CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
        row_data jsonb := coalesce(new_row, old_row);
        tenant_column text := coalesce(TG_ARGV[0], 'tenant_id');
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
          FROM jsonb_object_keys(changes) k WHERE k IN ('password_hash', 'token_hash', 'csrf_token');
        changes := changes || redacted;
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_table, entity_id, detail)
        VALUES ((row_data ->> tenant_column)::uuid, app_user_id(),
                TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, row_data ->> 'id', changes);
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER tenants_audit AFTER INSERT OR UPDATE OR DELETE ON tenants FOR EACH ROW EXECUTE FUNCTION audit_row('id')`);
    for (const table of ['users', 'tenant_roles', 'schools', 'school_roles', 'memberships', 'sessions', 'invitations', 'password_resets']) {
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    }

    // The application role: no ownership, no bypass; the audit log cannot be rewritten.
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenants, users, tenant_roles, schools, school_roles, memberships, invitations TO ${APP_ROLE}`);
    await q.query(`GRANT DELETE ON tenant_roles, school_roles TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, password_resets TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${APP_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION invitation_tenant_by_token(text) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'password_resets', 'invitations', 'sessions', 'memberships', 'school_roles', 'schools', 'tenant_roles', 'users', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_row(), invitation_tenant_by_token(text), app_user_id(), app_tenant_id()`);
  }
}
