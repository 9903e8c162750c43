import type { Database } from '@partnerships/db';
import { formatPence, formatUkDate, reminderHeadline, reminderSchedule } from '@partnerships/domain';
import type { Logger } from 'pino';
import { loadBillingSettings } from './billing-settings';
import { financeContacts, loadInvoiceDocument } from './invoice-document';
import { invoiceSubject, renderInvoicePdf } from './invoice-pdf';
import { InvoiceRepository } from './repositories/invoice.repository';

/** Where invoice e-mails go out (the mailer lives with the jobs; invoicing only needs to send). */
export interface InvoiceMailer {
  send(mail: { to: string; subject: string; text: string; html: string; attachments?: { filename: string; content: Buffer; contentType: string }[] }): Promise<void>;
}

export interface InvoiceMailPayload {
  tenantId: string;
  invoiceId: string;
  kind: 'invoice' | 'reminder';
  /** Addresses chosen by the partnership; absent: the school's finance contacts. */
  to?: string[];
  reminderKey?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * E-mails an invoice, with its PDF attached, to the school's finance contact (or the addresses
 * given). A reminder is sent only while the invoice is open and only once per step: the step is
 * recorded on the invoice after sending, and the job id (invoice + step) stops a second copy
 * being queued meanwhile.
 */
export async function sendInvoiceMail(deps: { db: Database; mailer: InvoiceMailer; publicUrl: string; logger?: Logger }, payload: InvoiceMailPayload): Promise<void> {
  const { db } = deps;
  const prepared = await db.inTenant(payload.tenantId, {}, async (em) => {
    const invoice = await loadInvoiceDocument(em, payload.invoiceId);
    if (!invoice) return null;
    const settings = await loadBillingSettings(em, payload.tenantId);
    const to = payload.to?.length ? payload.to : await financeContacts(em, invoice.schoolId, invoice.membershipId);
    return { invoice, settings, to };
  });
  if (!prepared) throw new Error(`Invoice ${payload.invoiceId} was not found in this database`);
  const { invoice, settings, to } = prepared;
  if (to.length === 0) {
    deps.logger?.warn({ invoiceId: invoice.id }, 'invoice e-mail not sent: the school has no finance contact');
    return;
  }
  let headline = `Invoice ${invoice.number} from ${invoice.seller.name}`;
  if (payload.kind === 'reminder') {
    const step = reminderSchedule(invoice.dueOn, settings.reminderOffsets).find((s) => s.key === payload.reminderKey);
    if (!step || invoice.status !== 'open' || !settings.remindersEnabled || invoice.remindersSent.includes(step.key)) return; // paid, void, changed or sent: nothing to remind
    headline = reminderHeadline(step, invoice.number);
  }
  const link = `${deps.publicUrl}/s/${invoice.urn}/invoices/${invoice.id}`;
  const paragraphs = [
    `${invoice.billTo.name ?? 'Your school'}: ${headline}.`,
    `${invoiceSubject(invoice)}${invoice.partLabel ? ` (${invoice.partLabel})` : ''}: ${formatPence(invoice.totalPence)}, due by ${formatUkDate(invoice.dueOn)}.`,
    ...(invoice.outstandingPence !== invoice.totalPence ? [`Still to pay: ${formatPence(invoice.outstandingPence)}.`] : []),
    invoice.payOnline ? 'You can pay by card or Bacs Direct Debit, or add a purchase order number, from your school’s page:' : 'You can see the invoice and add a purchase order number from your school’s page:',
  ];
  const pdf = await renderInvoicePdf(invoice);
  await deps.mailer.send({
    to: to.join(', '),
    subject: `${headline} (${formatPence(invoice.outstandingPence)})`,
    text: `${paragraphs.join('\n\n')}\n\n${link}\n\nThe invoice is attached as a PDF.\n`,
    html: `<!doctype html><html lang="en-GB"><body style="font-family: Arial, sans-serif; line-height: 1.5">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}">See invoice ${escapeHtml(invoice.number)}</a></p><p style="color:#555">The invoice is attached as a PDF.</p></body></html>`,
    attachments: [{ filename: `${invoice.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
  });
  if (payload.kind === 'reminder' && payload.reminderKey) {
    const key = payload.reminderKey;
    await db.inTenant(payload.tenantId, {}, (em) => new InvoiceRepository(em).recordReminderSent(invoice.id, key));
  }
  deps.logger?.info({ invoiceId: invoice.id, kind: payload.kind, to: to.length }, 'invoice e-mailed');
}
