import type { EntityManager } from '@partnerships/db';
import {
  academicYearOf,
  bookingInvoiceKey,
  creditNoteAmounts,
  creditNoteProblem,
  effectiveCapacity,
  lapsedOffers,
  londonTimeOf,
  londonToday,
  settledStatus,
  ukDateOf,
  waitingListOffers,
} from '@partnerships/domain';
import { InvoiceRepository, issueOneOffInvoice, loadBillingSettings, nextCreditNoteNumber } from '@partnerships/invoicing';
import { type BookingRow, BookingRepository } from './booking.repository';
import type { EventRow, SessionRow } from './event.repository';

export interface EventTenant {
  id: string;
  slug: string;
  name: string;
}

/** A booking e-mail to send once the unit of work has committed (the `event-booking` mail template). */
export interface EventMailRequest {
  /** Names the e-mail for the job id, so a repeat is a no-op (e.g. `approval-request-<booking>`). */
  key: string;
  to: string[];
  tenantId: string;
  partnershipName: string;
  eventTitle: string;
  headline: string;
  details: string[];
  /** Path on the web app, e.g. `/s/910001/bookings`. */
  path: string;
  linkLabel: string;
}

/** The mail job's payloads for one booking e-mail (one per recipient, each with its job id). */
export function eventMailJobs(mail: EventMailRequest, publicUrl: string): { jobId: string; payload: { template: 'event-booking'; to: string; tenantId: string; data: { partnershipName: string; eventTitle: string; headline: string; details: string[]; link: string; linkLabel: string } } }[] {
  const to = [...new Set(mail.to.map((t) => t.trim().toLowerCase()).filter((t) => t.includes('@')))];
  const link = `${publicUrl.replace(/\/$/, '')}${mail.path}`;
  return to.map((address, i) => ({
    jobId: `event-mail-${mail.key}-${i}`,
    payload: { template: 'event-booking', to: address, tenantId: mail.tenantId, data: { partnershipName: mail.partnershipName, eventTitle: mail.eventTitle, headline: mail.headline, details: mail.details, link, linkLabel: mail.linkLabel } },
  }));
}

/** Capacity as the rules see it: the event's own and its smallest session's. */
export function capacityOf(event: EventRow, sessions: readonly SessionRow[]): number {
  return effectiveCapacity({ capacity: event.capacity, sessions });
}

/** When the first session starts. */
export function startOf(sessions: readonly Pick<SessionRow, 'startsAt'>[]): string | null {
  return sessions.length ? sessions.map((s) => s.startsAt).sort()[0]! : null;
}

/** The academic year (its start year) an event's prices come from. */
export function priceYear(sessions: readonly Pick<SessionRow, 'startsAt'>[]): number {
  const start = startOf(sessions);
  return academicYearOf(start ? start.slice(0, 10) : londonToday()).startYear;
}

/**
 * Lapsed offers expire and each freed place is offered to the next person waiting (one place,
 * one offer; none once the event has started). Call with the event row locked
 * (EventRepository.lockForUpdate), inside the unit of work that changes its places.
 */
export async function settleWaitingList(
  em: EntityManager,
  tenant: EventTenant,
  event: EventRow,
  sessions: SessionRow[],
  now: string,
  known?: { held: number; waiting: number; lapsed: number },
): Promise<EventMailRequest[]> {
  const bookings = new BookingRepository(em);
  const startsAt = startOf(sessions);
  // Most calls find nothing to do: no lapsed offer, and either nobody waiting or no free place.
  const summary = known ?? (await bookings.placeSummary(event.id, null, now));
  if (summary.lapsed === 0 && (summary.waiting === 0 || summary.held >= capacityOf(event, sessions) || !startsAt || Date.parse(now) >= Date.parse(startsAt))) return [];
  let listed = await bookings.listedFor(event.id);
  const lapsed = lapsedOffers(listed, now);
  if (lapsed.length) {
    await bookings.markExpired(lapsed);
    listed = listed.map((b) => (lapsed.includes(b.id) ? { ...b, status: 'expired' as const } : b));
  }
  if (!startsAt) return [];
  const offers = waitingListOffers({ capacity: capacityOf(event, sessions), capPerSchool: event.capPerSchool, startsAt, offerMinutes: event.offerMinutes }, listed, now);
  if (!offers.length) return [];
  await bookings.markOffered(offers);
  const offered = await bookings.findMany(offers.map((o) => o.bookingId));
  return offered.map((b) => ({
    key: `offer-${b.id}-${Date.parse(b.offerExpiresAt ?? now)}`,
    to: delegateAndBooker(b),
    tenantId: tenant.id,
    partnershipName: tenant.name,
    eventTitle: event.title,
    headline: `A place has come free for ${b.delegateName}`,
    details: [
      `The place is held until ${londonTimeOf(b.offerExpiresAt!)} on ${ukDateOf(b.offerExpiresAt!)}. Accept it before then, or it passes to the next person waiting.`,
    ],
    path: `/s/${b.schoolUrn}/bookings`,
    linkLabel: 'Accept the place',
  }));
}

/** The delegate and the person who asked for the place. */
export function delegateAndBooker(b: BookingRow): string[] {
  return b.requestedByEmail ? [b.delegateEmail, b.requestedByEmail] : [b.delegateEmail];
}

/**
 * One invoice for a confirmed booking (per-booking invoicing), idempotent on the booking, quoting
 * the school's PO number. Consolidated invoicing leaves it for the term's invoice.
 */
export async function invoiceBookingIfDue(em: EntityManager, tenant: EventTenant, event: EventRow, sessions: SessionRow[], booking: BookingRow, by: string): Promise<string | null> {
  if (event.invoicing !== 'per_booking' || booking.pricePence === 0 || booking.invoiceId) return booking.invoiceId;
  const startsAt = startOf(sessions);
  const when = startsAt ? ` on ${ukDateOf(startsAt)}` : '';
  const issued = await issueOneOffInvoice(em, {
    tenantId: tenant.id,
    schoolId: booking.schoolId,
    lines: [{ description: `${event.title}${when}: place for ${booking.delegateName}`, quantity: 1, unitPence: booking.pricePence }],
    reference: `Course booking: ${event.title}`.slice(0, 200),
    idempotencyKey: bookingInvoiceKey(booking.id),
    poNumber: booking.poNumber,
    createdBy: by,
  });
  const balance = await new InvoiceRepository(em).lockBalance(issued.id);
  await new BookingRepository(em).setInvoice([booking.id], issued.id, new Map([[booking.id, balance?.total_pence ?? booking.pricePence]]));
  return issued.id;
}

/** A credit note on the booking's invoice for what the terms give back (never more than is left to credit); its id, or null. */
export async function creditBookingBack(em: EntityManager, tenant: EventTenant, booking: BookingRow, creditPence: number, reason: string, by: string): Promise<string | null> {
  if (!booking.invoiceId || creditPence <= 0) return null;
  const invoices = new InvoiceRepository(em);
  const row = await invoices.lockForUpdate(tenant.id, booking.invoiceId);
  if (!row) return null;
  const invoice = { status: row.status, totalPence: row.total_pence, vatPence: row.vat_pence, creditedPence: row.amount_credited_pence };
  const total = Math.min(creditPence, row.total_pence - row.amount_credited_pence);
  if (total <= 0 || creditNoteProblem(invoice, total)) return null;
  const amounts = creditNoteAmounts(invoice, total);
  const settings = await loadBillingSettings(em, tenant.id);
  const { sequence, number } = await nextCreditNoteNumber(em, tenant.id, settings.invoicePrefix);
  await invoices.insertCreditNote(tenant.id, {
    invoiceId: booking.invoiceId,
    schoolId: booking.schoolId,
    number,
    sequence,
    reason: reason.slice(0, 500),
    subtotalPence: amounts.subtotalPence,
    vatPence: amounts.vatPence,
    totalPence: amounts.totalPence,
    issuedOn: londonToday(),
    createdBy: by,
  });
  const credited = invoice.creditedPence + total;
  await invoices.applyCredit(booking.invoiceId, credited, settledStatus({ status: row.status, totalPence: row.total_pence, amountPaidPence: row.amount_paid_pence, amountCreditedPence: credited }));
  const notes = await invoices.creditNotes(booking.invoiceId);
  return notes.find((n) => n.number === number)?.id ?? null;
}
