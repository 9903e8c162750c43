import { formatPence } from '../money/format-pence';
import { scaleAndRound } from '../fees/rounding';

const HALF_UP_PENNY = { unit: 'penny', mode: 'half-up' } as const;

export interface CreditableInvoice {
  status: string;
  totalPence: number;
  vatPence: number;
  /** Credit notes already issued against the invoice (their totals). */
  creditedPence: number;
}

export interface CreditNoteAmounts {
  subtotalPence: number;
  vatPence: number;
  totalPence: number;
}

/** How much more can be credited: never more than the invoice, whatever has been paid. */
export function creditablePence(invoice: CreditableInvoice): number {
  return Math.max(0, invoice.totalPence - invoice.creditedPence);
}

/** Why this credit note cannot be issued, or null. */
export function creditNoteProblem(invoice: CreditableInvoice, totalPence: number): string | null {
  if (invoice.status === 'void' || invoice.status === 'draft') return `A ${invoice.status} invoice cannot be credited.`;
  if (!Number.isInteger(totalPence) || totalPence < 1) return 'A credit note is for a whole number of pence, at least 1p.';
  const left = creditablePence(invoice);
  if (totalPence > left) return `At most ${formatPence(left)} can still be credited on this invoice.`;
  return null;
}

/**
 * A credit note of `totalPence` (VAT included) split into net and VAT in the invoice's own
 * proportion. VAT is worked out on the running total credited, so however many credit notes an
 * invoice gets, their VAT adds up to at most the invoice's VAT, penny for penny.
 */
export function creditNoteAmounts(invoice: CreditableInvoice, totalPence: number): CreditNoteAmounts {
  const problem = creditNoteProblem(invoice, totalPence);
  // A programmer error: callers check creditNoteProblem first and answer with its sentence.
  if (problem) throw new RangeError(problem);
  const vatShare = (credited: number) => (invoice.totalPence === 0 ? 0 : scaleAndRound(credited, invoice.vatPence, invoice.totalPence, HALF_UP_PENNY));
  const vatPence = vatShare(invoice.creditedPence + totalPence) - vatShare(invoice.creditedPence);
  return { subtotalPence: totalPence - vatPence, vatPence, totalPence };
}

/** A corrected figure (a smaller pupil number, say): the credit due, or 0 when nothing is owed back. */
export function correctionCreditPence(invoicedPence: number, correctPence: number): number {
  return Math.max(0, invoicedPence - correctPence);
}

