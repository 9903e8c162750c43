import type { Database } from '@partnerships/db';
import { type InvoiceMailPayload, sendInvoiceMail } from '@partnerships/invoicing';
import type { Logger } from 'pino';
import type { Mailer } from '../mail/mailer';

export type { InvoiceMailPayload } from '@partnerships/invoicing';

/** The `billing.invoice-mail` job: an invoice or a reminder, with its PDF, through the product's mailer. */
export async function invoiceMailJob(deps: { db?: Database; mailer: Mailer; publicUrl?: string; logger?: Logger }, payload: InvoiceMailPayload): Promise<void> {
  if (!deps.db) throw new Error('The invoice e-mail job needs the database');
  await sendInvoiceMail({ db: deps.db, mailer: deps.mailer, publicUrl: deps.publicUrl ?? 'http://localhost:3000', logger: deps.logger }, payload);
}
