import { createHash } from 'node:crypto';

type EventTerm = 'autumn' | 'spring' | 'summer';

/** The school term an instant falls in, as England's terms run: autumn September to December, spring January to March, summer April to August. */
export function termOfInstant(instant: string): { key: string; label: string } {
  const local = new Date(instant);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const name: EventTerm = month >= 9 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
  const academicYear = month >= 9 ? year : year - 1;
  return { key: `${academicYear}-${name}`, label: `${name[0]!.toUpperCase()}${name.slice(1)} term ${academicYear} to ${academicYear + 1}` };
}

/** The idempotency key of a booking's own invoice. */
export function bookingInvoiceKey(bookingId: string): string {
  return `event-booking:${bookingId}`;
}

/**
 * The idempotency key of one school's consolidated invoice for a term: the same bookings give the
 * same key (so a repeat answers the same invoice); bookings approved later make a new one.
 */
export function consolidatedInvoiceKey(schoolId: string, termKey: string, bookingIds: readonly string[]): string {
  const digest = createHash('sha256').update([...bookingIds].sort().join(',')).digest('hex').slice(0, 24);
  return `event-term:${schoolId}:${termKey}:${digest}`;
}

export interface InvoiceableBooking {
  id: string;
  schoolId: string;
  /** When the event starts, for its term. */
  startsAt: string;
  /** What is owed: the price, or a cancellation or no-show charge. */
  amountPence: number;
  description: string;
}

export interface ConsolidatedInvoice {
  schoolId: string;
  termKey: string;
  termLabel: string;
  bookingIds: string[];
  idempotencyKey: string;
  lines: { description: string; quantity: number; unitPence: number }[];
}

/** One invoice per school per term, from bookings not yet invoiced; lines in the order given. Schools with nothing owed get none. */
export function consolidatedInvoices(bookings: readonly InvoiceableBooking[], termKey?: string): ConsolidatedInvoice[] {
  const groups = new Map<string, ConsolidatedInvoice>();
  for (const b of bookings) {
    const term = termOfInstant(b.startsAt);
    if (termKey && term.key !== termKey) continue;
    const id = `${b.schoolId}|${term.key}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { schoolId: b.schoolId, termKey: term.key, termLabel: term.label, bookingIds: [], idempotencyKey: '', lines: [] }));
    group.bookingIds.push(b.id);
    group.lines.push({ description: b.description, quantity: 1, unitPence: b.amountPence });
  }
  const result = [...groups.values()].filter((g) => g.lines.some((l) => l.unitPence > 0));
  for (const g of result) g.idempotencyKey = consolidatedInvoiceKey(g.schoolId, g.termKey, g.bookingIds);
  return result;
}
