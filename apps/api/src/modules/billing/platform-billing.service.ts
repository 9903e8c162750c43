import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { daysBetween, isPlatformPlanCode, PLATFORM_PLAN_CODES, PLATFORM_PLANS, platformPlan, planProblem, recommendedPlan, type PlatformPlanCode } from '@partnerships/domain';
import { PlatformInvoiceRepository, PlatformSubscriptionRepository } from '@partnerships/invoicing';
import { conflict, invalid, notFound } from '../../common/app-error';
import { inTenant, type AuthedContext, type TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import type { PlatformBillingDto, PlatformSubscriptionDto, SubscribeDto, UpdatePlanFeeDto } from './platform-billing.dto';
import type { CheckoutSessionDto } from './stripe.dto';
import { StripeGateway } from './stripe.gateway';

const ACTIVE = ['active', 'trialing'];
const ATTENTION = ['past_due', 'unpaid', 'incomplete'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The platform's own billing: each partnership pays for its plan (priced by number of member
 * schools) by a subscription on the platform's Stripe account, after its free trial; operators
 * see every partnership's plan, subscription status and what it has paid.
 */
@Injectable()
export class PlatformBillingService {
  constructor(
    private readonly db: Database,
    private readonly stripe: StripeGateway,
  ) {}

  private memberSchools(em: EntityManager, tenantId: string): Promise<number> {
    return new PlatformSubscriptionRepository(em).memberSchools(tenantId);
  }

  subscription(ctx: TenantContext): Promise<PlatformSubscriptionDto> {
    return inTenant(this.db, ctx, async (em) => {
      const t = await new PlatformSubscriptionRepository(em).subscription(ctx.tenant.id);
      const plan: PlatformPlanCode = isPlatformPlanCode(t.subscription_plan) ? t.subscription_plan : isPlatformPlanCode(t.plan) ? t.plan : 'trial';
      const members = await this.memberSchools(em, ctx.tenant.id);
      const invoices = await new PlatformInvoiceRepository(em).latest(ctx.tenant.id);
      return {
        plan,
        planName: platformPlan(plan).name,
        annualPricePence: platformPlan(plan).annualPricePence,
        status: t.subscription_status ?? null,
        trialEndsOn: t.subscription_trial_end ? t.subscription_trial_end.toISOString().slice(0, 10) : (t.trial_ends ?? null),
        currentPeriodEnd: iso(t.subscription_period_end),
        memberSchools: members,
        recommendedPlan: recommendedPlan(members),
        available: this.stripe.available,
        invoices: invoices.map((i) => ({
          id: i.id,
          number: i.number ?? null,
          status: i.status,
          amountDuePence: i.amount_due_pence,
          amountPaidPence: i.amount_paid_pence,
          periodStart: iso(i.period_start),
          periodEnd: iso(i.period_end),
          paidAt: iso(i.paid_at),
          hostedInvoiceUrl: i.hosted_invoice_url ?? null,
        })),
      } as PlatformSubscriptionDto;
    });
  }

  /**
   * Subscribes the partnership to a paid plan on a Stripe-hosted Checkout page (card details
   * taken there). Whatever is left of the free trial carries over as the subscription's trial.
   * The customer and the plan's price are created once (idempotency keys from our ids).
   */
  async subscribe(ctx: TenantContext, dto: SubscribeDto): Promise<CheckoutSessionDto> {
    const stripe = this.stripe.client;
    const today = londonToday();
    const prepared = await inTenant(this.db, ctx, async (em) => {
      const t = await new PlatformSubscriptionRepository(em).subscriber(ctx.tenant.id);
      if (t.subscription_status && ['active', 'trialing', 'past_due'].includes(t.subscription_status)) {
        throw conflict('This partnership already has a subscription. Change the plan under Settings > Plan.');
      }
      const members = await this.memberSchools(em, ctx.tenant.id);
      const plan = (dto.plan ?? (isPlatformPlanCode(t.plan) && t.plan !== 'trial' ? t.plan : recommendedPlan(members))) as PlatformPlanCode;
      const problem = planProblem(plan, { memberSchools: members, trialEndsOn: t.trial_ends, today });
      if (problem) throw invalid([{ field: 'plan', message: problem }]);
      const trialDays = t.trial_ends && t.trial_ends >= today ? daysBetween(today, t.trial_ends) + 1 : 0;
      return { tenant: t, plan, trialDays };
    });
    try {
      let customer = prepared.tenant.stripe_customer_id;
      if (!customer) {
        const created = await stripe.customers.create(
          { name: prepared.tenant.name, email: prepared.tenant.contact_email ?? ctx.user.email, metadata: { tenantId: ctx.tenant.id, slug: ctx.tenant.slug } },
          { idempotencyKey: `platform-customer-${ctx.tenant.id}` },
        );
        customer = created.id;
        await this.db.asPlatform({ userId: ctx.user.id }, (em) => new PlatformSubscriptionRepository(em).setCustomer(ctx.tenant.id, created.id));
      }
      const price = await this.priceFor(prepared.plan);
      const base = `${this.stripe.publicUrl}/p/${ctx.tenant.slug}/settings/plan`;
      const metadata = { kind: 'platform-subscription', tenantId: ctx.tenant.id, plan: prepared.plan };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer,
          line_items: [{ price, quantity: 1 }],
          subscription_data: { metadata, ...(prepared.trialDays > 0 ? { trial_period_days: prepared.trialDays } : {}) },
          metadata,
          client_reference_id: ctx.tenant.id,
          success_url: `${base}?subscription=success`,
          cancel_url: `${base}?subscription=cancelled`,
        },
        { idempotencyKey: `platform-subscribe-${ctx.tenant.id}-${prepared.plan}-${ctx.requestId}` },
      );
      return { url: session.url!, sessionId: session.id, amountPence: platformPlan(prepared.plan).annualPricePence, expiresAt: session.expires_at ? new Date(session.expires_at * 1000).toISOString() : null };
    } catch (error) {
      StripeGateway.problem(error);
    }
  }

  /** The plan's yearly price on the platform's account: created once, remembered. */
  private async priceFor(plan: PlatformPlanCode): Promise<string> {
    const known = await this.db.asPlatform({}, (em) => new PlatformSubscriptionRepository(em).priceId(plan));
    if (known) return known;
    const stripe = this.stripe.client;
    const details = platformPlan(plan);
    const product = await stripe.products.create({ name: `Partnerships ${details.name} plan`, description: details.description, metadata: { plan } }, { idempotencyKey: `platform-product-${plan}` });
    const price = await stripe.prices.create(
      { product: product.id, currency: 'gbp', unit_amount: details.annualPricePence, recurring: { interval: 'year' }, lookup_key: `partnerships-${plan}-${details.annualPricePence}`, metadata: { plan } },
      { idempotencyKey: `platform-price-${plan}-${details.annualPricePence}` },
    );
    await this.db.asPlatform({}, (em) => new PlatformSubscriptionRepository(em).setPriceId(plan, price.id));
    return price.id;
  }

  /** The operator's view: every partnership, its plan, subscription and revenue, and the plans. */
  overview(ctx: AuthedContext): Promise<PlatformBillingDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const plans = new PlatformSubscriptionRepository(em);
      const rows = await plans.overview();
      const fees = await plans.planFees();
      const items = rows.map((r) => {
        const plan: PlatformPlanCode = isPlatformPlanCode(r.subscription_plan) ? r.subscription_plan : isPlatformPlanCode(r.plan) ? r.plan : 'trial';
        return {
          slug: r.slug,
          name: r.name,
          status: r.status,
          plan,
          planName: platformPlan(plan).name,
          memberSchools: r.members,
          subscriptionStatus: r.subscription_status ?? (plan === 'trial' ? 'trialing' : null),
          trialEndsOn: r.subscription_trial_end ? r.subscription_trial_end.toISOString().slice(0, 10) : (r.trial_ends ?? null),
          currentPeriodEnd: iso(r.subscription_period_end),
          revenuePence: Number(r.revenue),
          lastPaidAt: iso(r.last_paid),
          annualPricePence: platformPlan(plan).annualPricePence,
          stripeConnected: r.connected,
        };
      });
      const status = (s: string | null) => s ?? '';
      return {
        items,
        totals: {
          partnerships: items.length,
          trialing: items.filter((i: { subscriptionStatus: string | null }) => status(i.subscriptionStatus) === 'trialing').length,
          active: items.filter((i: { subscriptionStatus: string | null }) => status(i.subscriptionStatus) === 'active').length,
          attention: items.filter((i: { subscriptionStatus: string | null }) => ATTENTION.includes(status(i.subscriptionStatus))).length,
          revenuePence: items.reduce((t: number, i: { revenuePence: number }) => t + i.revenuePence, 0),
          annualRecurringPence: items
            .filter((i: { subscriptionStatus: string | null; plan: string }) => ACTIVE.includes(status(i.subscriptionStatus)) && i.plan !== 'trial')
            .reduce((t: number, i: { annualPricePence: number }) => t + i.annualPricePence, 0),
        },
        plans: PLATFORM_PLANS.map((p) => ({
          code: p.code,
          name: p.name,
          maxMemberSchools: p.maxMemberSchools,
          annualPricePence: p.annualPricePence,
          applicationFeeBasisPoints: fees.find((f) => f.plan === p.code)?.applicationFeeBps ?? 0,
          partnerships: items.filter((i: { plan: string }) => i.plan === p.code).length,
        })),
      };
    });
  }

  async updatePlanFee(ctx: AuthedContext, plan: string, dto: UpdatePlanFeeDto): Promise<PlatformBillingDto> {
    if (!(PLATFORM_PLAN_CODES as readonly string[]).includes(plan)) throw notFound('plan');
    await this.db.asPlatform({ userId: ctx.user.id }, (em) => new PlatformSubscriptionRepository(em).setPlanFee(plan, dto.applicationFeeBasisPoints));
    return this.overview(ctx);
  }
}
