import { formatPence } from '../money/format-pence';
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const PAYMENT_METHODS = ['card', 'bacs_debit', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface InvoiceBalance {
  status: InvoiceStatus;
  totalPence: number;
  amountPaidPence: number;
  /** Credit notes issued against it. */
  amountCreditedPence: number;
}

/** What the school still owes. Never negative: an overpayment is money to refund, not a negative invoice. */
export function outstandingPence(invoice: Omit<InvoiceBalance, 'status'>): number {
  return Math.max(0, invoice.totalPence - invoice.amountPaidPence - invoice.amountCreditedPence);
}

/**
 * The status once payments and credits are counted. Money only ever moves an invoice forward:
 * settled means paid; a paid invoice stays paid whatever arrives later (a late "processing" or
 * "failed" event cannot reopen it); void and draft are left as they are.
 */
export function settledStatus(invoice: InvoiceBalance): InvoiceStatus {
  if (invoice.status === 'void' || invoice.status === 'draft' || invoice.status === 'paid') return invoice.status;
  return outstandingPence(invoice) === 0 ? 'paid' : invoice.status;
}

/** Why a payment recorded by the partnership (a bank transfer) cannot be taken, or null. Partial payments are fine. */
export function manualPaymentProblem(invoice: InvoiceBalance, amountPence: number): string | null {
  if (invoice.status === 'void') return 'This invoice has been voided, so no payment can be recorded against it.';
  if (invoice.status === 'draft') return 'This invoice has not been issued yet.';
  if (invoice.status === 'paid') return 'This invoice is already paid.';
  if (!Number.isInteger(amountPence) || amountPence < 1) return 'Enter the amount received in pence, at least 1p.';
  const left = outstandingPence(invoice);
  if (amountPence > left) return `Only ${formatPence(left)} is outstanding on this invoice.`;
  return null;
}

/** Why the invoice cannot be voided, or null. Money received must be credited or refunded first. */
export function voidProblem(invoice: InvoiceBalance): string | null {
  if (invoice.status === 'void') return 'This invoice is already void.';
  if (invoice.status === 'paid' || invoice.amountPaidPence > 0) return 'Money has been received on this invoice; issue a credit note instead of voiding it.';
  return null;
}

/** Why a school cannot pay this invoice online now, or null. */
export function onlinePaymentProblem(invoice: InvoiceBalance): string | null {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') return `This invoice is ${invoice.status}, so there is nothing to pay.`;
  if (outstandingPence(invoice) === 0) return 'Nothing is outstanding on this invoice.';
  return null;
}

