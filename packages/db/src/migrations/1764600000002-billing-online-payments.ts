import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Billing, third step: a school's people may learn whether the partnership that billed them
 * takes online payments (to offer "pay by card"), without reading the partnership's Stripe
 * account row. This owner-run function answers that yes or no, and nothing else.
 */
export class BillingOnlinePayments1764600000002 implements MigrationInterface {
  name = 'BillingOnlinePayments1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION tenant_takes_online_payments(p_tenant uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT EXISTS (SELECT 1 FROM stripe_accounts WHERE tenant_id = p_tenant AND charges_enabled) $$`);
    await q.query(`REVOKE ALL ON FUNCTION tenant_takes_online_payments(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION tenant_takes_online_payments(uuid) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS tenant_takes_online_payments(uuid)`);
  }
}
