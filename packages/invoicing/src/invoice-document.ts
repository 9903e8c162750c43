import type { EntityManager } from '@partnerships/db';
import { outstandingPence } from '@partnerships/domain';
import type { InvoiceForPdf } from './invoice-pdf';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import { InvoiceRepository } from './repositories/invoice.repository';

export interface InvoiceDocument extends InvoiceForPdf {
  id: string;
  tenantId: string;
  schoolId: string;
  /** Null for a one-off invoice not tied to a membership. */
  membershipId: string | null;
  urn: string;
  remindersSent: string[];
}

/** An invoice as printed and e-mailed, in the tenant's unit of work (or a school person's, through row-level security). */
export async function loadInvoiceDocument(em: EntityManager, invoiceId: string): Promise<InvoiceDocument | null> {
  const row = await new InvoiceRepository(em).findDocument(invoiceId);
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    schoolId: row.school_id,
    membershipId: row.membership_id,
    urn: row.urn,
    remindersSent: row.reminders_sent ?? [],
    kind: row.kind,
    number: row.number,
    status: row.status,
    issuedOn: row.issued,
    dueOn: row.due,
    poNumber: row.po_number ?? null,
    periodLabel: row.period_label,
    partLabel: row.part_count > 1 ? row.part_label : null,
    billTo: row.bill_to,
    seller: row.seller,
    lines: row.lines,
    subtotalPence: row.subtotal_pence,
    vatRateBps: row.vat_rate_bps,
    vatPence: row.vat_pence,
    totalPence: row.total_pence,
    amountPaidPence: row.amount_paid_pence,
    amountCreditedPence: row.amount_credited_pence,
    outstandingPence: outstandingPence({ totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: row.amount_credited_pence }),
    payOnline: row.pay_online && (row.status === 'open' || row.status === 'uncollectible'),
  };
}

/**
 * Who receives a school's invoices: its business managers (the school's finance people), else
 * the contact named on its membership application, else its headteachers.
 */
export async function financeContacts(em: EntityManager, schoolId: string, membershipId: string | null): Promise<string[]> {
  const sources = new BillingSourcesRepository(em);
  const managers = await sources.schoolRoleEmails(schoolId, 'business-manager');
  if (managers.length) return managers;
  const contact = membershipId ? await sources.applicationContactEmail(membershipId) : null;
  if (contact) return [contact];
  return sources.schoolRoleEmails(schoolId, 'headteacher');
}
