/** How a school can pay the partnership's invoices: by bank transfer (bank details are printed on the invoice) and/or online (Stripe). */
export interface PaymentRoutes {
  /** Billing settings hold an account name, sort code and account number. */
  bankDetails: boolean;
  /** The partnership's Stripe account takes payments. */
  onlinePayments: boolean;
}

/**
 * The warning to show before an invoice goes out that a school could not pay: no bank details
 * and no online payments. Null when there is at least one way to pay.
 */
export function paymentRouteWarning(routes: PaymentRoutes): string | null {
  if (routes.bankDetails || routes.onlinePayments) return null;
  return 'Schools have no way to pay these invoices: add your bank details in billing settings or connect Stripe before sending them.';
}

/**
 * Which invoices "Send all" e-mails: the issued ones not sent yet, or every issued one when the
 * partnership asks to send again. Draft and void invoices are never sent.
 */
export function invoicesToSend<T extends { status: string; sentAt: string | Date | null }>(invoices: readonly T[], resend: boolean): T[] {
  return invoices.filter((i) => i.status !== 'draft' && i.status !== 'void' && (resend || i.sentAt === null));
}
