import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  compareDates,
  correctionCreditPence,
  creditNoteAmounts,
  creditNoteProblem,
  csvLine,
  financialYearStartMonthForType,
  invoiceDraftsFromQuote,
  isValidIsoDate,
  manualPaymentProblem,
  outstandingPence,
  quoteFee,
  settledStatus,
  vatOn,
  voidProblem,
} from '@partnerships/domain';
import { type JobQueue, JobName, receiptJobId } from '@partnerships/jobs';
import {
  BillingSourcesRepository,
  financeContacts,
  type InvoiceListFilter,
  InvoiceRepository,
  type InvoiceListRow,
  type InvoiceViewRow,
  type LockedInvoiceRow,
  loadBillingSettings,
  loadInvoiceDocument,
  nextCreditNoteNumber,
  paymentWarningFor,
  renderInvoicePdf,
} from '@partnerships/invoicing';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { pageFrom, windowOf } from '../../common/pagination';
import { inTenant, type TenantContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import { isUuid } from '../../common/ids';
import { likePattern } from '../../common/sql-text';
import { londonToday } from '@partnerships/domain';
import type {
  CreateCreditNoteDto,
  InvoiceDetailDto,
  InvoiceListItemDto,
  InvoiceListQueryDto,
  InvoicePageDto,
  InvoiceSentDto,
  PoNumberDto,
  RecordPaymentDto,
  SendInvoiceDto,
  VoidInvoiceDto,
} from './invoices.dto';

export function invoiceListItem(row: InvoiceListRow, today = londonToday()): InvoiceListItemDto {
  const balance = { totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence };
  return {
    id: row.id,
    number: row.number,
    school: { id: row.school_id, urn: row.urn, name: row.school_name },
    periodLabel: row.period_label,
    part: row.part,
    partCount: row.part_count,
    partLabel: row.part_label ?? null,
    status: row.status,
    issuedOn: row.issued,
    dueOn: row.due,
    overdue: row.status === 'open' && compareDates(today, row.due) > 0,
    subtotalPence: row.subtotal_pence,
    vatPence: row.vat_pence,
    ...balance,
    outstandingPence: outstandingPence(balance),
    poNumber: row.po_number ?? null,
    pendingPaymentMethod: row.pending_payment_method ?? null,
  };
}

/** Whether the school can pay online now: the partnership takes card payments and something is owed, with no Direct Debit already on its way. */
export const canPayOnline = (row: InvoiceListRow) =>
  Boolean(row.stripe_ready) && (row.status === 'open' || row.status === 'uncollectible') && !row.pending_payment_intent_id &&
  outstandingPence({ totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence }) > 0;

/** The full invoice (payments, credit notes, bank details), read in whichever unit of work the caller opened. */
export async function invoiceDetailIn(em: EntityManager, id: string, pdfPath: string, audience: 'partnership' | 'school' = 'school'): Promise<InvoiceDetailDto | null> {
  const invoices = new InvoiceRepository(em);
  const row = await invoices.findView(id);
  if (!row) return null;
  const payments = await invoices.payments(id);
  const credits = await invoices.creditNotes(id);
  const item = invoiceListItem(row);
  const seller = row.seller;
  return {
    ...item,
    partnership: { slug: row.tenant_slug, name: row.tenant_name },
    period: { label: row.period_label, start: row.p_start, end: row.p_end },
    chargedFrom: row.c_from ?? null,
    chargedTo: row.c_to ?? null,
    vatRateBasisPoints: row.vat_rate_bps,
    lines: row.lines,
    explanation: row.explanation,
    billTo: row.bill_to,
    seller: row.seller,
    scheduleId: row.schedule_id,
    scheduleVersion: row.schedule_version,
    billingRunId: row.billing_run_id ?? null,
    payments: payments.map((p) => ({
      id: p.id,
      method: p.method,
      amountPence: p.amount_pence,
      paidOn: p.paid_on,
      // A card or Direct Debit payment's reference is Stripe's id; schools see the method and date.
      reference: p.method === 'bank_transfer' ? (p.reference ?? null) : null,
      recordedAt: p.created_at.toISOString(),
      // The platform's fee on an online payment is the partnership's business, not the school's.
      ...(audience === 'partnership' ? { applicationFeePence: p.application_fee_pence ?? null } : {}),
    })),
    creditNotes: credits.map((c) => ({
      id: c.id,
      number: c.number,
      reason: c.reason,
      subtotalPence: c.subtotal_pence,
      vatPence: c.vat_pence,
      totalPence: c.total_pence,
      issuedOn: c.issued_on,
    })),
    remindersSent: row.reminders_sent ?? [],
    transferChosenAt: row.transfer_chosen_at ? row.transfer_chosen_at.toISOString() : null,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    paidAt: row.paid_at ? row.paid_at.toISOString() : null,
    voidedAt: row.voided_at ? row.voided_at.toISOString() : null,
    voidReason: row.void_reason ?? null,
    payOnline: canPayOnline(row),
    bankTransfer: {
      reference: row.number,
      accountName: seller.bank?.accountName ?? null,
      sortCode: seller.bank?.sortCode ?? null,
      accountNumber: seller.bank?.accountNumber ?? null,
      amountPence: item.outstandingPence,
      dueOn: item.dueOn,
      contactEmail: seller.email ?? null,
    },
    pdfPath,
  } as InvoiceDetailDto;
}

/** The PDF of an invoice read through `em` (the tenant's, or a school person's). */
export async function invoicePdfIn(em: EntityManager, id: string): Promise<{ number: string; pdf: Buffer } | null> {
  const document = await loadInvoiceDocument(em, id);
  if (!document) return null;
  return { number: document.number, pdf: await renderInvoicePdf(document) };
}

/** A partnership's invoices: list, detail, PDF, void, credit notes, bank transfers, e-mail, PO numbers, CSV. */
@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    private readonly db: Database,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private filter(query: InvoiceListQueryDto): InvoiceListFilter {
    return {
      statuses: query.status?.length ? query.status : null,
      urn: query.urn ?? null,
      q: likePattern(query.q),
      period: query.period?.trim() ? query.period.trim().toLowerCase().replace(/\s*[-‐‑‒–—―/]\s*/g, '-') : null,
      runId: query.runId ?? null,
      overdueBefore: query.overdue ? londonToday() : null,
    };
  }

  async list(ctx: TenantContext, query: InvoiceListQueryDto): Promise<InvoicePageDto> {
    const filter = this.filter(query);
    return inTenant(this.db, ctx, async (em) => {
      const invoices = new InvoiceRepository(em);
      const page = await invoices.listPage(ctx.tenant.id, filter, windowOf(query));
      return { ...pageFrom(query, page, (r) => invoiceListItem(r)), totals: { totalPence: page.totalPence, outstandingPence: page.outstandingPence } };
    });
  }

  /**
   * Every invoice matching the filters as a CSV in Xero's sales invoice import layout (Sage takes
   * the same columns): one row per charge line, amounts in pounds, VAT as its own column.
   */
  async csv(ctx: TenantContext, query: InvoiceListQueryDto): Promise<string> {
    const filter = this.filter(query);
    const rows = await inTenant(this.db, ctx, (em) => new InvoiceRepository(em).listAll(ctx.tenant.id, filter));
    const pounds = (pence: number) => (pence / 100).toFixed(2);
    const lines = [
      csvLine(['*ContactName', 'EmailAddress', 'POPostalCode', '*InvoiceNumber', 'Reference', '*InvoiceDate', '*DueDate', 'Total', '*Description', '*Quantity', '*UnitAmount', '*AccountCode', '*TaxType', 'TaxAmount', 'TrackingName1', 'TrackingOption1', 'Currency', 'Status', 'URN', 'AmountPaid', 'AmountCredited', 'Outstanding']),
    ];
    for (const row of rows) {
      const item = invoiceListItem(row);
      const vatRegistered = row.vat_rate_bps > 0;
      for (const line of row.lines.filter((l) => l.kind === 'charge')) {
        lines.push(
          csvLine([
            item.school.name, '', row.bill_to.postcode ?? '', item.number, item.poNumber ?? '', item.issuedOn, item.dueOn, pounds(item.totalPence),
            line.description, 1, pounds(line.amountPence), '200', vatRegistered ? '20% (VAT on Income)' : 'No VAT', pounds(vatRegistered ? vatOn(line.amountPence, { registered: true, rateBasisPoints: row.vat_rate_bps }) : 0),
            'Period', item.periodLabel, 'GBP', item.status, item.school.urn, pounds(item.amountPaidPence), pounds(item.amountCreditedPence), pounds(item.outstandingPence),
          ]),
        );
      }
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  async detail(ctx: TenantContext, id: string): Promise<InvoiceDetailDto> {
    if (!isUuid(id)) throw notFound('invoice');
    const detail = await inTenant(this.db, ctx, async (em) => {
      const found = await invoiceDetailIn(em, id, `/api/v1/tenants/${ctx.tenant.slug}/invoices/${id}.pdf`, 'partnership');
      return found ? { ...found, paymentWarning: await paymentWarningFor(em, ctx.tenant.id) } : null;
    });
    if (!detail) throw notFound('invoice');
    return detail;
  }

  async pdf(ctx: TenantContext, id: string): Promise<{ number: string; pdf: Buffer }> {
    if (!isUuid(id)) throw notFound('invoice');
    const found = await inTenant(this.db, ctx, (em) => invoicePdfIn(em, id));
    if (!found) throw notFound('invoice');
    return found;
  }

  /** The invoice row, locked for the rest of the transaction. */
  private async lock(em: EntityManager, ctx: TenantContext, id: string): Promise<LockedInvoiceRow> {
    if (!isUuid(id)) throw notFound('invoice');
    const row = await new InvoiceRepository(em).lockForUpdate(ctx.tenant.id, id);
    if (!row) throw notFound('invoice');
    return row;
  }

  async void(ctx: TenantContext, id: string, dto: VoidInvoiceDto): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      const problem = voidProblem({ status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence });
      if (problem) throw conflict(problem);
      await new InvoiceRepository(em).markVoid(id, dto.reason.trim());
    });
    return this.detail(ctx, id);
  }

  async markUncollectible(ctx: TenantContext, id: string): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      if (row.status !== 'open') throw conflict(`Only an open invoice can be written off; this one is ${row.status}.`);
      await new InvoiceRepository(em).markUncollectible(id);
    });
    return this.detail(ctx, id);
  }

  /**
   * A credit note: an amount (VAT included), or the difference a corrected pupil number makes to
   * this invoice's share of the fee. Never more than is left to credit; the invoice settles if
   * nothing is then owed.
   */
  async creditNote(ctx: TenantContext, id: string, dto: CreateCreditNoteDto): Promise<InvoiceDetailDto> {
    if ((dto.amountPence === undefined) === (dto.correctedPupils === undefined)) {
      throw invalid([{ field: 'amountPence', message: 'Give either the amount to credit or the corrected pupil number.' }]);
    }
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      const invoice = { status: row.status, totalPence: row.total_pence, vatPence: row.vat_pence, creditedPence: row.amount_credited_pence };
      let total = dto.amountPence ?? 0;
      if (dto.correctedPupils !== undefined) total = await this.correctionAmount(em, row, dto.correctedPupils);
      if (total === 0) throw conflict('With that pupil number the fee is no lower, so there is nothing to credit.');
      const problem = creditNoteProblem(invoice, total);
      if (problem) throw dto.correctedPupils !== undefined ? conflict(problem) : invalid([{ field: 'amountPence', message: problem }]);
      const amounts = creditNoteAmounts(invoice, total);
      const settings = await loadBillingSettings(em, ctx.tenant.id);
      const { sequence, number } = await nextCreditNoteNumber(em, ctx.tenant.id, settings.invoicePrefix);
      const invoices = new InvoiceRepository(em);
      await invoices.insertCreditNote(ctx.tenant.id, {
        invoiceId: id,
        schoolId: row.school_id,
        number,
        sequence,
        reason: dto.reason.trim(),
        subtotalPence: amounts.subtotalPence,
        vatPence: amounts.vatPence,
        totalPence: amounts.totalPence,
        issuedOn: londonToday(),
        createdBy: ctx.user.id,
      });
      const credited = invoice.creditedPence + total;
      const status = settledStatus({ status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: credited });
      await invoices.applyCredit(id, credited, status);
    });
    return this.detail(ctx, id);
  }

  /** What a corrected pupil number takes off this invoice's part of the fee, VAT included. */
  private async correctionAmount(em: EntityManager, row: LockedInvoiceRow, pupils: number): Promise<number> {
    if (!row.schedule_id || !row.membership_id) throw conflict('This invoice was not priced from a fee schedule, so credit an amount instead.');
    const sources = new BillingSourcesRepository(em);
    const document = await sources.scheduleDocument(row.schedule_id);
    const member = await sources.memberForCorrection(row.membership_id);
    if (!document || !member) throw conflict('This invoice was not priced from a fee schedule, so credit an amount instead.');
    const options = { ...(row.c_from ? { from: row.c_from } : {}), ...(row.c_to ? { to: row.c_to } : {}) };
    const quote = quoteFee(
      document,
      {
        phase: member.phase, pupils, category: member.category, schoolType: member.type, financialYearStartMonth: financialYearStartMonthForType(member.type),
        ...(member.service_level ? { tier: member.service_level } : {}),
      },
      options,
    );
    const draft = invoiceDraftsFromQuote(quote, { scheduleName: '', periodLabel: row.period_label }).find((d) => d.part === row.part);
    const charged = row.lines.filter((l) => l.kind === 'charge').reduce((t, l) => t + l.amountPence, 0);
    const net = correctionCreditPence(charged, draft?.lines.filter((l) => l.kind === 'charge').reduce((t, l) => t + l.amountPence, 0) ?? 0);
    const vatRate = row.vat_rate_bps;
    return net + vatOn(net, { registered: vatRate > 0, rateBasisPoints: vatRate });
  }

  /** A bank transfer the partnership has received: part payments are fine, never more than is owed. */
  async recordPayment(ctx: TenantContext, id: string, dto: RecordPaymentDto): Promise<InvoiceDetailDto> {
    if (!isValidIsoDate(dto.date)) throw invalid([{ field: 'date', message: 'That is not a real date.' }]);
    if (compareDates(dto.date, londonToday()) > 0) throw invalid([{ field: 'date', message: 'The money cannot have arrived in the future.' }]);
    const paymentId = await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      const balance = { status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence };
      const problem = manualPaymentProblem(balance, dto.amountPence);
      if (problem) {
        if (row.status === 'open' || row.status === 'uncollectible') throw invalid([{ field: 'amountPence', message: problem }]);
        throw conflict(problem);
      }
      const invoices = new InvoiceRepository(em);
      const inserted = await invoices.insertBankTransfer(ctx.tenant.id, { invoiceId: id, schoolId: row.school_id, amountPence: dto.amountPence, paidOn: dto.date, reference: dto.reference.trim(), recordedBy: ctx.user.id });
      const paid = row.amount_paid_pence + dto.amountPence;
      const status = settledStatus({ ...balance, amountPaidPence: paid });
      await invoices.applyPayment(id, paid, status);
      return inserted;
    });
    // The receipt to the school and the notice to the partnership, once the payment has committed (keyed by the payment).
    // The payment was recorded with `receipt_due`: if the queue cannot take the job now, the receipts sweep queues it
    // within minutes, so the money recorded is not reported as a failure (a retry would be refused: already paid).
    try {
      await this.queue.enqueue(JobName.SendInvoice, { tenantId: ctx.tenant.id, invoiceId: id, kind: 'receipt', paymentId }, { jobId: receiptJobId(paymentId) });
    } catch (error) {
      this.logger.warn(`The receipt for payment ${paymentId} could not be queued now; the receipts sweep will queue it: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.detail(ctx, id);
  }

  async setPoNumber(ctx: TenantContext, id: string, dto: PoNumberDto): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      await this.lock(em, ctx, id);
      await new InvoiceRepository(em).setPoNumber(id, dto.poNumber?.trim() || null);
    });
    return this.detail(ctx, id);
  }

  /** E-mails the invoice with its PDF (a job), to the addresses given or the school's finance contacts. */
  async send(ctx: TenantContext, id: string, dto: SendInvoiceDto): Promise<InvoiceSentDto> {
    if (!isUuid(id)) throw notFound('invoice');
    const { to, paymentWarning } = await inTenant(this.db, ctx, async (em) => {
      const row = await new InvoiceRepository(em).findForSending(ctx.tenant.id, id);
      if (!row) throw notFound('invoice');
      if (row.status === 'draft') throw conflict('This invoice has not been issued yet.');
      const to = dto.to?.length ? dto.to.map((e) => e.trim().toLowerCase()) : await financeContacts(em, row.schoolId, row.membershipId);
      return { to, paymentWarning: await paymentWarningFor(em, ctx.tenant.id) };
    });
    if (to.length === 0) {
      throw new AppError('no_recipient', 409, 'The school has no business manager, membership contact or headteacher with an e-mail address here. Give an address to send to.', [
        { field: 'to', message: 'Give an address to send to' },
      ]);
    }
    await this.queue.enqueue(JobName.SendInvoice, { tenantId: ctx.tenant.id, invoiceId: id, kind: 'invoice', to }, { jobId: `invoice-mail-${id}-${ctx.requestId}` });
    return { queued: true, to, paymentWarning };
  }
}
