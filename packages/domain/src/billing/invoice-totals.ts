import { vatOn, type VatSettings } from './vat';

/**
 * One line of an invoice. Charge lines carry the money; note lines repeat the fee engine's
 * working ("210 pupils × £3.36 = £705.60") so the school can check the figure by hand, and carry 0.
 */
export interface InvoiceLine {
  kind: 'charge' | 'note';
  description: string;
  amountPence: number;
}

export interface InvoiceTotals {
  subtotalPence: number;
  vatRateBasisPoints: number;
  vatPence: number;
  totalPence: number;
}

/** The invoice's totals: the lines' sum, VAT on that sum (once, rounded once), and the two added. */
export function invoiceTotals(lines: readonly InvoiceLine[], vat: VatSettings): InvoiceTotals {
  let subtotalPence = 0;
  for (const line of lines) {
    if (!Number.isInteger(line.amountPence)) throw new RangeError(`Money must be whole pence, got ${line.amountPence}`);
    if (line.kind === 'note' && line.amountPence !== 0) throw new RangeError('A note line carries no money');
    subtotalPence += line.amountPence;
  }
  const vatPence = vatOn(subtotalPence, vat);
  return { subtotalPence, vatRateBasisPoints: vat.registered ? vat.rateBasisPoints : 0, vatPence, totalPence: subtotalPence + vatPence };
}
