/** Words for billing: invoice states, payment methods, and the tone of a state's tag. */
import { type InvoiceStatus, valuesOf } from './vocabulary.ts';

/** In the order the invoice list's filter offers them. */
const INVOICE_STATUS: Record<InvoiceStatus, string> = {
  open: 'Open',
  paid: 'Paid',
  void: 'Void',
  uncollectible: 'Uncollectible',
  draft: 'Draft',
};

const RUN_STATUS: Record<string, string> = {
  queued: 'Waiting to start',
  running: 'Issuing invoices',
  completed: 'Finished',
  failed: 'Stopped with a problem',
};

const METHOD: Record<string, string> = {
  card: 'Card',
  bacs_debit: 'Bacs Direct Debit',
  bank_transfer: 'Bank transfer',
};

export const invoiceStatusLabel = (status: string, overdue = false) => (overdue && status === 'open' ? 'Overdue' : (INVOICE_STATUS[status as InvoiceStatus] ?? status));
export const runStatusLabel = (status: string) => RUN_STATUS[status] ?? status;
export const methodLabel = (method: string) => METHOD[method] ?? method;

/** The tag's tone for an invoice: paid is good, overdue a warning, void and uncollectible grey. */
export function invoiceTone(status: string, overdue = false): string {
  if (status === 'paid') return 'good';
  if (overdue && status === 'open') return 'warn';
  if (status === 'void' || status === 'uncollectible') return 'grey';
  return '';
}

export const INVOICE_STATUSES = valuesOf(INVOICE_STATUS);

/** A date typed as YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD, or null. */
export function parseDay(input: string): string | null {
  const text = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
