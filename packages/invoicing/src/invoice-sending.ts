import type { EntityManager } from '@partnerships/db';
import { invoicesToSend, paymentRouteWarning } from '@partnerships/domain';
import { loadBillingSettings } from './billing-settings';
import { InvoiceRepository } from './repositories/invoice.repository';

/** The warning that schools could not pay (no bank details and no online payments), or null. Runs in the tenant's unit of work. */
export async function paymentWarningFor(em: EntityManager, tenantId: string): Promise<string | null> {
  const settings = await loadBillingSettings(em, tenantId);
  const onlinePayments = await new InvoiceRepository(em).takesOnlinePayments(tenantId);
  return paymentRouteWarning({ bankDetails: Boolean(settings.bank), onlinePayments });
}

/** "Send all" for a run: the invoices to e-mail now (not sent yet, or all when resending) and how many were sent before. */
export async function runInvoicesToSend(em: EntityManager, tenantId: string, runId: string, resend: boolean): Promise<{ ids: string[]; alreadySent: number }> {
  const invoices = await new InvoiceRepository(em).ofRunForSending(tenantId, runId);
  const ids = invoicesToSend(invoices, resend).map((i) => i.id);
  return { ids, alreadySent: invoices.filter((i) => i.sentAt !== null && i.status !== 'void').length };
}

/** The job id for e-mailing an invoice the first time: queuing it twice (two clicks, a run and a "Send all") sends it once. */
export const firstSendJobId = (invoiceId: string) => `invoice-mail-${invoiceId}-first`;
