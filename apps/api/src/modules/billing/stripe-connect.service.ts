import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { applicationFeeBasisPoints, BillingSourcesRepository, StripeAccountRepository } from '@partnerships/invoicing';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { ConnectLinkDto, StripeConnectionDto } from './stripe.dto';
import { StripeGateway } from './stripe.gateway';

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
    const account = await new StripeAccountRepository(em).find(tenantId);
    const fee = await applicationFeeBasisPoints(em, tenantId);
    return {
      available: this.stripe.available,
      connected: Boolean(account),
      accountId: account?.accountId ?? null,
      chargesEnabled: account?.chargesEnabled ?? false,
      detailsSubmitted: account?.detailsSubmitted ?? false,
      payoutsEnabled: account?.payoutsEnabled ?? false,
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
        const accounts = new StripeAccountRepository(em);
        await accounts.lockConnect(ctx.tenant.id);
        const existing = await accounts.accountId(ctx.tenant.id);
        if (existing) return existing;
        const tenant = await new BillingSourcesRepository(em).partnership(ctx.tenant.id);
        const account = await stripe.accounts.create(
          {
            type: 'standard',
            country: 'GB',
            default_currency: 'gbp',
            email: tenant.contactEmail ?? ctx.user.email,
            business_profile: { name: tenant.name, ...(tenant.website ? { url: tenant.website } : {}) },
            metadata: { tenantId: ctx.tenant.id, slug: ctx.tenant.slug },
          },
          { idempotencyKey: `connect-account-${ctx.tenant.id}` },
        );
        await accounts.create(
          ctx.tenant.id,
          account.id,
          { chargesEnabled: account.charges_enabled ?? false, detailsSubmitted: account.details_submitted ?? false, payoutsEnabled: account.payouts_enabled ?? false },
          ctx.user.id,
        );
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
    const accountId = await inTenant(this.db, ctx, (em) => new StripeAccountRepository(em).accountId(ctx.tenant.id));
    if (accountId && this.stripe.available) {
      try {
        const account = await this.stripe.client.accounts.retrieve(accountId);
        await inTenant(this.db, ctx, (em) =>
          new StripeAccountRepository(em).updateFlags(ctx.tenant.id, {
            chargesEnabled: account.charges_enabled ?? false,
            detailsSubmitted: account.details_submitted ?? false,
            payoutsEnabled: account.payouts_enabled ?? false,
          }),
        );
      } catch (error) {
        StripeGateway.problem(error);
      }
    }
    return this.status(ctx);
  }
}
