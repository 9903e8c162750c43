import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  compareDates,
  correctionCreditPence,
  creditNoteAmounts,
  creditNoteProblem,
  csvLine,
  type FeeSchedule,
  financialYearStartMonthForType,
  invoiceDraftsFromQuote,
  isValidIsoDate,
  manualPaymentProblem,
  outstandingPence,
  quoteFee,
  settledStatus,
  vatOn,
  voidProblem,
  type InvoiceStatus,
  type Phase,
} from '@partnerships/domain';
import {
  financeContacts,
  type JobQueue,
  JobName,
  loadBillingSettings,
  loadInvoiceDocument,
  nextCreditNoteNumber,
  renderInvoicePdf,
} from '@partnerships/jobs';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { offsetOf, pageOf } from '../../common/pagination.dto';
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
} from './billing.dto';

export const INVOICE_SELECT = `SELECT i.*, to_char(i.issued_on, 'YYYY-MM-DD') AS issued, to_char(i.due_on, 'YYYY-MM-DD') AS due,
    to_char(i.period_start, 'YYYY-MM-DD') AS p_start, to_char(i.period_end, 'YYYY-MM-DD') AS p_end,
    to_char(i.charged_from, 'YYYY-MM-DD') AS c_from, to_char(i.charged_to, 'YYYY-MM-DD') AS c_to,
    s.urn, s.name AS school_name, t.slug AS tenant_slug, t.name AS tenant_name,
    tenant_takes_online_payments(i.tenant_id) AS stripe_ready
  FROM invoices i JOIN schools s ON s.id = i.school_id JOIN tenants t ON t.id = i.tenant_id`;

export function invoiceListItem(row: Record<string, unknown>, today = londonToday()): InvoiceListItemDto {
  const balance = { totalPence: row.total_pence as number, amountPaidPence: row.amount_paid_pence as number, amountCreditedPence: row.amount_credited_pence as number };
  return {
    id: row.id as string,
    number: row.number as string,
    school: { id: row.school_id as string, urn: row.urn as string, name: row.school_name as string },
    periodLabel: row.period_label as string,
    part: row.part as number,
    partCount: row.part_count as number,
    partLabel: (row.part_label as string | null) ?? null,
    status: row.status as string,
    issuedOn: row.issued as string,
    dueOn: row.due as string,
    overdue: row.status === 'open' && compareDates(today, row.due as string) > 0,
    subtotalPence: row.subtotal_pence as number,
    vatPence: row.vat_pence as number,
    ...balance,
    outstandingPence: outstandingPence(balance),
    poNumber: (row.po_number as string | null) ?? null,
    pendingPaymentMethod: (row.pending_payment_method as string | null) ?? null,
  };
}

/** Whether the school can pay online now: the partnership takes card payments and something is owed, with no Direct Debit already on its way. */
export const canPayOnline = (row: Record<string, unknown>) =>
  Boolean(row.stripe_ready) && (row.status === 'open' || row.status === 'uncollectible') && !row.pending_payment_intent_id &&
  outstandingPence({ totalPence: row.total_pence as number, amountPaidPence: row.amount_paid_pence as number, amountCreditedPence: row.amount_credited_pence as number }) > 0;

/** The full invoice (payments, credit notes, bank details), read in whichever unit of work the caller opened. */
export async function invoiceDetailIn(em: EntityManager, id: string, pdfPath: string): Promise<InvoiceDetailDto | null> {
  const [row] = await em.query(`${INVOICE_SELECT} WHERE i.id = $1`, [id]);
  if (!row) return null;
  const payments = await em.query(
    `SELECT id, method, amount_pence, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, reference, created_at FROM invoice_payments WHERE invoice_id = $1 ORDER BY created_at, id`,
    [id],
  );
  const credits = await em.query(
    `SELECT id, number, reason, subtotal_pence, vat_pence, total_pence, to_char(issued_on, 'YYYY-MM-DD') AS issued_on FROM credit_notes WHERE invoice_id = $1 ORDER BY sequence`,
    [id],
  );
  const item = invoiceListItem(row);
  const seller = row.seller as { bank?: { accountName: string; sortCode: string; accountNumber: string } | null; email?: string | null };
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
    payments: payments.map((p: Record<string, unknown>) => ({
      id: p.id,
      method: p.method,
      amountPence: p.amount_pence,
      paidOn: p.paid_on,
      // A card or Direct Debit payment's reference is Stripe's id; schools see the method and date.
      reference: p.method === 'bank_transfer' ? (p.reference ?? null) : null,
      recordedAt: (p.created_at as Date).toISOString(),
    })),
    creditNotes: credits.map((c: Record<string, unknown>) => ({
      id: c.id,
      number: c.number,
      reason: c.reason,
      subtotalPence: c.subtotal_pence,
      vatPence: c.vat_pence,
      totalPence: c.total_pence,
      issuedOn: c.issued_on,
    })),
    remindersSent: row.reminders_sent ?? [],
    transferChosenAt: row.transfer_chosen_at ? (row.transfer_chosen_at as Date).toISOString() : null,
    paidAt: row.paid_at ? (row.paid_at as Date).toISOString() : null,
    voidedAt: row.voided_at ? (row.voided_at as Date).toISOString() : null,
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
  constructor(
    private readonly db: Database,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private filters(ctx: TenantContext, query: InvoiceListQueryDto) {
    const params = [
      ctx.tenant.id,
      query.status?.length ? query.status : null,
      query.urn ?? null,
      likePattern(query.q),
      query.period?.trim() ? query.period.trim().toLowerCase().replace(/\s*[-‐‑‒–—―/]\s*/g, '-') : null,
      query.runId ?? null,
      query.overdue ? londonToday() : null,
    ];
    const where = `i.tenant_id = $1 AND ($2::text[] IS NULL OR i.status = ANY($2)) AND ($3::text IS NULL OR s.urn = $3)
      AND ($4::text IS NULL OR i.number ILIKE $4 OR s.name ILIKE $4 OR s.urn LIKE $4 OR i.po_number ILIKE $4)
      AND ($5::text IS NULL OR regexp_replace(lower(i.period_label), '\\s*[-‐‑‒–—―/]\\s*', '-', 'g') = $5)
      AND ($6::uuid IS NULL OR i.billing_run_id = $6) AND ($7::date IS NULL OR (i.status = 'open' AND i.due_on < $7::date))`;
    return { params, where };
  }

  async list(ctx: TenantContext, query: InvoiceListQueryDto): Promise<InvoicePageDto> {
    const { params, where } = this.filters(ctx, query);
    return inTenant(this.db, ctx, async (em) => {
      const rows = await em.query(`${INVOICE_SELECT} WHERE ${where} ORDER BY i.sequence DESC LIMIT $8 OFFSET $9`, [...params, query.pageSize, offsetOf(query)]);
      const [sums] = await em.query(
        `SELECT count(*)::int AS total, coalesce(sum(i.total_pence), 0)::bigint AS total_pence,
           coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status IN ('open', 'uncollectible')), 0)::bigint AS outstanding
         FROM invoices i JOIN schools s ON s.id = i.school_id WHERE ${where}`,
        params,
      );
      return { ...pageOf(rows.map((r: Record<string, unknown>) => invoiceListItem(r)), query, sums.total), totals: { totalPence: Number(sums.total_pence), outstandingPence: Number(sums.outstanding) } };
    });
  }

  /**
   * Every invoice matching the filters as a CSV in Xero's sales invoice import layout (Sage takes
   * the same columns): one row per charge line, amounts in pounds, VAT as its own column.
   */
  async csv(ctx: TenantContext, query: InvoiceListQueryDto): Promise<string> {
    const { params, where } = this.filters(ctx, query);
    const rows = await inTenant(this.db, ctx, (em) => em.query(`${INVOICE_SELECT} WHERE ${where} ORDER BY i.sequence`, params));
    const pounds = (pence: number) => (pence / 100).toFixed(2);
    const lines = [
      csvLine(['*ContactName', 'EmailAddress', 'POPostalCode', '*InvoiceNumber', 'Reference', '*InvoiceDate', '*DueDate', 'Total', '*Description', '*Quantity', '*UnitAmount', '*AccountCode', '*TaxType', 'TaxAmount', 'TrackingName1', 'TrackingOption1', 'Currency', 'Status', 'URN', 'AmountPaid', 'AmountCredited', 'Outstanding']),
    ];
    for (const row of rows) {
      const item = invoiceListItem(row);
      const vatRegistered = (row.vat_rate_bps as number) > 0;
      for (const line of (row.lines as { kind: string; description: string; amountPence: number }[]).filter((l) => l.kind === 'charge')) {
        lines.push(
          csvLine([
            item.school.name, '', (row.bill_to as { postcode?: string }).postcode ?? '', item.number, item.poNumber ?? '', item.issuedOn, item.dueOn, pounds(item.totalPence),
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
    const detail = await inTenant(this.db, ctx, (em) => invoiceDetailIn(em, id, `/api/v1/tenants/${ctx.tenant.slug}/invoices/${id}.pdf`));
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
  private async lock(em: EntityManager, ctx: TenantContext, id: string) {
    if (!isUuid(id)) throw notFound('invoice');
    const [row] = await em.query(
      `SELECT *, to_char(charged_from, 'YYYY-MM-DD') AS c_from, to_char(charged_to, 'YYYY-MM-DD') AS c_to FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [ctx.tenant.id, id],
    );
    if (!row) throw notFound('invoice');
    return row;
  }

  async void(ctx: TenantContext, id: string, dto: VoidInvoiceDto): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      const problem = voidProblem({ status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence });
      if (problem) throw conflict(problem);
      await em.query(`UPDATE invoices SET status = 'void', voided_at = now(), void_reason = $2, pending_payment_intent_id = NULL, pending_payment_method = NULL, updated_at = now() WHERE id = $1`, [
        id,
        dto.reason.trim(),
      ]);
    });
    return this.detail(ctx, id);
  }

  async markUncollectible(ctx: TenantContext, id: string): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      if (row.status !== 'open') throw conflict(`Only an open invoice can be written off; this one is ${row.status}.`);
      await em.query(`UPDATE invoices SET status = 'uncollectible', updated_at = now() WHERE id = $1`, [id]);
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
      const invoice = { status: row.status as string, totalPence: row.total_pence as number, vatPence: row.vat_pence as number, creditedPence: row.amount_credited_pence as number };
      let total = dto.amountPence ?? 0;
      if (dto.correctedPupils !== undefined) total = await this.correctionAmount(em, row, dto.correctedPupils);
      if (total === 0) throw conflict('With that pupil number the fee is no lower, so there is nothing to credit.');
      const problem = creditNoteProblem(invoice, total);
      if (problem) throw dto.correctedPupils !== undefined ? conflict(problem) : invalid([{ field: 'amountPence', message: problem }]);
      const amounts = creditNoteAmounts(invoice, total);
      const settings = await loadBillingSettings(em, ctx.tenant.id);
      const { sequence, number } = await nextCreditNoteNumber(em, ctx.tenant.id, settings.invoicePrefix);
      await em.query(
        `INSERT INTO credit_notes (tenant_id, invoice_id, school_id, number, sequence, reason, subtotal_pence, vat_pence, total_pence, issued_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [ctx.tenant.id, id, row.school_id, number, sequence, dto.reason.trim(), amounts.subtotalPence, amounts.vatPence, amounts.totalPence, londonToday(), ctx.user.id],
      );
      const credited = invoice.creditedPence + total;
      const status = settledStatus({ status: row.status as InvoiceStatus, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: credited });
      await em.query(`UPDATE invoices SET amount_credited_pence = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END, updated_at = now() WHERE id = $1`, [
        id,
        credited,
        status,
      ]);
    });
    return this.detail(ctx, id);
  }

  /** What a corrected pupil number takes off this invoice's part of the fee, VAT included. */
  private async correctionAmount(em: EntityManager, row: Record<string, unknown>, pupils: number): Promise<number> {
    const [schedule] = await em.query(`SELECT document FROM fee_schedules WHERE id = $1`, [row.schedule_id]);
    const [member] = await em.query(
      `SELECT s.phase, s.type, m.category FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.id = $1`,
      [row.membership_id],
    );
    const options = { ...(row.c_from ? { from: row.c_from as string } : {}), ...(row.c_to ? { to: row.c_to as string } : {}) };
    const quote = quoteFee(
      schedule.document as FeeSchedule,
      { phase: member.phase as Phase, pupils, category: member.category, schoolType: member.type, financialYearStartMonth: financialYearStartMonthForType(member.type) },
      options,
    );
    const draft = invoiceDraftsFromQuote(quote, { scheduleName: '', periodLabel: row.period_label as string }).find((d) => d.part === row.part);
    const charged = (row.lines as { kind: string; amountPence: number }[]).filter((l) => l.kind === 'charge').reduce((t, l) => t + l.amountPence, 0);
    const net = correctionCreditPence(charged, draft?.lines.filter((l) => l.kind === 'charge').reduce((t, l) => t + l.amountPence, 0) ?? 0);
    const vatRate = row.vat_rate_bps as number;
    return net + vatOn(net, { registered: vatRate > 0, rateBasisPoints: vatRate });
  }

  /** A bank transfer the partnership has received: part payments are fine, never more than is owed. */
  async recordPayment(ctx: TenantContext, id: string, dto: RecordPaymentDto): Promise<InvoiceDetailDto> {
    if (!isValidIsoDate(dto.date)) throw invalid([{ field: 'date', message: 'That is not a real date.' }]);
    if (compareDates(dto.date, londonToday()) > 0) throw invalid([{ field: 'date', message: 'The money cannot have arrived in the future.' }]);
    await inTenant(this.db, ctx, async (em) => {
      const row = await this.lock(em, ctx, id);
      const balance = { status: row.status as InvoiceStatus, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence };
      const problem = manualPaymentProblem(balance, dto.amountPence);
      if (problem) {
        if (row.status === 'open' || row.status === 'uncollectible') throw invalid([{ field: 'amountPence', message: problem }]);
        throw conflict(problem);
      }
      await em.query(
        `INSERT INTO invoice_payments (tenant_id, invoice_id, school_id, method, amount_pence, paid_on, reference, recorded_by)
         VALUES ($1, $2, $3, 'bank_transfer', $4, $5, $6, $7)`,
        [ctx.tenant.id, id, row.school_id, dto.amountPence, dto.date, dto.reference.trim(), ctx.user.id],
      );
      const paid = row.amount_paid_pence + dto.amountPence;
      const status = settledStatus({ ...balance, amountPaidPence: paid });
      await em.query(`UPDATE invoices SET amount_paid_pence = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END, updated_at = now() WHERE id = $1`, [
        id,
        paid,
        status,
      ]);
    });
    return this.detail(ctx, id);
  }

  async setPoNumber(ctx: TenantContext, id: string, dto: PoNumberDto): Promise<InvoiceDetailDto> {
    await inTenant(this.db, ctx, async (em) => {
      await this.lock(em, ctx, id);
      await em.query(`UPDATE invoices SET po_number = $2, updated_at = now() WHERE id = $1`, [id, dto.poNumber?.trim() || null]);
    });
    return this.detail(ctx, id);
  }

  /** E-mails the invoice with its PDF (a job), to the addresses given or the school's finance contacts. */
  async send(ctx: TenantContext, id: string, dto: SendInvoiceDto): Promise<InvoiceSentDto> {
    if (!isUuid(id)) throw notFound('invoice');
    const to = await inTenant(this.db, ctx, async (em) => {
      const [row] = await em.query(`SELECT school_id, membership_id, status FROM invoices WHERE tenant_id = $1 AND id = $2`, [ctx.tenant.id, id]);
      if (!row) throw notFound('invoice');
      if (row.status === 'draft') throw conflict('This invoice has not been issued yet.');
      return dto.to?.length ? dto.to.map((e) => e.trim().toLowerCase()) : financeContacts(em, row.school_id, row.membership_id);
    });
    if (to.length === 0) {
      throw new AppError('no_recipient', 409, 'The school has no business manager, membership contact or headteacher with an e-mail address here. Give an address to send to.', [
        { field: 'to', message: 'Give an address to send to' },
      ]);
    }
    await this.queue.enqueue(JobName.SendInvoice, { tenantId: ctx.tenant.id, invoiceId: id, kind: 'invoice', to }, { jobId: `invoice-mail-${id}-${ctx.requestId}` });
    return { queued: true, to };
  }
}
