import { UnitOfWorkRepository } from '@partnerships/db';

/** A partnership's plan and subscription, as its plan page shows them. */
export interface SubscriptionRow {
  plan: string | null;
  subscription_status: string | null;
  subscription_plan: string | null;
  trial_ends: string | null;
  subscription_trial_end: Date | null;
  subscription_period_end: Date | null;
}

/** What subscribing needs to know about the partnership. */
export interface SubscriberRow {
  name: string;
  contact_email: string | null;
  plan: string | null;
  stripe_customer_id: string | null;
  subscription_status: string | null;
  trial_ends: string | null;
}

/** One partnership in the operator's view (bigints come back as text). */
export interface PlatformOverviewRow {
  slug: string;
  name: string;
  status: string;
  plan: string | null;
  subscription_status: string | null;
  subscription_plan: string | null;
  trial_ends: string | null;
  subscription_trial_end: Date | null;
  subscription_period_end: Date | null;
  members: number;
  revenue: string;
  last_paid: Date | null;
  connected: boolean;
}

export interface SubscriptionState {
  customer: string | null;
  subscriptionId: string;
  status: string;
  plan: string | null;
  trialEnd: Date | null;
  periodEnd: Date | null;
}

/**
 * The platform's billing of partnerships: the subscription columns of `tenants` and the plans'
 * settings (`platform_plan_settings`: application fee and Stripe price per plan).
 */
export class PlatformSubscriptionRepository extends UnitOfWorkRepository {
  /** The partnership's plan and the application fee its plan sets (null: the default for the plan). */
  async planFee(tenantId: string): Promise<{ plan: string | null; applicationFeeBps: number | null }> {
    const row = await this.one<{ plan: string | null; application_fee_bps: number | null }>(
      `SELECT t.plan, p.application_fee_bps FROM tenants t LEFT JOIN platform_plan_settings p ON p.plan = t.plan WHERE t.id = $1`,
      [tenantId],
    );
    return { plan: row?.plan ?? null, applicationFeeBps: row?.application_fee_bps ?? null };
  }

  /** How many member schools the partnership has (an owner-run count). */
  async memberSchools(tenantId: string): Promise<number> {
    const row = await this.one<{ members: number }>(`SELECT members FROM tenant_member_counts() WHERE tenant_id = $1`, [tenantId]);
    return row?.members ?? 0;
  }

  async subscription(tenantId: string): Promise<SubscriptionRow> {
    const t = await this.one<SubscriptionRow>(
      `SELECT plan, subscription_status, subscription_plan, to_char(trial_ends_at, 'YYYY-MM-DD') AS trial_ends, subscription_trial_end, subscription_period_end FROM tenants WHERE id = $1`,
      [tenantId],
    );
    return t!;
  }

  async subscriber(tenantId: string): Promise<SubscriberRow> {
    const t = await this.one<SubscriberRow>(
      `SELECT name, contact_email, plan, stripe_customer_id, subscription_status, to_char(trial_ends_at, 'YYYY-MM-DD') AS trial_ends FROM tenants WHERE id = $1`,
      [tenantId],
    );
    return t!;
  }

  /** Remembers the partnership's Stripe customer (the first one created wins). */
  async setCustomer(tenantId: string, customerId: string): Promise<void> {
    await this.execute(`UPDATE tenants SET stripe_customer_id = $2 WHERE id = $1 AND stripe_customer_id IS NULL`, [tenantId, customerId]);
  }

  /** The partnership whose Stripe customer this is. */
  async tenantOfCustomer(customer: string): Promise<string | null> {
    const byCustomer = await this.one<{ id: string }>(`SELECT id FROM tenants WHERE stripe_customer_id = $1`, [customer]);
    return byCustomer?.id ?? null;
  }

  /** The partnership's id, if it exists. */
  async tenantExists(tenantId: string): Promise<string | null> {
    const byId = await this.one<{ id: string }>(`SELECT id FROM tenants WHERE id = $1`, [tenantId]);
    return byId?.id ?? null;
  }

  /** The subscription as Stripe has it now; a paid plan that is active or trialing becomes the partnership's plan. */
  async syncSubscription(tenantId: string, s: SubscriptionState): Promise<void> {
    await this.execute(
      `UPDATE tenants SET stripe_customer_id = coalesce(stripe_customer_id, $2), stripe_subscription_id = $3, subscription_status = $4,
         subscription_plan = coalesce($5, subscription_plan), subscription_trial_end = $6, subscription_period_end = $7,
         plan = CASE WHEN $4 IN ('active', 'trialing') AND $5::text IN ('small', 'medium', 'large') THEN $5 ELSE plan END
       WHERE id = $1`,
      [tenantId, s.customer, s.subscriptionId, s.status, s.plan, s.trialEnd, s.periodEnd],
    );
  }

  /** The plan's Stripe price, once created. */
  async priceId(plan: string): Promise<string | null> {
    const row = await this.one<{ stripe_price_id: string | null }>(`SELECT stripe_price_id FROM platform_plan_settings WHERE plan = $1`, [plan]);
    return row?.stripe_price_id ?? null;
  }

  async setPriceId(plan: string, priceId: string): Promise<void> {
    await this.execute(`UPDATE platform_plan_settings SET stripe_price_id = $2, updated_at = now() WHERE plan = $1`, [plan, priceId]);
  }

  /** Every partnership with its plan, subscription, member count and revenue (the operator's view), by name. */
  overview(): Promise<PlatformOverviewRow[]> {
    return this.rows<PlatformOverviewRow>(
      `SELECT t.slug, t.name, t.status, t.plan, t.subscription_status, t.subscription_plan, to_char(t.trial_ends_at, 'YYYY-MM-DD') AS trial_ends,
                t.subscription_trial_end, t.subscription_period_end, coalesce(c.members, 0) AS members,
                coalesce(r.revenue, 0)::bigint AS revenue, r.last_paid, tenant_takes_online_payments(t.id) AS connected
         FROM tenants t LEFT JOIN tenant_member_counts() c ON c.tenant_id = t.id
         LEFT JOIN (SELECT tenant_id, sum(amount_paid_pence) AS revenue, max(paid_at) AS last_paid FROM platform_invoices GROUP BY tenant_id) r ON r.tenant_id = t.id
         ORDER BY t.name`,
    );
  }

  /** Each plan's application fee. */
  async planFees(): Promise<{ plan: string; applicationFeeBps: number }[]> {
    const fees = await this.rows<{ plan: string; application_fee_bps: number }>(`SELECT plan, application_fee_bps FROM platform_plan_settings`);
    return fees.map((f) => ({ plan: f.plan, applicationFeeBps: f.application_fee_bps }));
  }

  async setPlanFee(plan: string, basisPoints: number): Promise<void> {
    await this.execute(`UPDATE platform_plan_settings SET application_fee_bps = $2, updated_at = now() WHERE plan = $1 AND application_fee_bps <> $2`, [plan, basisPoints]);
  }
}
