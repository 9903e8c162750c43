import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { DEFAULT_APPLICATION_FEE_BASIS_POINTS, isPlatformPlanCode, type PlatformPlanCode } from '@partnerships/domain';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { ConnectLinkDto, StripeConnectionDto } from './billing.dto';
import { StripeGateway } from './stripe.gateway';

/** The platform's fee on a partnership's online payments, from its plan. */
export async function applicationFeeBasisPoints(em: EntityManager, tenantId: string): Promise<{ plan: string; basisPoints: number }> {
  const [row] = await em.query(
    `SELECT t.plan, p.application_fee_bps FROM tenants t LEFT JOIN platform_plan_settings p ON p.plan = t.plan WHERE t.id = $1`,
    [tenantId],
  );
  const plan: PlatformPlanCode = isPlatformPlanCode(row?.plan) ? row.plan : 'trial';
  return { plan, basisPoints: row?.application_fee_bps ?? DEFAULT_APPLICATION_FEE_BASIS_POINTS[plan] };
}

/**
 * Stripe Connect: each partnership has its own Stripe account, so schools' money lands with the
 * partnership (charges are made on that account; the platform takes an application fee).
 */
@Injectable()
export class StripeConnectService {
  constructor(
    private readonly db: Database,
    private readonly stripe: StripeGateway,
  ) {}

  status(ctx: TenantContext): Promise<StripeConnectionDto> {
    return inTenant(this.db, ctx, (em) => this.read(em, ctx.tenant.id));
  }

  private async read(em: EntityManager, tenantId: string): Promise<StripeConnectionDto> {
    const [account] = await em.query(`SELECT * FROM stripe_accounts WHERE tenant_id = $1`, [tenantId]);
    const fee = await applicationFeeBasisPoints(em, tenantId);
    return {
      available: this.stripe.available,
      connected: Boolean(account),
      accountId: account?.account_id ?? null,
      chargesEnabled: account?.charges_enabled ?? false,
      detailsSubmitted: account?.details_submitted ?? false,
      payoutsEnabled: account?.payouts_enabled ?? false,
      applicationFeeBasisPoints: fee.basisPoints,
      plan: fee.plan,
    };
  }

  /**
   * Creates the partnership's connected account (once: the idempotency key is the tenant's id,
   * and the row is unique per tenant) and answers a fresh onboarding link. Coming back from
   * Stripe, the web page reads the status again (`?refresh=true` asks Stripe at once; the
   * `account.updated` webhook does it anyway).
   */
  async connect(ctx: TenantContext): Promise<ConnectLinkDto> {
    const stripe = this.stripe.client;
    const base = `${this.stripe.publicUrl}/p/${ctx.tenant.slug}/billing/stripe`;
    try {
      const accountId = await inTenant(this.db, ctx, async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stripe-connect:${ctx.tenant.id}`]);
        const [existing] = await em.query(`SELECT account_id FROM stripe_accounts WHERE tenant_id = $1`, [ctx.tenant.id]);
        if (existing) return existing.account_id as string;
        const [tenant] = await em.query(`SELECT name, contact_email, website FROM tenants WHERE id = $1`, [ctx.tenant.id]);
        const account = await stripe.accounts.create(
          {
            type: 'standard',
            country: 'GB',
            default_currency: 'gbp',
            email: tenant.contact_email ?? ctx.user.email,
            business_profile: { name: tenant.name, ...(tenant.website ? { url: tenant.website } : {}) },
            metadata: { tenantId: ctx.tenant.id, slug: ctx.tenant.slug },
          },
          { idempotencyKey: `connect-account-${ctx.tenant.id}` },
        );
        await em.query(`INSERT INTO stripe_accounts (tenant_id, account_id, charges_enabled, details_submitted, payouts_enabled, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
          ctx.tenant.id,
          account.id,
          account.charges_enabled ?? false,
          account.details_submitted ?? false,
          account.payouts_enabled ?? false,
          ctx.user.id,
        ]);
        return account.id;
      });
      const link = await stripe.accountLinks.create(
        { account: accountId, type: 'account_onboarding', refresh_url: `${base}?onboarding=refresh`, return_url: `${base}?onboarding=return` },
        { idempotencyKey: `connect-link-${ctx.tenant.id}-${ctx.requestId}` },
      );
      return { url: link.url, accountId, expiresAt: new Date(link.expires_at * 1000).toISOString() };
    } catch (error) {
      StripeGateway.problem(error);
    }
  }

  /** Asks Stripe for the account's state now (after onboarding) and saves it. */
  async refresh(ctx: TenantContext): Promise<StripeConnectionDto> {
    const accountId = await inTenant(this.db, ctx, async (em) => (await em.query(`SELECT account_id FROM stripe_accounts WHERE tenant_id = $1`, [ctx.tenant.id]))[0]?.account_id as string | undefined);
    if (accountId && this.stripe.available) {
      try {
        const account = await this.stripe.client.accounts.retrieve(accountId);
        await inTenant(this.db, ctx, (em) =>
          em.query(
            `UPDATE stripe_accounts SET charges_enabled = $2, details_submitted = $3, payouts_enabled = $4, updated_at = now()
             WHERE tenant_id = $1 AND (charges_enabled, details_submitted, payouts_enabled) IS DISTINCT FROM ($2, $3, $4)`,
            [ctx.tenant.id, account.charges_enabled ?? false, account.details_submitted ?? false, account.payouts_enabled ?? false],
          ),
        );
      } catch (error) {
        StripeGateway.problem(error);
      }
    }
    return this.status(ctx);
  }
}
