import type { EntityManager } from '@partnerships/db';
import { formatCreditNoteNumber, formatInvoiceNumber, type InvoiceLine } from '@partnerships/domain';

/**
 * Takes the tenant's numbering lock (its counter row) for the rest of the transaction. Every
 * invoice insert takes it first, so "is this member already invoiced?" followed by the insert
 * cannot race another transaction.
 */
export async function lockNumbering(em: EntityManager, tenantId: string, series: 'invoice' | 'credit-note' = 'invoice'): Promise<number> {
  const [row] = await em.query(
    `INSERT INTO billing_counters (tenant_id, series, last_number) VALUES ($1, $2, 0)
     ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = billing_counters.last_number RETURNING last_number`,
    [tenantId, series],
  );
  return row.last_number;
}

/** The next `count` numbers of the series, in the caller's transaction (a rollback gives them back). */
export async function allocateNumbers(em: EntityManager, tenantId: string, count: number, series: 'invoice' | 'credit-note' = 'invoice'): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await em.query(
    `INSERT INTO billing_counters (tenant_id, series, last_number) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = billing_counters.last_number + $3 RETURNING last_number`,
    [tenantId, series, count],
  );
  const last = row.last_number as number;
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

export interface NewInvoice {
  schoolId: string;
  membershipId: string;
  billingRunId: string | null;
  scheduleId: string;
  scheduleVersion: number;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  chargedFrom: string | null;
  chargedTo: string | null;
  part: number;
  partCount: number;
  partLabel: string | null;
  issuedOn: string;
  dueOn: string;
  subtotalPence: number;
  vatRateBps: number;
  vatPence: number;
  totalPence: number;
  lines: InvoiceLine[];
  explanation: string;
  billTo: Record<string, unknown>;
  seller: Record<string, unknown>;
  createdBy: string | null;
}

export interface IssuedInvoice {
  id: string;
  number: string;
  membershipId: string;
  part: number;
  totalPence: number;
}

/**
 * Writes invoices with the next numbers of the tenant's sequence, in one statement. The caller
 * holds the numbering lock and has checked that none exists yet; the unique billing key is the
 * last word if it has not (the statement fails and the transaction, numbers included, rolls back).
 */
export async function insertInvoices(em: EntityManager, tenantId: string, prefix: string, invoices: NewInvoice[]): Promise<IssuedInvoice[]> {
  if (invoices.length === 0) return [];
  const numbers = await allocateNumbers(em, tenantId, invoices.length);
  const records = invoices.map((inv, i) => ({
    sequence: numbers[i],
    number: formatInvoiceNumber(prefix, numbers[i]!),
    school_id: inv.schoolId,
    membership_id: inv.membershipId,
    billing_run_id: inv.billingRunId,
    schedule_id: inv.scheduleId,
    schedule_version: inv.scheduleVersion,
    period_label: inv.periodLabel,
    period_start: inv.periodStart,
    period_end: inv.periodEnd,
    charged_from: inv.chargedFrom,
    charged_to: inv.chargedTo,
    part: inv.part,
    part_count: inv.partCount,
    part_label: inv.partLabel,
    issued_on: inv.issuedOn,
    due_on: inv.dueOn,
    subtotal_pence: inv.subtotalPence,
    vat_rate_bps: inv.vatRateBps,
    vat_pence: inv.vatPence,
    total_pence: inv.totalPence,
    lines: inv.lines,
    explanation: inv.explanation,
    bill_to: inv.billTo,
    seller: inv.seller,
    created_by: inv.createdBy,
  }));
  const rows = await em.query(
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
  return rows.map((r: Record<string, unknown>) => ({ id: r.id as string, number: r.number as string, membershipId: r.membership_id as string, part: r.part as number, totalPence: r.total_pence as number }));
}

/** The next credit note number, in the caller's transaction. */
export async function nextCreditNoteNumber(em: EntityManager, tenantId: string, prefix: string): Promise<{ sequence: number; number: string }> {
  const [sequence] = await allocateNumbers(em, tenantId, 1, 'credit-note');
  return { sequence: sequence!, number: formatCreditNoteNumber(prefix, sequence!) };
}
