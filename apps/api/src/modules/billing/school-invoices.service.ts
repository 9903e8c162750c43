import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { applicationFeePence, onlinePaymentProblem, outstandingPence } from '@partnerships/domain';
import { applicationFeeBasisPoints, InvoiceRepository, StripeAccountRepository } from '@partnerships/invoicing';
import { AppError, conflict, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import { ACTS_FOR_SCHOOL, type SchoolAccess, schoolFor } from '../school-portal/school-access';
import { isUuid } from '../../common/ids';
import type { BankTransferDto, InvoiceDetailDto, PoNumberDto, SchoolInvoiceListDto, SchoolInvoiceQueryDto } from './invoices.dto';
import { pageFrom, windowOf } from '../../common/pagination';
import type { CheckoutSessionDto } from './stripe.dto';
import { canPayOnline, invoiceDetailIn, invoiceListItem, invoicePdfIn } from './invoices.service';
import { StripeGateway } from './stripe.gateway';
import { currentFeeDto } from './billing-report.service';

/**
 * The school's side of billing: its invoices from every partnership (row-level security lets a
 * school's own people read them), paying online on the partnership's connected Stripe account,
 * choosing bank transfer, and adding a purchase order number. Only the headteacher and business
 * manager (the school's finance people) pay or add a PO; any of the school's people may read.
 */
@Injectable()
export class SchoolInvoicesService {
  constructor(
    private readonly db: Database,
    private readonly stripe: StripeGateway,
  ) {}

  /** A page of the school's invoices (from one partnership when asked), with what is left to pay on all of them. */
  async list(ctx: AuthedContext, urn: string, query: SchoolInvoiceQueryDto): Promise<SchoolInvoiceListDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn);
      const invoices = new InvoiceRepository(em);
      const slug = query.partnership ?? null;
      // The page, its total, what is left to pay and the current fees in one statement (ADR 0009).
      const page = await invoices.listForSchool(school.id, school.urn, slug, windowOf(query));
      const items = pageFrom(query, page, (row) => ({
        ...invoiceListItem(row),
        partnership: { slug: row.tenant_slug, name: row.tenant_name },
        payOnline: canPayOnline(row),
      }));
      return { ...items, outstandingPence: page.outstandingPence, currentFees: page.currentFees.map(currentFeeDto) };
    });
  }

  /** The invoice, if it is this school's; its partnership's id, for writes in that tenant. */
  private async locate(ctx: AuthedContext, urn: string, id: string, needs?: readonly string[], doing?: string): Promise<{ school: SchoolAccess; tenantId: string }> {
    if (!isUuid(id)) throw notFound('invoice');
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, needs as never, doing);
      const tenantId = await new InvoiceRepository(em).tenantOfSchoolInvoice(id, school.id);
      if (!tenantId) throw notFound('invoice');
      return { school, tenantId };
    });
  }

  async detail(ctx: AuthedContext, urn: string, id: string): Promise<InvoiceDetailDto> {
    await this.locate(ctx, urn, id);
    const detail = await this.db.asPlatform({ userId: ctx.user.id }, (em) => invoiceDetailIn(em, id, `/api/v1/school-portal/${urn}/invoices/${id}.pdf`));
    if (!detail) throw notFound('invoice');
    return detail;
  }

  async pdf(ctx: AuthedContext, urn: string, id: string) {
    await this.locate(ctx, urn, id);
    const found = await this.db.asPlatform({ userId: ctx.user.id }, (em) => invoicePdfIn(em, id));
    if (!found) throw notFound('invoice');
    return found;
  }

  async setPoNumber(ctx: AuthedContext, urn: string, id: string, dto: PoNumberDto): Promise<InvoiceDetailDto> {
    const { tenantId } = await this.locate(ctx, urn, id, ACTS_FOR_SCHOOL, 'add a purchase order number');
    await this.db.inTenant(tenantId, { userId: ctx.user.id }, async (em) => {
      const invoices = new InvoiceRepository(em);
      const status = await invoices.lockStatus(id);
      if (status === 'void') throw conflict('This invoice has been voided.');
      await invoices.setPoNumber(id, dto.poNumber?.trim() || null);
    });
    return this.detail(ctx, urn, id);
  }

  /** The school will pay by bank transfer: recorded for the partnership, and the details to pay with. */
  async chooseBankTransfer(ctx: AuthedContext, urn: string, id: string): Promise<BankTransferDto> {
    const { tenantId } = await this.locate(ctx, urn, id, ACTS_FOR_SCHOOL, 'choose how to pay');
    await this.db.inTenant(tenantId, { userId: ctx.user.id }, (em) => new InvoiceRepository(em).chooseBankTransfer(id));
    return (await this.detail(ctx, urn, id)).bankTransfer;
  }

  /**
   * A Stripe Checkout session for what is outstanding, on the partnership's connected account
   * (a direct charge: the money lands with the partnership, the platform's application fee is
   * taken from it). The idempotency key is the invoice, the method and the amount still owed, so
   * pressing Pay twice gives the same session and never two.
   */
  async checkout(ctx: AuthedContext, urn: string, id: string, method: 'card' | 'bacs_debit'): Promise<CheckoutSessionDto> {
    const { school, tenantId } = await this.locate(ctx, urn, id, ACTS_FOR_SCHOOL, 'pay invoices');
    const prepared = await this.db.inTenant(tenantId, { userId: ctx.user.id }, async (em: EntityManager) => {
      const row = await new InvoiceRepository(em).findForCheckout(id);
      if (!row) throw notFound('invoice');
      const balance = { status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence };
      const problem = onlinePaymentProblem(balance);
      if (problem) throw conflict(problem);
      if (row.pending_payment_intent_id) throw conflict('A Direct Debit payment for this invoice is already on its way; it takes a few working days to clear.');
      const account = await new StripeAccountRepository(em).forCharges(tenantId);
      if (!account?.chargesEnabled) {
        throw new AppError('online_payment_unavailable', 409, 'This partnership does not take card or Direct Debit payments yet. Please pay by bank transfer, quoting the invoice number.');
      }
      const fee = await applicationFeeBasisPoints(em, tenantId);
      return { row, account: account.accountId, amount: outstandingPence(balance), feeBps: fee.basisPoints };
    });
    const { row, account, amount } = prepared;
    const fee = applicationFeePence(amount, prepared.feeBps);
    const page = `${this.stripe.publicUrl}/s/${school.urn}/invoices/${id}`;
    const metadata = { kind: 'invoice', tenantId, invoiceId: id, invoiceNumber: row.number, method, applicationFeePence: String(fee) };
    try {
      const session = await this.stripe.client.checkout.sessions.create(
        {
          mode: 'payment',
          allowed_payment_method_types: [method],
          currency: 'gbp',
          line_items: [{ quantity: 1, price_data: { currency: 'gbp', unit_amount: amount, product_data: { name: `Invoice ${row.number}`, description: `${school.name}: membership ${row.period_label}` } } }],
          payment_intent_data: { application_fee_amount: fee, description: `Invoice ${row.number}`, metadata },
          metadata,
          client_reference_id: id,
          customer_email: ctx.user.email,
          success_url: `${page}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${page}?checkout=cancelled`,
        },
        { stripeAccount: account, idempotencyKey: `checkout-${id}-${method}-${amount}-${row.amount_paid_pence}-${row.amount_credited_pence}` },
      );
      if (!session.url) throw conflict('This payment has already been made or started. Refresh the page to see where it is.');
      return { url: session.url, sessionId: session.id, amountPence: amount, expiresAt: session.expires_at ? new Date(session.expires_at * 1000).toISOString() : null };
    } catch (error) {
      if (error instanceof AppError) throw error;
      StripeGateway.problem(error);
    }
  }
}
