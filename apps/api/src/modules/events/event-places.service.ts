import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  academicYearOf,
  bookingInvoiceKey,
  creditNoteAmounts,
  creditNoteProblem,
  effectiveCapacity,
  formatPence,
  lapsedOffers,
  londonToday,
  settledStatus,
  ukDateOf,
  waitingListOffers,
} from '@partnerships/domain';
import { InvoiceRepository, issueOneOffInvoice, loadBillingSettings, nextCreditNoteNumber } from '@partnerships/invoicing';
import { type BookingRow, BookingRepository } from './booking.repository';
import { EventMailer } from './event-mail';
import { type EventRow, EventRepository, EventSweepRepository, type SessionRow } from './event.repository';

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

/** Mail to send once the unit of work has committed. */
export type PendingMail = Parameters<EventMailer['send']>[0];

/**
 * The rules about an event's places that every path shares, run inside the caller's unit of work
 * with the event row locked (EventRepository.lockForUpdate): settling lapsed waiting-list offers
 * and offering freed places, and invoicing a confirmed booking.
 */
@Injectable()
export class EventPlacesService {
  constructor(
    private readonly db: Database,
    private readonly mailer: EventMailer,
  ) {}

  /** Capacity as the rules see it: the event's and its smallest session's. */
  capacityOf(event: EventRow, sessions: SessionRow[]): number {
    return effectiveCapacity({ capacity: event.capacity, sessions });
  }

  startOf(sessions: SessionRow[]): string | null {
    return sessions.length ? sessions.map((s) => s.startsAt).sort()[0]! : null;
  }

  /**
   * Lapsed offers expire and each freed place is offered to the next person waiting (one
   * place, one offer; none once the event has started). Call with the event locked.
   */
  async settleWaitingList(em: EntityManager, tenant: TenantRef, event: EventRow, sessions: SessionRow[], now: string): Promise<PendingMail[]> {
    const bookings = new BookingRepository(em);
    const startsAt = this.startOf(sessions);
    let listed = await bookings.listedFor(event.id);
    const lapsed = lapsedOffers(listed, now);
    if (lapsed.length) {
      await bookings.markExpired(lapsed);
      listed = listed.map((b) => (lapsed.includes(b.id) ? { ...b, status: 'expired' as const } : b));
    }
    if (!startsAt) return [];
    const offers = waitingListOffers({ capacity: this.capacityOf(event, sessions), capPerSchool: event.capPerSchool, startsAt, offerMinutes: event.offerMinutes }, listed, now);
    if (!offers.length) return [];
    await bookings.markOffered(offers);
    const offered = await bookings.findMany(offers.map((o) => o.bookingId));
    const mails: PendingMail[] = [];
    for (const b of offered) {
      const recipients = await this.schoolAndDelegate(em, b);
      mails.push({
        key: `offer-${b.id}-${Date.parse(b.offerExpiresAt ?? now)}`,
        to: recipients,
        tenantId: tenant.id,
        partnershipName: tenant.name,
        eventTitle: event.title,
        headline: `A place has come free for ${b.delegateName}`,
        details: [`The place is held until ${ukDateOf(b.offerExpiresAt!)} at ${new Date(b.offerExpiresAt!).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })}. Accept it before then, or it passes to the next person waiting.`],
        path: `/s/${b.schoolUrn}/bookings`,
        linkLabel: 'Accept the place',
      });
    }
    return mails;
  }

  /** The delegate and the person who asked for the place. */
  async schoolAndDelegate(_em: EntityManager, b: BookingRow): Promise<string[]> {
    return b.requestedByEmail ? [b.delegateEmail, b.requestedByEmail] : [b.delegateEmail];
  }

  /**
   * One invoice for a confirmed booking (per-booking invoicing), idempotent on the booking: the
   * invoice quotes the school's PO number. Consolidated invoicing leaves it for the term's run.
   */
  async invoiceIfDue(em: EntityManager, tenant: TenantRef, event: EventRow, sessions: SessionRow[], booking: BookingRow, by: string): Promise<string | null> {
    if (event.invoicing !== 'per_booking' || booking.pricePence === 0 || booking.invoiceId) return booking.invoiceId;
    const startsAt = this.startOf(sessions);
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

  /** A credit note on the booking's invoice for what the terms give back; its id (null when nothing is credited). */
  async creditBack(em: EntityManager, tenant: TenantRef, booking: BookingRow, creditPence: number, reason: string, by: string): Promise<string | null> {
    if (!booking.invoiceId || creditPence <= 0) return null;
    const invoices = new InvoiceRepository(em);
    const row = await invoices.lockForUpdate(tenant.id, booking.invoiceId);
    if (!row) return null;
    const invoice = { status: row.status, totalPence: row.total_pence, vatPence: row.vat_pence, creditedPence: row.amount_credited_pence };
    const left = row.total_pence - row.amount_credited_pence;
    const total = Math.min(creditPence, left);
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
    return (notes.find((n) => n.number === number) as { id?: string } | undefined)?.id ?? null;
  }

  /** The academic year (its start year) an event's prices come from. */
  priceYear(sessions: SessionRow[]): number {
    const start = this.startOf(sessions);
    return academicYearOf(start ? start.slice(0, 10) : londonToday()).startYear;
  }

  async sendAll(mails: PendingMail[]): Promise<void> {
    for (const mail of mails) await this.mailer.send(mail);
  }

  /** The sweep: offers whose time is up pass to the next person, in every partnership. */
  async sweep(now = new Date().toISOString()): Promise<number> {
    const tenants = await this.db.asPlatform({}, (em) => new EventSweepRepository(em).activeTenants());
    let settled = 0;
    for (const tenant of tenants) {
      const due = await this.db.inTenant(tenant.id, {}, (em) => new EventRepository(em).withLapsedOffers(now));
      for (const eventId of due) {
        const mails = await this.db.inTenant(tenant.id, {}, async (em) => {
          const events = new EventRepository(em);
          const event = await events.lockForUpdate(eventId);
          if (!event) return [];
          const sessions = await events.sessionsOf([event.id]);
          settled += 1;
          return this.settleWaitingList(em, tenant, event, sessions, now);
        });
        await this.sendAll(mails);
      }
    }
    return settled;
  }
}

export const money = formatPence;
