import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Issue 14, one transaction per request: everything a request needs to know about who is asking,
 * in one statement.
 *
 * `resolve_request(token_hash, tenant_slug, school_urn)` looks up the live session (not revoked,
 * not expired: sessions have a fixed expiry, nothing slides), its user, every role the user holds
 * (the ability is built from them), the partnership at the URL's slug with the user's roles there
 * (only if they have one) and the school at the URL's URN with the user's roles there (only if they
 * have one). It also sets `app.user_id` (the session's user, or '') and `app.tenant_id` (the
 * partnership, only when the user has a role there and it is active; otherwise '') with
 * `set_config(..., true)`, i.e. SET LOCAL semantics: they end with the transaction. The caller has
 * already done `SET LOCAL ROLE partnerships_app` (a SECURITY DEFINER function cannot change role).
 *
 * Owner-run (SECURITY DEFINER) with a pinned search_path, so it can read sessions and roles
 * whatever the caller's row-level security; it answers only about the token it is given.
 */
export class RequestResolver1765200000000 implements MigrationInterface {
  name = 'RequestResolver1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION resolve_request(p_token_hash text, p_tenant_slug text, p_school_urn text) RETURNS jsonb
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
      DECLARE
        v_session record;
        v_user record;
        v_tenant jsonb;
        v_tenant_id uuid;
        v_tenant_status text;
        v_school jsonb;
      BEGIN
        PERFORM set_config('app.tenant_id', '', true), set_config('app.user_id', '', true);
        IF p_token_hash IS NULL THEN
          RETURN NULL;
        END IF;
        SELECT id, user_id, csrf_token INTO v_session FROM sessions
          WHERE token_hash = p_token_hash AND revoked_at IS NULL AND expires_at > now();
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        SELECT id, email, name, is_platform_operator INTO v_user FROM users WHERE id = v_session.user_id;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        PERFORM set_config('app.user_id', v_user.id::text, true);

        IF p_tenant_slug IS NOT NULL THEN
          SELECT jsonb_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'status', t.status,
                                    'roles', jsonb_agg(r.role ORDER BY r.role)), t.id, t.status
            INTO v_tenant, v_tenant_id, v_tenant_status
            FROM tenants t JOIN tenant_roles r ON r.tenant_id = t.id AND r.user_id = v_user.id
            WHERE t.slug = p_tenant_slug
            GROUP BY t.id;
          IF v_tenant_id IS NOT NULL AND v_tenant_status = 'active' THEN
            PERFORM set_config('app.tenant_id', v_tenant_id::text, true);
          END IF;
        END IF;

        IF p_school_urn IS NOT NULL THEN
          SELECT jsonb_build_object('id', s.id, 'urn', s.urn, 'name', s.name, 'pupils', s.pupils,
                                    'roles', jsonb_agg(r.role ORDER BY r.role))
            INTO v_school
            FROM schools s JOIN school_roles r ON r.school_id = s.id AND r.user_id = v_user.id
            WHERE s.urn = p_school_urn
            GROUP BY s.id;
        END IF;

        RETURN jsonb_build_object(
          'sessionId', v_session.id,
          'csrfToken', v_session.csrf_token,
          'user', jsonb_build_object('id', v_user.id, 'email', v_user.email, 'name', v_user.name, 'isPlatformOperator', v_user.is_platform_operator),
          'tenantRoles', coalesce((SELECT jsonb_agg(jsonb_build_object('tenantId', tenant_id, 'role', role)) FROM tenant_roles WHERE user_id = v_user.id), '[]'::jsonb),
          'schoolRoles', coalesce((SELECT jsonb_agg(jsonb_build_object('schoolId', school_id, 'role', role)) FROM school_roles WHERE user_id = v_user.id), '[]'::jsonb),
          'tenant', v_tenant,
          'school', v_school);
      END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION resolve_request(text, text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION resolve_request(text, text, text) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS resolve_request(text, text, text)`);
  }
}
