import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';
import type { InvoiceLine, InvoiceStatus, PaymentMethod } from '@partnerships/domain';

/** An invoice as lists, details and the CSV show it: the row, its dates as ISO strings, its school and partnership. */
export interface InvoiceViewRow {
  id: string;
  tenant_id: string;
  number: string;
  sequence: number;
  school_id: string;
  membership_id: string | null;
  billing_run_id: string | null;
  schedule_id: string | null;
  schedule_version: number | null;
  kind: 'membership' | 'one-off';
  reference: string | null;
  period_label: string;
  part: number;
  part_count: number;
  part_label: string | null;
  status: InvoiceStatus;
  subtotal_pence: number;
  vat_rate_bps: number;
  vat_pence: number;
  total_pence: number;
  amount_paid_pence: number;
  amount_credited_pence: number;
  po_number: string | null;
  lines: InvoiceLine[];
  explanation: string;
  bill_to: { name?: string; urn?: string; postcode?: string | null; localAuthority?: string; phase?: string };
  seller: { name?: string; email?: string | null; website?: string | null; vatNumber?: string | null; bank?: { accountName: string; sortCode: string; accountNumber: string } | null; note?: string | null };
  reminders_sent: string[] | null;
  pending_payment_intent_id: string | null;
  pending_payment_method: string | null;
  transfer_chosen_at: Date | null;
  sent_at: Date | null;
  paid_at: Date | null;
  voided_at: Date | null;
  void_reason: string | null;
  issued: string;
  due: string;
  p_start: string | null;
  p_end: string | null;
  c_from: string | null;
  c_to: string | null;
  urn: string;
  school_name: string;
  tenant_slug: string;
  tenant_name: string;
  stripe_ready: boolean;
}

/** What a list shows of an invoice (the lists read only these columns, not its lines, addresses or explanation). */
export type InvoiceListRow = Pick<InvoiceViewRow, 'id' | 'tenant_id' | 'number' | 'sequence' | 'school_id' | 'period_label' | 'part' | 'part_count' | 'part_label' | 'status'
  | 'subtotal_pence' | 'vat_pence' | 'total_pence' | 'amount_paid_pence' | 'amount_credited_pence' | 'po_number' | 'pending_payment_intent_id' | 'pending_payment_method'
  | 'issued' | 'due' | 'urn' | 'school_name' | 'tenant_slug' | 'tenant_name' | 'stripe_ready'>;

/** An invoice row locked for a change (its charged dates as ISO strings). */
export type LockedInvoiceRow = Omit<InvoiceViewRow, 'issued' | 'due' | 'p_start' | 'p_end' | 'urn' | 'school_name' | 'tenant_slug' | 'tenant_name' | 'stripe_ready'>;

/** An invoice row with its partnership's slug, for starting a payment. */
export type InvoiceForCheckoutRow = LockedInvoiceRow & { slug: string };

export interface InvoicePaymentRow {
  id: string;
  method: PaymentMethod;
  amount_pence: number;
  paid_on: string;
  reference: string | null;
  created_at: Date;
  /** The platform's fee on an online payment (Stripe application fee), in pence; null for bank transfers. */
  application_fee_pence: number | null;
}

/** A payment with what its receipt and the partnership's notice need. */
export interface PaymentForReceiptRow {
  id: string;
  invoice_id: string;
  school_id: string;
  method: PaymentMethod;
  amount_pence: number;
  paid_on: string;
  receipt_sent_at: Date | null;
}

/** An invoice as "Send all" weighs it. */
export interface InvoiceToSendRow {
  id: string;
  status: string;
  sentAt: Date | null;
}

export interface CreditNoteRow {
  id: string;
  number: string;
  reason: string;
  subtotal_pence: number;
  vat_pence: number;
  total_pence: number;
  issued_on: string;
}

/** An invoice as printed and e-mailed. */
export type InvoiceDocumentRow = LockedInvoiceRow & { issued: string; due: string; urn: string; pay_online: boolean };

/** The list filters, already normalised by the caller (`q` is a LIKE pattern, `period` lower-case with plain hyphens). */
export interface InvoiceListFilter {
  statuses: string[] | null;
  urn: string | null;
  q: string | null;
  period: string | null;
  runId: string | null;
  /** Only invoices open and due before this day. */
  overdueBefore: string | null;
}

/** A page of a list of invoices, with what all the invoices the list's filter matches come to. */
export interface InvoicePage extends PagedRows<InvoiceListRow> {
  /** What every invoice the filter matches totals (partnership lists), in pence. */
  totalPence: number;
  /** What is left to pay on them (open and uncollectible invoices), in pence. */
  outstandingPence: number;
}

/** A page of a school's invoices, with what is left to pay on all of them and its current fees. */
export interface SchoolInvoicePage extends InvoicePage {
  currentFees: CurrentFeeRow[];
}

/** An invoice the member already has for a period. */
export interface ExistingInvoiceRow {
  id: string;
  number: string;
  schedule_id: string;
  schedule_version: number;
  part: number;
  status: string;
  total_pence: number;
  membership_id: string;
}

export interface IssuedInvoiceRow {
  id: string;
  number: string;
  membership_id: string | null;
  part: number;
  total_pence: number;
}

/** One group of the money report (bigints come back as text). */
export interface BillingReportRow {
  key: string;
  label: string;
  invoices: number;
  invoiced: string;
  paid: string;
  credited: string;
  outstanding: string;
  overdue: string;
}

export type BillingReportGroup = 'school' | 'period' | 'month';

/** Money at a glance over invoices issued in a date range (bigints come back as text). */
export interface BillingOverviewRow {
  invoices: number;
  invoiced: string;
  paid: string;
  credited: string;
  outstanding: string;
  overdue: string;
  platform_fees: string;
}

/** A school's current fee from a partnership: what its latest billed period's invoices come to, less credit notes. */
export interface CurrentFeeRow {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  period_label: string;
  fee_pence: string;
  invoices: number;
}

const GROUPS = {
  school: { key: 's.urn', label: 'max(s.name)', order: 'max(s.name), s.urn' },
  period: { key: 'i.period_label', label: 'i.period_label', order: 'min(i.period_start) DESC' },
  month: { key: `to_char(i.issued_on, 'YYYY-MM')`, label: `to_char(i.issued_on, 'YYYY-MM')`, order: '1' },
} as const;

const INVOICE_COLUMNS = `i.*, to_char(i.issued_on, 'YYYY-MM-DD') AS issued, to_char(i.due_on, 'YYYY-MM-DD') AS due,
    to_char(i.period_start, 'YYYY-MM-DD') AS p_start, to_char(i.period_end, 'YYYY-MM-DD') AS p_end,
    to_char(i.charged_from, 'YYYY-MM-DD') AS c_from, to_char(i.charged_to, 'YYYY-MM-DD') AS c_to,
    s.urn, s.name AS school_name, t.slug AS tenant_slug, t.name AS tenant_name,
    tenant_takes_online_payments(i.tenant_id) AS stripe_ready`;
/** The columns of `InvoiceListRow`: a list page carries no lines, addresses or explanation (issue 14). */
const LIST_COLUMNS = `i.id, i.tenant_id, i.number, i.sequence, i.school_id, i.period_label, i.part, i.part_count, i.part_label, i.status,
    i.subtotal_pence, i.vat_pence, i.total_pence, i.amount_paid_pence, i.amount_credited_pence, i.po_number, i.pending_payment_intent_id,
    i.pending_payment_method, to_char(i.issued_on, 'YYYY-MM-DD') AS issued, to_char(i.due_on, 'YYYY-MM-DD') AS due,
    s.urn, s.name AS school_name, t.slug AS tenant_slug, t.name AS tenant_name, tenant_takes_online_payments(i.tenant_id) AS stripe_ready`;
const INVOICE_FROM = `FROM invoices i JOIN schools s ON s.id = i.school_id JOIN tenants t ON t.id = i.tenant_id`;
const INVOICE_SELECT = `SELECT ${INVOICE_COLUMNS} ${INVOICE_FROM}`;

/**
 * What every invoice a list's filter matches comes to, as window aggregates over the same rows as
 * the page and its `PAGE_TOTAL` (one statement, one scan: ADR 0009). Bigints come back as text.
 */
const LIST_SUMS = `(coalesce(sum(i.total_pence) OVER (), 0))::bigint AS list_total_pence,
    (coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status IN ('open', 'uncollectible')) OVER (), 0))::bigint AS list_outstanding`;

type ListSumColumns = { list_total_pence?: string; list_outstanding?: string };

/** A school's current fee from each partnership (a school person's unit of work; `$n` is the school's URN). */
const currentFeesOf = (urn: string) => `SELECT jsonb_agg(to_jsonb(c) ORDER BY c.tenant_id) FROM (
    SELECT DISTINCT ON (i.tenant_id) i.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, i.period_label,
           (sum(i.total_pence - i.amount_credited_pence) OVER w)::bigint AS fee_pence, (count(*) OVER w)::int AS invoices
      FROM invoices i JOIN tenants t ON t.id = i.tenant_id JOIN schools sc ON sc.id = i.school_id
      WHERE sc.urn = ${urn} AND i.kind = 'membership' AND i.status NOT IN ('void', 'draft')
      WINDOW w AS (PARTITION BY i.tenant_id, i.period_start, i.period_end, i.period_label)
      ORDER BY i.tenant_id, i.period_start DESC NULLS LAST, i.period_label DESC) c`;

const LIST_WHERE = `i.tenant_id = $1 AND ($2::text[] IS NULL OR i.status = ANY($2)) AND ($3::text IS NULL OR s.urn = $3)
      AND ($4::text IS NULL OR i.number ILIKE $4 OR s.name ILIKE $4 OR s.urn LIKE $4 OR i.po_number ILIKE $4)
      AND ($5::text IS NULL OR regexp_replace(lower(i.period_label), '\\s*[-‐‑‒–—―/]\\s*', '-', 'g') = $5)
      AND ($6::uuid IS NULL OR i.billing_run_id = $6) AND ($7::date IS NULL OR (i.status = 'open' AND i.due_on < $7::date))`;

const listParams = (tenantId: string, f: InvoiceListFilter) => [tenantId, f.statuses, f.urn, f.q, f.period, f.runId, f.overdueBefore];

/**
 * Invoices and what hangs off them: payments (`invoice_payments`) and credit notes
 * (`credit_notes`). Row-level security decides whose invoices a unit of work sees: the tenant's
 * own, or (in a school person's unit of work) their school's in every partnership.
 */
export class InvoiceRepository extends UnitOfWorkRepository {
  // ------------------------------------------------------------ reading

  findView(id: string): Promise<InvoiceViewRow | null> {
    return this.one<InvoiceViewRow>(`${INVOICE_SELECT} WHERE i.id = $1`, [id]);
  }

  payments(invoiceId: string): Promise<InvoicePaymentRow[]> {
    return this.rows<InvoicePaymentRow>(
      `SELECT id, method, amount_pence, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, reference, created_at, application_fee_pence FROM invoice_payments WHERE invoice_id = $1 ORDER BY created_at, id`,
      [invoiceId],
    );
  }

  creditNotes(invoiceId: string): Promise<CreditNoteRow[]> {
    return this.rows<CreditNoteRow>(
      `SELECT id, number, reason, subtotal_pence, vat_pence, total_pence, to_char(issued_on, 'YYYY-MM-DD') AS issued_on FROM credit_notes WHERE invoice_id = $1 ORDER BY sequence`,
      [invoiceId],
    );
  }

  /**
   * One page of the tenant's invoices matching the filter, newest number first, with how many
   * match, what they total and what is outstanding on them: one statement (ADR 0009). The window
   * aggregates run over narrow rows (ids and amounts) and only the page's invoices are read whole:
   * with every column (lines, explanation, addresses) a partnership's thousands of invoices
   * overflowed the window's memory to disk and cost twice as long (issue 14).
   */
  async listPage(tenantId: string, filter: InvoiceListFilter, page: PageWindow): Promise<InvoicePage> {
    const paged = await this.pageRows<InvoiceListRow & ListSumColumns>(
      (limitOffset) => `WITH page AS (
          SELECT i.id, ${PAGE_TOTAL}, ${LIST_SUMS} ${INVOICE_FROM} WHERE ${LIST_WHERE} ORDER BY i.sequence DESC ${limitOffset})
        SELECT page.page_total, page.list_total_pence, page.list_outstanding, ${LIST_COLUMNS}
          FROM page JOIN invoices i ON i.id = page.id JOIN schools s ON s.id = i.school_id JOIN tenants t ON t.id = i.tenant_id
         ORDER BY i.sequence DESC`,
      listParams(tenantId, filter),
      page,
    );
    return { ...paged, totalPence: Number(paged.head?.list_total_pence ?? 0), outstandingPence: Number(paged.head?.list_outstanding ?? 0) };
  }

  /** Every invoice matching the filter, in number order (the CSV export). */
  listAll(tenantId: string, filter: InvoiceListFilter): Promise<InvoiceViewRow[]> {
    return this.rows<InvoiceViewRow>(`${INVOICE_SELECT} WHERE ${LIST_WHERE} ORDER BY i.sequence`, listParams(tenantId, filter));
  }

  /**
   * One page of a school's issued invoices from every partnership, or from one (its slug), newest
   * first (a school person's unit of work), with how many there are, what is left to pay on all of
   * them and the school's current fees: one statement (ADR 0009; a list request is five). The fees
   * are an uncorrelated subquery (run once). Only when the partnership filter leaves no invoices
   * at all are the fees (from the school's other partnerships) read on their own.
   */
  async listForSchool(schoolId: string, urn: string, tenantSlug: string | null, page: PageWindow): Promise<SchoolInvoicePage> {
    const paged = await this.pageRows<InvoiceListRow & ListSumColumns & { current_fees?: CurrentFeeRow[] | null }>(
      `SELECT ${PAGE_TOTAL}, ${LIST_SUMS}, (${currentFeesOf('$3')}) AS current_fees, ${LIST_COLUMNS} ${INVOICE_FROM}
         WHERE i.school_id = $1 AND i.status <> 'draft' AND ($2::text IS NULL OR t.slug = $2) ORDER BY i.issued_on DESC, i.sequence DESC`,
      [schoolId, tenantSlug, urn],
      page,
    );
    const fees = paged.head ? paged.head.current_fees : tenantSlug === null ? [] : (await this.one<{ fees: CurrentFeeRow[] | null }>(`SELECT (${currentFeesOf('$1')}) AS fees`, [urn]))?.fees;
    return { ...paged, totalPence: Number(paged.head?.list_total_pence ?? 0), outstandingPence: Number(paged.head?.list_outstanding ?? 0), currentFees: fees ?? [] };
  }

  /** The partnership an issued invoice of this school belongs to, or null. */
  async tenantOfSchoolInvoice(id: string, schoolId: string): Promise<string | null> {
    const row = await this.one<{ tenant_id: string }>(`SELECT tenant_id FROM invoices WHERE id = $1 AND school_id = $2 AND status <> 'draft'`, [id, schoolId]);
    return row?.tenant_id ?? null;
  }

  /** An invoice as printed and e-mailed (with whether its partnership takes online payments). */
  findDocument(invoiceId: string): Promise<InvoiceDocumentRow | null> {
    return this.one<InvoiceDocumentRow>(
      `SELECT i.*, to_char(i.issued_on, 'YYYY-MM-DD') AS issued, to_char(i.due_on, 'YYYY-MM-DD') AS due, s.urn,
            tenant_takes_online_payments(i.tenant_id) AS pay_online
     FROM invoices i JOIN schools s ON s.id = i.school_id WHERE i.id = $1`,
      [invoiceId],
    );
  }

  /** Who an invoice is for and whether it has been issued, for e-mailing it. */
  async findForSending(tenantId: string, id: string): Promise<{ schoolId: string; membershipId: string | null; status: string } | null> {
    const row = await this.one<{ school_id: string; membership_id: string | null; status: string }>(`SELECT school_id, membership_id, status FROM invoices WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? { schoolId: row.school_id, membershipId: row.membership_id, status: row.status } : null;
  }

  findForCheckout(id: string): Promise<InvoiceForCheckoutRow | null> {
    return this.one<InvoiceForCheckoutRow>(`SELECT i.*, t.slug FROM invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.id = $1`, [id]);
  }

  /** The members' invoices for a period (any schedule version), in number order. */
  existingForPeriod(tenantId: string, membershipIds: string[], periodStart: string, periodEnd: string): Promise<ExistingInvoiceRow[]> {
    return this.rows<ExistingInvoiceRow>(
      `SELECT i.id, i.number, i.schedule_id, i.schedule_version, i.part, i.status, i.total_pence, i.membership_id
     FROM invoices i WHERE i.tenant_id = $1 AND i.membership_id = ANY($2::uuid[]) AND i.period_start = $3 AND i.period_end = $4
     ORDER BY i.sequence`,
      [tenantId, membershipIds, periodStart, periodEnd],
    );
  }

  /** Open invoices due on or before a day (the reminder sweep). */
  async openDueBy(tenantId: string, date: string): Promise<{ id: string; dueOn: string; remindersSent: string[] }[]> {
    const rows = await this.rows<{ id: string; due_on: string; reminders_sent: string[] }>(
      `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on, reminders_sent FROM invoices
         WHERE tenant_id = $1 AND status = 'open' AND due_on <= $2::date ORDER BY due_on`,
      [tenantId, date],
    );
    return rows.map((r) => ({ id: r.id, dueOn: r.due_on, remindersSent: r.reminders_sent }));
  }

  /** Money report: invoiced, paid, credited, outstanding and overdue per group; void invoices left out. */
  report(tenantId: string, groupBy: BillingReportGroup, today: string, period: string | null): Promise<BillingReportRow[]> {
    const g = GROUPS[groupBy];
    return this.rows<BillingReportRow>(
      `SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS invoices, sum(i.total_pence)::bigint AS invoiced, sum(i.amount_paid_pence)::bigint AS paid,
                sum(i.amount_credited_pence)::bigint AS credited,
                coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status IN ('open', 'uncollectible')), 0)::bigint AS outstanding,
                coalesce(sum(greatest(0, i.total_pence - i.amount_paid_pence - i.amount_credited_pence)) FILTER (WHERE i.status = 'open' AND i.due_on < $2::date), 0)::bigint AS overdue
         FROM invoices i JOIN schools s ON s.id = i.school_id
         WHERE i.tenant_id = $1 AND i.status <> 'void' AND ($3::text IS NULL OR regexp_replace(lower(i.period_label), '\\s*[-‐‑‒–—―/]\\s*', '-', 'g') = $3)
         GROUP BY 1 ORDER BY ${g.order}`,
      [tenantId, today, period],
    );
  }

  /**
   * Invoiced, paid, credited, outstanding and overdue over the tenant's invoices issued from
   * `start` to `end` (void and draft left out), optionally one school's; and the platform's fees
   * on online payments received in that range. One statement.
   */
  async overview(tenantId: string, start: string, end: string, today: string, urn: string | null): Promise<BillingOverviewRow> {
    const row = await this.one<BillingOverviewRow>(
      `WITH inv AS (
           SELECT i.* FROM invoices i JOIN schools s ON s.id = i.school_id
           WHERE i.tenant_id = $1 AND i.status NOT IN ('void', 'draft') AND i.issued_on BETWEEN $2::date AND $3::date AND ($5::text IS NULL OR s.urn = $5))
         SELECT count(*)::int AS invoices, coalesce(sum(total_pence), 0)::bigint AS invoiced, coalesce(sum(amount_paid_pence), 0)::bigint AS paid,
                coalesce(sum(amount_credited_pence), 0)::bigint AS credited,
                coalesce(sum(greatest(0, total_pence - amount_paid_pence - amount_credited_pence)) FILTER (WHERE status IN ('open', 'uncollectible')), 0)::bigint AS outstanding,
                coalesce(sum(greatest(0, total_pence - amount_paid_pence - amount_credited_pence)) FILTER (WHERE status = 'open' AND due_on < $4::date), 0)::bigint AS overdue,
                (SELECT coalesce(sum(p.application_fee_pence), 0)::bigint FROM invoice_payments p JOIN inv ON inv.id = p.invoice_id) AS platform_fees
         FROM inv`,
      [tenantId, start, end, today, urn],
    );
    return row!;
  }

  /**
   * A school's current fee from each partnership it is billed by (in the tenant's unit of work:
   * that partnership's only): its latest billed period's membership invoices, less credit notes.
   */
  currentFees(urn: string): Promise<CurrentFeeRow[]> {
    return this.rows<CurrentFeeRow>(
      `SELECT DISTINCT ON (i.tenant_id) i.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, i.period_label,
              (sum(i.total_pence - i.amount_credited_pence) OVER w)::bigint AS fee_pence, (count(*) OVER w)::int AS invoices
         FROM invoices i JOIN tenants t ON t.id = i.tenant_id JOIN schools s ON s.id = i.school_id
         WHERE s.urn = $1 AND i.kind = 'membership' AND i.status NOT IN ('void', 'draft')
         WINDOW w AS (PARTITION BY i.tenant_id, i.period_start, i.period_end, i.period_label)
         ORDER BY i.tenant_id, i.period_start DESC NULLS LAST, i.period_label DESC`,
      [urn],
    );
  }

  // ------------------------------------------------------------ issuing

  /**
   * Writes invoices already numbered by the caller (under the numbering lock), in one statement.
   * `records` are the invoice columns by name; the unique keys are the last word.
   */
  insertMany(tenantId: string, records: Record<string, unknown>[]): Promise<IssuedInvoiceRow[]> {
    return this.rows<IssuedInvoiceRow>(
      `INSERT INTO invoices (tenant_id, sequence, number, school_id, membership_id, billing_run_id, schedule_id, schedule_version, period_label,
        period_start, period_end, charged_from, charged_to, part, part_count, part_label, status, issued_on, due_on, subtotal_pence, vat_rate_bps,
        vat_pence, total_pence, lines, explanation, bill_to, seller, created_by)
     SELECT $1, x.sequence, x.number, x.school_id, x.membership_id, x.billing_run_id, x.schedule_id, x.schedule_version, x.period_label,
        x.period_start, x.period_end, x.charged_from, x.charged_to, x.part, x.part_count, x.part_label, 'open', x.issued_on, x.due_on, x.subtotal_pence,
        x.vat_rate_bps, x.vat_pence, x.total_pence, x.lines, x.explanation, x.bill_to, x.seller, x.created_by
     FROM jsonb_to_recordset($2::jsonb) AS x(sequence int, number text, school_id uuid, membership_id uuid, billing_run_id uuid, schedule_id uuid,
        schedule_version int, period_label text, period_start date, period_end date, charged_from date, charged_to date, part int, part_count int,
        part_label text, issued_on date, due_on date, subtotal_pence int, vat_rate_bps int, vat_pence int, total_pence int, lines jsonb,
        explanation text, bill_to jsonb, seller jsonb, created_by uuid)
     ORDER BY x.sequence
     RETURNING id, number, membership_id, part, total_pence`,
      [tenantId, JSON.stringify(records)],
    );
  }

  /** The one-off invoice issued under this idempotency key, if any. */
  async findIdByIdempotencyKey(tenantId: string, key: string): Promise<string | null> {
    const row = await this.one<{ id: string }>(`SELECT id FROM invoices WHERE tenant_id = $1 AND idempotency_key = $2`, [tenantId, key]);
    return row?.id ?? null;
  }

  /** Writes a one-off invoice (numbered by the caller under the numbering lock); answers its id. */
  async insertOneOff(
    tenantId: string,
    inv: {
      sequence: number; number: string; schoolId: string; membershipId: string | null; reference: string; idempotencyKey: string; issuedOn: string; dueOn: string;
      subtotalPence: number; vatRateBps: number; vatPence: number; totalPence: number; lines: InvoiceLine[]; explanation: string;
      billTo: Record<string, unknown>; seller: Record<string, unknown>; poNumber: string | null; createdBy: string | null;
    },
  ): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO invoices (tenant_id, kind, sequence, number, school_id, membership_id, reference, idempotency_key, period_label, part, part_count, status,
         issued_on, due_on, subtotal_pence, vat_rate_bps, vat_pence, total_pence, lines, explanation, bill_to, seller, po_number, created_by)
       VALUES ($1, 'one-off', $2, $3, $4, $5, $6, $7, $6, 0, 1, 'open', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id`,
      [
        tenantId, inv.sequence, inv.number, inv.schoolId, inv.membershipId, inv.reference, inv.idempotencyKey, inv.issuedOn, inv.dueOn, inv.subtotalPence,
        inv.vatRateBps, inv.vatPence, inv.totalPence, JSON.stringify(inv.lines), inv.explanation, JSON.stringify(inv.billTo), JSON.stringify(inv.seller), inv.poNumber, inv.createdBy,
      ],
    );
    return row!.id;
  }

  // ------------------------------------------------------------ changing an issued invoice

  /** The tenant's invoice, locked for the rest of the transaction. */
  lockForUpdate(tenantId: string, id: string): Promise<LockedInvoiceRow | null> {
    return this.one<LockedInvoiceRow>(
      `SELECT *, to_char(charged_from, 'YYYY-MM-DD') AS c_from, to_char(charged_to, 'YYYY-MM-DD') AS c_to FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
  }

  /** An invoice's status, locking its row (null: not visible here). */
  async lockStatus(id: string): Promise<string | null> {
    const row = await this.one<{ status: string }>(`SELECT status FROM invoices WHERE id = $1 FOR UPDATE`, [id]);
    return row?.status ?? null;
  }

  async markVoid(id: string, reason: string): Promise<void> {
    await this.execute(`UPDATE invoices SET status = 'void', voided_at = now(), void_reason = $2, pending_payment_intent_id = NULL, pending_payment_method = NULL, updated_at = now() WHERE id = $1`, [
      id,
      reason,
    ]);
  }

  async markUncollectible(id: string): Promise<void> {
    await this.execute(`UPDATE invoices SET status = 'uncollectible', updated_at = now() WHERE id = $1`, [id]);
  }

  async setPoNumber(id: string, poNumber: string | null): Promise<void> {
    await this.execute(`UPDATE invoices SET po_number = $2, updated_at = now() WHERE id = $1`, [id, poNumber]);
  }

  /** The school says it will pay by bank transfer (remembered once, while something is owed). */
  async chooseBankTransfer(id: string): Promise<void> {
    await this.execute(`UPDATE invoices SET transfer_chosen_at = coalesce(transfer_chosen_at, now()), updated_at = now() WHERE id = $1 AND status IN ('open', 'uncollectible')`, [id]);
  }

  /** Reminder steps that passed unsent (the sweep records them so they are never sent late). */
  async addRemindersSent(id: string, keys: string[]): Promise<void> {
    await this.execute(`UPDATE invoices SET reminders_sent = reminders_sent || $2::text[] WHERE id = $1`, [id, keys]);
  }

  /** A reminder step sent (once). */
  async recordReminderSent(id: string, key: string): Promise<void> {
    await this.execute(`UPDATE invoices SET reminders_sent = array_append(reminders_sent, $2) WHERE id = $1 AND NOT ($2 = ANY(reminders_sent))`, [id, key]);
  }

  // ------------------------------------------------------------ credit notes

  async insertCreditNote(
    tenantId: string,
    note: { invoiceId: string; schoolId: string; number: string; sequence: number; reason: string; subtotalPence: number; vatPence: number; totalPence: number; issuedOn: string; createdBy: string },
  ): Promise<void> {
    await this.execute(
      `INSERT INTO credit_notes (tenant_id, invoice_id, school_id, number, sequence, reason, subtotal_pence, vat_pence, total_pence, issued_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [tenantId, note.invoiceId, note.schoolId, note.number, note.sequence, note.reason, note.subtotalPence, note.vatPence, note.totalPence, note.issuedOn, note.createdBy],
    );
  }

  /** The invoice's credited amount and the status it settles to. */
  async applyCredit(id: string, creditedPence: number, status: InvoiceStatus): Promise<void> {
    await this.execute(`UPDATE invoices SET amount_credited_pence = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END, updated_at = now() WHERE id = $1`, [
      id,
      creditedPence,
      status,
    ]);
  }

  // ------------------------------------------------------------ payments

  /** A bank transfer received; answers the payment's id (for its receipt). */
  async insertBankTransfer(tenantId: string, p: { invoiceId: string; schoolId: string; amountPence: number; paidOn: string; reference: string; recordedBy: string }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO invoice_payments (tenant_id, invoice_id, school_id, method, amount_pence, paid_on, reference, recorded_by, receipt_due)
         VALUES ($1, $2, $3, 'bank_transfer', $4, $5, $6, $7, true) RETURNING id`,
      [tenantId, p.invoiceId, p.schoolId, p.amountPence, p.paidOn, p.reference, p.recordedBy],
    );
    return row!.id;
  }

  /** The invoice's paid amount and the status it settles to (a payment recorded by hand). */
  async applyPayment(id: string, paidPence: number, status: InvoiceStatus): Promise<void> {
    await this.execute(`UPDATE invoices SET amount_paid_pence = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END, updated_at = now() WHERE id = $1`, [
      id,
      paidPence,
      status,
    ]);
  }

  /** The balance of an invoice, locked, before money received through Stripe is recorded. */
  lockBalance(id: string): Promise<{ id: string; school_id: string; status: InvoiceStatus; total_pence: number; amount_paid_pence: number; amount_credited_pence: number; pending_payment_intent_id: string | null } | null> {
    return this.one(
      `SELECT id, school_id, status, total_pence, amount_paid_pence, amount_credited_pence, pending_payment_intent_id FROM invoices WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** Money received through Stripe: the new payment's id, or null when this payment intent was recorded already. */
  async insertStripePayment(
    tenantId: string,
    p: { invoiceId: string; schoolId: string; method: PaymentMethod; amountPence: number; paidOn: string; intent: string; sessionId: string | null; account: string; fee: number | null },
  ): Promise<string | null> {
    const inserted = await this.rows<{ id: string }>(
      `INSERT INTO invoice_payments (tenant_id, invoice_id, school_id, method, amount_pence, paid_on, reference, stripe_payment_intent_id, stripe_checkout_session_id,
       stripe_account_id, application_fee_pence, receipt_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true)
     ON CONFLICT (tenant_id, stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL DO NOTHING RETURNING id`,
      [tenantId, p.invoiceId, p.schoolId, p.method, p.amountPence, p.paidOn, p.intent, p.intent, p.sessionId, p.account, p.fee],
    );
    return inserted[0]?.id ?? null;
  }

  // ------------------------------------------------------------ sending and receipts

  /** The invoices a billing run issued, with whether each has been e-mailed. */
  async ofRunForSending(tenantId: string, runId: string): Promise<InvoiceToSendRow[]> {
    const rows = await this.rows<{ id: string; status: string; sent_at: Date | null }>(
      `SELECT id, status, sent_at FROM invoices WHERE tenant_id = $1 AND billing_run_id = $2 ORDER BY sequence`,
      [tenantId, runId],
    );
    return rows.map((r) => ({ id: r.id, status: r.status, sentAt: r.sent_at }));
  }

  /** Whether the invoice has been e-mailed already (null: not visible here). */
  async sentAt(id: string): Promise<Date | null | undefined> {
    const row = await this.one<{ sent_at: Date | null }>(`SELECT sent_at FROM invoices WHERE id = $1`, [id]);
    return row ? row.sent_at : undefined;
  }

  /** The invoice went out by e-mail (the first time is kept). */
  async markSent(id: string): Promise<void> {
    await this.execute(`UPDATE invoices SET sent_at = coalesce(sent_at, now()) WHERE id = $1`, [id]);
  }

  /** Whether the partnership takes online payments now (a connected Stripe account with charges enabled). */
  async takesOnlinePayments(tenantId: string): Promise<boolean> {
    const row = await this.one<{ ready: boolean }>(`SELECT tenant_takes_online_payments($1) AS ready`, [tenantId]);
    return Boolean(row?.ready);
  }

  /**
   * A payment and whether its receipt went out, locked until the unit of work ends, before its receipt is sent: a second receipt
   * job (the sweep's and the normal one's, or a retry) waits here and then sees `receipt_sent_at`.
   */
  lockPaymentForReceipt(paymentId: string): Promise<PaymentForReceiptRow | null> {
    return this.one<PaymentForReceiptRow>(
      `SELECT id, invoice_id, school_id, method, amount_pence, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, receipt_sent_at FROM invoice_payments WHERE id = $1 FOR UPDATE`,
      [paymentId],
    );
  }

  /** A Stripe payment recorded already whose receipt is still owed (a replayed event queues it again), or null. */
  async owedStripeReceipt(tenantId: string, intent: string): Promise<string | null> {
    const row = await this.one<{ id: string }>(
      `SELECT id FROM invoice_payments WHERE tenant_id = $1 AND stripe_payment_intent_id = $2 AND receipt_due AND receipt_sent_at IS NULL`,
      [tenantId, intent],
    );
    return row?.id ?? null;
  }

  /** Payments whose receipt is owed and not sent, recorded before `before`, oldest first (the receipts sweep; a partial index holds just these). */
  async owedReceipts(tenantId: string, before: Date, limit: number): Promise<{ id: string; invoiceId: string; createdAt: Date }[]> {
    const rows = await this.rows<{ id: string; invoice_id: string; created_at: Date }>(
      `SELECT id, invoice_id, created_at FROM invoice_payments WHERE tenant_id = $1 AND receipt_due AND receipt_sent_at IS NULL AND created_at < $2 ORDER BY created_at LIMIT $3`,
      [tenantId, before, limit],
    );
    return rows.map((r) => ({ id: r.id, invoiceId: r.invoice_id, createdAt: r.created_at }));
  }

  async markReceiptSent(paymentId: string): Promise<void> {
    await this.execute(`UPDATE invoice_payments SET receipt_sent_at = coalesce(receipt_sent_at, now()) WHERE id = $1`, [paymentId]);
  }

  /** The paid amount and status after a Stripe payment; the pending marker goes if this payment set it. */
  async applyStripePayment(id: string, paidPence: number, status: InvoiceStatus, intent: string): Promise<void> {
    await this.execute(
      `UPDATE invoices SET amount_paid_pence = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END,
       pending_payment_intent_id = CASE WHEN pending_payment_intent_id = $4 THEN NULL ELSE pending_payment_intent_id END,
       pending_payment_method = CASE WHEN pending_payment_intent_id = $4 THEN NULL ELSE pending_payment_method END, updated_at = now()
     WHERE id = $1`,
      [id, paidPence, status, intent],
    );
  }

  /** Status and pending marker, locking the row. */
  async lockPending(id: string): Promise<{ status: string; pendingPaymentIntentId: string | null } | null> {
    const row = await this.one<{ status: string; pending_payment_intent_id: string | null }>(`SELECT status, pending_payment_intent_id FROM invoices WHERE id = $1 FOR UPDATE`, [id]);
    return row ? { status: row.status, pendingPaymentIntentId: row.pending_payment_intent_id } : null;
  }

  async hasStripePayment(invoiceId: string, intent: string): Promise<boolean> {
    const paid = await this.one<Record<string, unknown>>(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1 AND stripe_payment_intent_id = $2`, [invoiceId, intent]);
    return Boolean(paid);
  }

  async setPending(id: string, intent: string, method: string | null): Promise<void> {
    await this.execute(`UPDATE invoices SET pending_payment_intent_id = $2, pending_payment_method = $3, updated_at = now() WHERE id = $1`, [id, intent, method]);
  }

  /** Clears the pending marker this payment intent set; false when it was not set by it. */
  async clearPending(id: string, intent: string): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE invoices SET pending_payment_intent_id = NULL, pending_payment_method = NULL, updated_at = now() WHERE id = $1 AND pending_payment_intent_id = $2`,
      [id, intent],
    );
    return changed > 0;
  }
}
