import type { EntityManager } from '@partnerships/db';
import { formatCreditNoteNumber, formatInvoiceNumber, type InvoiceLine } from '@partnerships/domain';
import { BillingCounterRepository } from './repositories/billing-counter.repository';
import { InvoiceRepository } from './repositories/invoice.repository';

/**
 * Takes the tenant's numbering lock (its counter row) for the rest of the transaction. Every
 * invoice insert takes it first, so "is this member already invoiced?" followed by the insert
 * cannot race another transaction.
 */
export function lockNumbering(em: EntityManager, tenantId: string, series: 'invoice' | 'credit-note' = 'invoice'): Promise<number> {
  return new BillingCounterRepository(em).lock(tenantId, series);
}

/** The next `count` numbers of the series, in the caller's transaction (a rollback gives them back). */
export async function allocateNumbers(em: EntityManager, tenantId: string, count: number, series: 'invoice' | 'credit-note' = 'invoice'): Promise<number[]> {
  if (count === 0) return [];
  const last = await new BillingCounterRepository(em).advance(tenantId, count, series);
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
  const rows = await new InvoiceRepository(em).insertMany(tenantId, records);
  return rows.map((r) => ({ id: r.id, number: r.number, membershipId: r.membership_id!, part: r.part, totalPence: r.total_pence }));
}

/** The next credit note number, in the caller's transaction. */
export async function nextCreditNoteNumber(em: EntityManager, tenantId: string, prefix: string): Promise<{ sequence: number; number: string }> {
  const [sequence] = await allocateNumbers(em, tenantId, 1, 'credit-note');
  return { sequence: sequence!, number: formatCreditNoteNumber(prefix, sequence!) };
}
