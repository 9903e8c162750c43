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
  kind: 'invoice' | 'reminder' | 'receipt';
  /** Addresses chosen by the partnership; absent: the school's finance contacts. */
  to?: string[];
  reminderKey?: string;
  /** "Send all": skip the invoice if it has been e-mailed meanwhile. */
  onlyIfUnsent?: boolean;
  /** A receipt: the payment it is for. */
  paymentId?: string;
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
  if (payload.kind === 'receipt') return sendPaymentReceipt(deps, payload);
  const prepared = await db.inTenant(payload.tenantId, {}, async (em) => {
    if (payload.kind === 'invoice' && payload.onlyIfUnsent && (await new InvoiceRepository(em).sentAt(payload.invoiceId))) return 'already-sent' as const;
    const invoice = await loadInvoiceDocument(em, payload.invoiceId);
    if (!invoice) return null;
    const settings = await loadBillingSettings(em, payload.tenantId);
    const to = payload.to?.length ? payload.to : await financeContacts(em, invoice.schoolId, invoice.membershipId);
    return { invoice, settings, to };
  });
  if (!prepared) throw new Error(`Invoice ${payload.invoiceId} was not found in this database`);
  if (prepared === 'already-sent') return;
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
  if (payload.kind === 'invoice') await db.inTenant(payload.tenantId, {}, (em) => new InvoiceRepository(em).markSent(invoice.id));
  deps.logger?.info({ invoiceId: invoice.id, kind: payload.kind, to: to.length }, 'invoice e-mailed');
}

const METHOD_WORDS: Record<string, string> = { bank_transfer: 'bank transfer', card: 'card', bacs_debit: 'Bacs Direct Debit' };

/**
 * A payment has arrived (a bank transfer recorded, or Stripe's money received): a receipt to the
 * school's finance contact (else membership contact, else headteacher) and a notice to the
 * partnership's finance address. Once per payment: the payment is locked (`FOR UPDATE`) while they
 * are sent and `receipt_sent_at` is set in the same unit of work, so a second job for the same
 * payment (the receipts sweep racing the normal path, a retry) waits, then finds it sent.
 * A failure to send rolls back and the job is retried (or the sweep queues it again).
 */
export async function sendPaymentReceipt(deps: { db: Database; mailer: InvoiceMailer; publicUrl: string; logger?: Logger }, payload: InvoiceMailPayload): Promise<void> {
  const { db } = deps;
  if (!payload.paymentId) throw new Error('A receipt needs the payment');
  const paymentId = payload.paymentId;
  const outcome = await db.inTenant(payload.tenantId, {}, async (em) => {
    const invoices = new InvoiceRepository(em);
    const payment = await invoices.lockPaymentForReceipt(paymentId);
    if (!payment) return null;
    if (payment.receipt_sent_at) return 'already-sent' as const;
    const invoice = await loadInvoiceDocument(em, payment.invoice_id);
    if (!invoice) return null;
    const to = payload.to?.length ? payload.to : await financeContacts(em, invoice.schoolId, invoice.membershipId);
    const slug = invoice.seller.email ? ((await invoices.findView(invoice.id))?.tenant_slug ?? null) : null;
    const school = invoice.billTo.name ?? 'Your school';
    const how = METHOD_WORDS[payment.method] ?? payment.method;
    const left = invoice.outstandingPence > 0 ? `Still to pay: ${formatPence(invoice.outstandingPence)}.` : `Invoice ${invoice.number} is now paid in full.`;
    const mail = (recipients: string[], subject: string, paragraphs: string[], link: string) =>
      deps.mailer.send({
        to: recipients.join(', '),
        subject,
        text: `${paragraphs.join('\n\n')}\n\n${link}\n`,
        html: `<!doctype html><html lang="en-GB"><body style="font-family: Arial, sans-serif; line-height: 1.5">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}">See invoice ${escapeHtml(invoice.number)}</a></p></body></html>`,
      });
    if (to.length) {
      await mail(
        to,
        `Receipt: ${formatPence(payment.amount_pence)} received for invoice ${invoice.number}`,
        [`${school}: thank you. ${invoice.seller.name} received ${formatPence(payment.amount_pence)} by ${how} on ${formatUkDate(payment.paid_on)} for invoice ${invoice.number}.`, left],
        `${deps.publicUrl}/s/${invoice.urn}/invoices/${invoice.id}`,
      );
    } else {
      deps.logger?.warn({ paymentId }, 'receipt not sent: the school has no finance contact');
    }
    const partnership = invoice.seller.email;
    if (partnership) {
      await mail(
        [partnership],
        `Payment received: ${formatPence(payment.amount_pence)} from ${school} (${invoice.number})`,
        [`${school} paid ${formatPence(payment.amount_pence)} by ${how} on ${formatUkDate(payment.paid_on)} against invoice ${invoice.number}.`, left],
        slug ? `${deps.publicUrl}/p/${slug}/billing/invoices/${invoice.id}` : deps.publicUrl,
      );
    }
    await invoices.markReceiptSent(paymentId);
    return { invoiceId: invoice.id };
  });
  if (!outcome) throw new Error(`Payment ${paymentId} was not found in this database`);
  if (outcome === 'already-sent') return;
  deps.logger?.info({ paymentId, invoiceId: outcome.invoiceId }, 'payment receipt e-mailed');
}
