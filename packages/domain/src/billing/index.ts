// Billing rules (issue 6): invoice numbers, VAT, totals, due dates, invoices from fee quotes,
// who is billed for which part of a period, credit notes, settlement, reminders and the
// platform's application fee. Named exports only (see ../fees/index.ts for why).
export { DEFAULT_INVOICE_PREFIX, INVOICE_NUMBER_DIGITS, formatCreditNoteNumber, formatInvoiceNumber, invoicePrefixProblem, parseInvoiceNumber } from './invoice-number';
export { NOT_VAT_REGISTERED, UK_STANDARD_VAT_BASIS_POINTS, normaliseVatNumber, vatOn, vatSettingsProblems, type VatSettings } from './vat';
export { invoiceTotals, type InvoiceLine, type InvoiceTotals } from './invoice-totals';
export { DEFAULT_PAYMENT_TERMS_DAYS, MAX_PAYMENT_TERMS_DAYS, invoiceDueDate, isOverdue, isWithinTerms } from './due-date';
export { invoiceDraftsFromQuote, type DraftContext, type InvoiceDraft } from './invoice-drafts';
export { BILLABLE_MEMBERSHIP_STATES, billingWindow, samePeriodLabel, type BillingDecision, type BillingPeriod, type MemberForBilling } from './billing-window';
export { correctionCreditPence, creditNoteAmounts, creditNoteProblem, creditablePence, type CreditNoteAmounts, type CreditableInvoice } from './credit-note';
export {
  INVOICE_STATUSES,
  PAYMENT_METHODS,
  manualPaymentProblem,
  onlinePaymentProblem,
  outstandingPence,
  settledStatus,
  voidProblem,
  type InvoiceBalance,
  type InvoiceStatus,
  type PaymentMethod,
} from './settlement';
export {
  DEFAULT_REMINDER_OFFSETS,
  MAX_REMINDERS,
  MAX_REMINDER_OFFSET_DAYS,
  reminderHeadline,
  reminderKey,
  reminderOffsetsProblem,
  reminderSchedule,
  remindersToSend,
  type ReminderKind,
  type ReminderStep,
} from './reminders';
export { DEFAULT_APPLICATION_FEE_BASIS_POINTS, MAX_APPLICATION_FEE_BASIS_POINTS, applicationFeePence } from './application-fee';
export { financialYearStartMonthForType } from './school-finance';
export { invoicesToSend, paymentRouteWarning, type PaymentRoutes } from './payment-routes';
