import { formatPence } from '../money/format-pence';
import type { IsoDate } from '../fees/fee-schedule';
import type { FeeQuote } from '../fees/quote-types';
import type { InvoiceLine } from './invoice-totals';

/** One invoice to issue for a quote: one per instalment the fee engine planned. */
export interface InvoiceDraft {
  /** 0-based; with the member, period and schedule version it identifies the invoice, so a rerun finds it. */
  part: number;
  partCount: number;
  /** What the instalment is, e.g. "In advance for 1 September 2018 to 31 August 2019". */
  partLabel: string;
  /** The day the schedule asks for this part (the invoice's due date is never earlier). */
  scheduleDueOn: IsoDate;
  lines: InvoiceLine[];
  /** The fee engine's explanation, for the PDF and the school's page. */
  explanation: string;
}

export interface DraftContext {
  /** e.g. "Ealing Learning Partnership 2018–19, scenario 1" */
  scheduleName: string;
  /** e.g. "2018–19" */
  periodLabel: string;
}

/**
 * The invoices for a quote, lines taken from the fee explanation: one charge line with the
 * instalment's amount, then the engine's working as note lines, so what a school reads on its
 * invoice is exactly what the calculator showed. Nothing to pay gives no invoices.
 */
export function invoiceDraftsFromQuote(quote: FeeQuote, context: DraftContext): InvoiceDraft[] {
  const count = quote.instalments.length;
  const working: InvoiceLine[] = quote.lines.map((line) => ({ kind: 'note', description: line.text, amountPence: 0 }));
  return quote.instalments.map((instalment, part) => {
    const share = count > 1 ? ` (part ${part + 1} of ${count}: ${instalment.label})` : '';
    const charge: InvoiceLine = {
      kind: 'charge',
      description: `Membership subscription ${context.periodLabel}${share}`,
      amountPence: instalment.amountPence,
    };
    const notes: InvoiceLine[] = [{ kind: 'note', description: `How the fee was worked out, under ${context.scheduleName}:`, amountPence: 0 }, ...working];
    if (count > 1) notes.push({ kind: 'note', description: `The fee of ${formatPence(quote.totalPence)} is invoiced in ${count} parts; this invoice is part ${part + 1}.`, amountPence: 0 });
    return { part, partCount: count, partLabel: instalment.label, scheduleDueOn: instalment.dueDate, lines: [charge, ...notes], explanation: quote.explanation };
  });
}

