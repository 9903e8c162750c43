import type { EntityManager } from '@partnerships/db';
import { outstandingPence } from '@partnerships/domain';
import type { InvoiceForPdf } from './invoice-pdf';

export interface InvoiceDocument extends InvoiceForPdf {
  id: string;
  tenantId: string;
  schoolId: string;
  membershipId: string;
  urn: string;
  remindersSent: string[];
}

/** An invoice as printed and e-mailed, in the tenant's unit of work (or a school person's, through row-level security). */
export async function loadInvoiceDocument(em: EntityManager, invoiceId: string): Promise<InvoiceDocument | null> {
  const [row] = await em.query(
    `SELECT i.*, to_char(i.issued_on, 'YYYY-MM-DD') AS issued, to_char(i.due_on, 'YYYY-MM-DD') AS due, s.urn,
            tenant_takes_online_payments(i.tenant_id) AS pay_online
     FROM invoices i JOIN schools s ON s.id = i.school_id WHERE i.id = $1`,
    [invoiceId],
  );
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    schoolId: row.school_id,
    membershipId: row.membership_id,
    urn: row.urn,
    remindersSent: row.reminders_sent ?? [],
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
export async function financeContacts(em: EntityManager, schoolId: string, membershipId: string): Promise<string[]> {
  const byRole = async (role: string) =>
    (await em.query(`SELECT u.email FROM school_roles r JOIN users u ON u.id = r.user_id WHERE r.school_id = $1 AND r.role = $2 ORDER BY u.email`, [schoolId, role])).map(
      (r: { email: string }) => r.email,
    ) as string[];
  const managers = await byRole('business-manager');
  if (managers.length) return managers;
  const [membership] = await em.query(`SELECT application -> 'contact' ->> 'email' AS email FROM memberships WHERE id = $1`, [membershipId]);
  if (membership?.email) return [membership.email as string];
  return byRole('headteacher');
}
