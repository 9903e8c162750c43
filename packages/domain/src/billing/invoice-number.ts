/**
 * Invoice and credit note numbers. Each partnership numbers its own invoices in one unbroken
 * sequence (HMRC expects a unique, sequential number on every VAT invoice, and accountants
 * look for gaps). The sequence itself is kept in the database and advanced in the same
 * transaction that writes the invoice, so a number is never used twice or skipped by a
 * rolled-back run; this file only says how a number is written.
 */
export const DEFAULT_INVOICE_PREFIX = 'INV';
export const INVOICE_NUMBER_DIGITS = 6;

const PREFIX = /^[A-Z0-9]{1,10}(?:-[A-Z0-9]{1,10})?$/;

/** Why a prefix cannot be used, or null. Capitals and digits, optionally two parts: `ELP`, `ELP-2026`. */
export function invoicePrefixProblem(prefix: unknown): string | null {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    return 'Use 1 to 10 capital letters or digits, optionally followed by a hyphen and 1 to 10 more (for example ELP or ELP-2026).';
  }
  if (/-CN$/.test(prefix) || prefix === 'CN') return 'CN is kept for credit notes; choose another prefix.';
  return null;
}

function sequenceText(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`An invoice sequence number must be a whole number from 1, got ${sequence}`);
  return String(sequence).padStart(INVOICE_NUMBER_DIGITS, '0');
}

/** `ELP-000042`. Numbers beyond 999,999 simply grow a digit, so the sequence never wraps. */
export function formatInvoiceNumber(prefix: string, sequence: number): string {
  return `${prefix}-${sequenceText(sequence)}`;
}

/** `ELP-CN-000003`: credit notes have their own sequence, so invoice numbers stay unbroken. */
export function formatCreditNoteNumber(prefix: string, sequence: number): string {
  return `${prefix}-CN-${sequenceText(sequence)}`;
}

/** The parts of an invoice number written by formatInvoiceNumber, or null. */
export function parseInvoiceNumber(number: string): { prefix: string; sequence: number } | null {
  const match = /^(.+)-(\d{6,})$/.exec(number);
  if (!match || match[1]!.endsWith('-CN') || invoicePrefixProblem(match[1]) !== null) return null;
  return { prefix: match[1]!, sequence: Number(match[2]) };
}
