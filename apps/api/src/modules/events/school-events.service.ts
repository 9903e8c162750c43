import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, SchoolRegisterRepository, TenantRepository } from '@partnerships/db';
import {
  BOOKING_STATUS_LABELS,
  approvalRefusal,
  approvesAutomatically,
  bookingIcs,
  bookingPoNumberProblem,
  bookingWindowProblem,
  cancellationOutcome,
  certificateRefusal,
  describeCancellationTerms,
  evaluationAnswerProblems,
  eventPriceFor,
  formatPence,
  holdsPlace,
  noShowCharge,
  placeDecision,
  type SchoolRole,
  ukDateOf,
} from '@partnerships/domain';
import { renderCertificatePdf } from '@partnerships/jobs';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import { isUuid } from '../../common/ids';
import { isUniqueViolation } from '../../common/sql-text';
import { ACTS_FOR_SCHOOL, type SchoolAccess, schoolFor } from '../school-portal/school-access';
import { type BookingRow, BookingRepository, type EventRow, EventRepository, type SessionRow } from '@partnerships/jobs';
import { EventPlacesService, type PendingMail, type TenantRef } from './event-places.service';
import type { BookingDto, CancelOutcomeDto, EvaluationAnswersDto, RequestPlaceDto, SchoolEventDto } from './events.dto';
import { renderCertificate } from './certificate';
import { bookingDto, eventSummary, sessionDto } from './event-views';
import { FeedbackRepository } from './feedback.repository';

interface Located {
  school: SchoolAccess;
  tenant: TenantRef;
  people: { userId: string; name: string; email: string; roles: SchoolRole[] }[];
}


/**
 * The school's side of CPD bookings: its staff ask for places (for themselves or a colleague), its
 * headteacher or business manager approves them with a PO number (or the school approves below a
 * limit), and only then is a place confirmed and invoiced. Non-members book public events at the
 * non-member price.
 */
@Injectable()
export class SchoolEventsService {
  constructor(
    private readonly db: Database,
    private readonly places: EventPlacesService,
  ) {}

  /** The school (the person acts for it) and the partnership named by `tenant`. */
  private locate(ctx: AuthedContext, urn: string, slug: string, needs?: readonly SchoolRole[], doing?: string): Promise<Located> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, needs, doing);
      const found = await new TenantRepository(em).findBySlug(slug);
      if (!found || found.status === 'suspended') throw invalid([{ field: 'tenant', message: 'There is no partnership with that name.' }]);
      const people = await new SchoolRegisterRepository(em).peopleOf(school.id);
      return { school, tenant: { id: found.id, slug: found.slug, name: found.name }, people };
    });
  }

  private inTenant<T>(ctx: AuthedContext, tenant: TenantRef, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, work);
  }

  /** Events the school can see: every published event if it is a member, public ones otherwise; with its own price. */
  async events(ctx: AuthedContext, urn: string, slug: string): Promise<{ items: SchoolEventDto[] }> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => {
      const events = new EventRepository(em);
      const buyer = await events.buyerFacts(school.id);
      if (!buyer) throw notFound('school');
      const list = (await events.list({ publishedOnly: true, publicOnly: !buyer.member, upcomingOnly: true })).filter((e) => e.offerStatus === 'published');
      const ids = list.map((e) => e.id);
      const sessions = await events.sessionsOf(ids);
      const counts = await events.counts(ids);
      const now = new Date().toISOString();
      const items: SchoolEventDto[] = [];
      for (const e of list) {
        const own = sessions.filter((s) => s.eventId === e.id);
        const price = eventPriceFor(await events.pricesOf(e.offerId), buyer, this.places.priceYear(own));
        items.push({
          ...eventSummary(e, own, counts.get(e.id)!, this.places.capacityOf(e, own)),
          pricePence: price?.pence ?? null,
          member: buyer.member,
          bookingProblem: bookingWindowProblem({ opensAt: e.bookingOpensAt, closesAt: e.bookingClosesAt, startsAt: this.places.startOf(own) }, now),
          cancellationTermsText: describeCancellationTerms(e.cancellationTerms),
          sessions: own.map(sessionDto),
        });
      }
      return { items };
    });
  }

  /**
   * A member of staff asks for a place. With the event row locked: lapsed offers settle, the
   * window and the school's cap are checked, and the request takes a place if one is free (and
   * nobody is waiting), else joins the waiting list. Below the school's limit it is approved at
   * once (and invoiced); otherwise it waits for the headteacher or business manager.
   */
  async request(ctx: AuthedContext, urn: string, slug: string, eventId: string, dto: RequestPlaceDto): Promise<BookingDto> {
    const { school, tenant, people } = await this.locate(ctx, urn, slug);
    const delegate = this.delegate(ctx, people, dto);
    const now = new Date().toISOString();
    const mails: PendingMail[] = [];
    try {
      const result = await this.inTenant(ctx, tenant, async (em) => {
        const events = new EventRepository(em);
        const bookings = new BookingRepository(em);
        // What does not depend on the places is read before the event's lock is taken, so the lock is held briefly.
        const before = isUuid(eventId) ? await events.find(eventId) : null;
        if (!before || before.offerStatus !== 'published') throw notFound('event');
        const buyer = await events.buyerFacts(school.id);
        if (!buyer) throw notFound('school');
        if (!buyer.member && !before.public) throw notFound('event');
        const prices = await events.pricesOf(before.offerId);
        const limit = await bookings.autoApproveLimit(school.id);
        const event = await events.lockForUpdate(eventId);
        if (!event || event.offerStatus !== 'published') throw notFound('event');
        const sessions = await events.sessionsOf([event.id]);
        const startsAt = this.places.startOf(sessions);
        const window = bookingWindowProblem({ opensAt: event.bookingOpensAt, closesAt: event.bookingClosesAt, startsAt }, now);
        if (window) throw conflict(window);
        const price = eventPriceFor(prices, buyer, this.places.priceYear(sessions));
        if (!price) throw conflict(buyer.member ? 'This event has no price for your school yet, so it cannot be booked.' : 'This event is for members of the partnership only.');
        let places = await bookings.placeSummary(event.id, school.id, now);
        const offered = await this.places.settleWaitingList(em, tenant, event, sessions, now, places);
        if (offered.length || places.lapsed) places = await bookings.placeSummary(event.id, school.id, now);
        mails.push(...offered);
        const decision = placeDecision({ capacity: this.places.capacityOf(event, sessions), capPerSchool: event.capPerSchool }, places);
        if (decision.outcome === 'refused') throw conflict(decision.reason);
        const auto = decision.outcome === 'place' && approvesAutomatically(price.pence, limit);
        const status = decision.outcome === 'waiting' ? 'waiting' : auto ? 'confirmed' : 'awaiting_approval';
        const id = await bookings.insert(tenant.id, {
          eventId: event.id,
          schoolId: school.id,
          delegateUserId: delegate.userId,
          delegateName: delegate.name,
          delegateEmail: delegate.email,
          requestedBy: ctx.user.id,
          status,
          member: buyer.member,
          pricePence: price.pence,
          priceLabel: price.label,
          autoApproved: auto,
          waitingPosition: null,
        });
        let booking = (await bookings.find(id))!;
        if (status === 'confirmed') {
          await this.places.invoiceIfDue(em, tenant, event, sessions, booking, ctx.user.id);
          booking = (await bookings.find(id))!;
        }
        mails.push(...this.requestMails(tenant, event, booking, people, ctx));
        return bookingDto(booking, { title: event.title, startsAt });
      });
      await this.places.sendAll(mails);
      return result;
    } catch (error) {
      if (isUniqueViolation(error, 'event_bookings_delegate_key')) throw conflict(`${delegate.name} already has a place or is waiting for one on this event.`, 'delegateEmail');
      throw error;
    }
  }

  private delegate(ctx: AuthedContext, people: Located['people'], dto: RequestPlaceDto): { userId: string | null; name: string; email: string } {
    if (dto.delegateUserId) {
      const person = people.find((p) => p.userId === dto.delegateUserId);
      if (!person) throw invalid([{ field: 'delegateUserId', message: 'That person does not work at this school.' }]);
      return { userId: person.userId, name: person.name, email: person.email.toLowerCase() };
    }
    if (dto.delegateName || dto.delegateEmail) {
      if (!dto.delegateName) throw invalid([{ field: 'delegateName', message: 'Give the delegate’s name.' }]);
      if (!dto.delegateEmail) throw invalid([{ field: 'delegateEmail', message: 'Give the delegate’s e-mail address.' }]);
      const email = dto.delegateEmail.trim().toLowerCase();
      const person = people.find((p) => p.email.toLowerCase() === email);
      return { userId: person?.userId ?? null, name: dto.delegateName.trim(), email };
    }
    return { userId: ctx.user.id, name: ctx.user.name, email: ctx.user.email.toLowerCase() };
  }

  private requestMails(tenant: TenantRef, event: EventRow, b: BookingRow, people: Located['people'], ctx: AuthedContext): PendingMail[] {
    const base = { tenantId: tenant.id, partnershipName: tenant.name, eventTitle: event.title };
    if (b.status === 'awaiting_approval') {
      const approvers = people.filter((p) => p.userId !== ctx.user.id && p.roles.some((r) => r === 'headteacher' || r === 'business-manager'));
      return [{
        ...base,
        key: `approval-request-${b.id}`,
        to: approvers.map((p) => p.email),
        headline: b.delegateUserId === ctx.user.id ? `${ctx.user.name} asks for a place` : `${ctx.user.name} asks for a place for ${b.delegateName}`,
        details: [`The place costs ${formatPence(b.pricePence)} before VAT. It is held for the school until you approve it with a purchase-order number, or decline it.`],
        path: `/s/${b.schoolUrn}/bookings`,
        linkLabel: 'Approve or decline',
      }];
    }
    if (b.status === 'confirmed') return [this.confirmationMail(tenant, event, b)];
    if (b.status === 'waiting') {
      return [{ ...base, key: `waiting-${b.id}`, to: [b.delegateEmail], headline: `${b.delegateName} is on the waiting list`, details: ['The event is full. If a place comes free, we will offer it by e-mail, in turn.'], path: `/s/${b.schoolUrn}/bookings`, linkLabel: 'See the booking' }];
    }
    return [];
  }

  private confirmationMail(tenant: TenantRef, event: EventRow, b: BookingRow): PendingMail {
    return {
      tenantId: tenant.id,
      partnershipName: tenant.name,
      eventTitle: event.title,
      key: `confirmed-${b.id}`,
      to: [b.delegateEmail, ...(b.requestedByEmail ? [b.requestedByEmail] : [])],
      headline: `${b.delegateName}’s place is confirmed`,
      details: [event.venue ? `Venue: ${event.venue}.` : 'The event is online; the joining link will follow.', describeCancellationTerms(event.cancellationTerms)],
      path: `/s/${b.schoolUrn}/bookings`,
      linkLabel: 'See the booking',
    };
  }

  async bookings(ctx: AuthedContext, urn: string, slug: string, awaitingOnly = false): Promise<{ items: BookingDto[] }> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => {
      const rows = await new BookingRepository(em).ofSchool(school.id, awaitingOnly ? ['awaiting_approval'] : undefined);
      return { items: await this.withEvents(em, rows) };
    });
  }

  private async withEvents(em: EntityManager, rows: BookingRow[]): Promise<BookingDto[]> {
    const events = new EventRepository(em);
    const ids = [...new Set(rows.map((r) => r.eventId))];
    const titles = new Map<string, { title: string; startsAt: string | null }>();
    const sessions = await events.sessionsOf(ids);
    for (const id of ids) {
      const e = await events.find(id);
      titles.set(id, { title: e?.title ?? '', startsAt: this.places.startOf(sessions.filter((s) => s.eventId === id)) });
    }
    return rows.map((r) => bookingDto(r, titles.get(r.eventId)!));
  }

  /** One booking of this school, with its event locked (every change to places goes through here). */
  private async lockBooking(em: EntityManager, school: SchoolAccess, id: string): Promise<{ booking: BookingRow; event: EventRow; sessions: SessionRow[] }> {
    const bookings = new BookingRepository(em);
    const peek = isUuid(id) ? await bookings.find(id) : null;
    if (!peek || peek.schoolId !== school.id) throw notFound('booking');
    const events = new EventRepository(em);
    const event = await events.lockForUpdate(peek.eventId);
    if (!event) throw notFound('booking');
    const booking = (await bookings.lockForUpdate(id))!;
    return { booking, event, sessions: await events.sessionsOf([event.id]) };
  }

  /** The headteacher or business manager approves a request with a PO number; the place is then confirmed and invoiced. Nobody approves their own request. */
  async approve(ctx: AuthedContext, urn: string, slug: string, id: string, poNumber: string | undefined): Promise<BookingDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    const mails: PendingMail[] = [];
    const result = await this.inTenant(ctx, tenant, async (em) => {
      const { booking, event, sessions } = await this.lockBooking(em, school, id);
      const refusal = approvalRefusal({ requestedBy: booking.requestedBy }, { userId: ctx.user.id, roles: school.roles });
      if (refusal) throw new AppError('forbidden', 403, refusal);
      if (booking.status !== 'awaiting_approval') throw conflict(`This booking is ${BOOKING_STATUS_LABELS[booking.status].toLowerCase()}, so there is nothing to approve.`);
      const poProblem = bookingPoNumberProblem(poNumber, booking.pricePence);
      if (poProblem) throw invalid([{ field: 'poNumber', message: poProblem }]);
      const bookings = new BookingRepository(em);
      await bookings.approve(id, ctx.user.id, poNumber?.trim() || null);
      await this.places.invoiceIfDue(em, tenant, event, sessions, (await bookings.find(id))!, ctx.user.id);
      const done = (await bookings.find(id))!;
      mails.push(this.confirmationMail(tenant, event, done));
      return bookingDto(done, { title: event.title, startsAt: this.places.startOf(sessions) });
    });
    await this.places.sendAll(mails);
    return result;
  }

  async decline(ctx: AuthedContext, urn: string, slug: string, id: string, reason: string | undefined): Promise<BookingDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    const mails: PendingMail[] = [];
    const result = await this.inTenant(ctx, tenant, async (em) => {
      const { booking, event, sessions } = await this.lockBooking(em, school, id);
      const refusal = approvalRefusal({ requestedBy: booking.requestedBy }, { userId: ctx.user.id, roles: school.roles });
      if (refusal && !(booking.requestedBy === ctx.user.id && school.roles.some((r) => ACTS_FOR_SCHOOL.includes(r)))) throw new AppError('forbidden', 403, refusal);
      if (booking.status !== 'awaiting_approval') throw conflict(`This booking is ${BOOKING_STATUS_LABELS[booking.status].toLowerCase()}, so there is nothing to decline.`);
      const bookings = new BookingRepository(em);
      await bookings.decline(id, ctx.user.id, reason?.trim() || null);
      mails.push(...(await this.places.settleWaitingList(em, tenant, event, sessions, new Date().toISOString())));
      const done = (await bookings.find(id))!;
      mails.push({ tenantId: tenant.id, partnershipName: tenant.name, eventTitle: event.title, key: `declined-${id}`, to: done.requestedByEmail ? [done.requestedByEmail] : [], headline: `The school did not approve the place for ${done.delegateName}`, details: reason?.trim() ? [reason.trim()] : [], path: `/s/${done.schoolUrn}/bookings`, linkLabel: 'See the booking' });
      return bookingDto(done, { title: event.title, startsAt: this.places.startOf(sessions) });
    });
    await this.places.sendAll(mails);
    return result;
  }

  /** Who may change a booking: the person who asked, the delegate, or the headteacher or business manager. */
  private mayChange(ctx: AuthedContext, school: SchoolAccess, b: BookingRow): void {
    if (b.requestedBy === ctx.user.id || b.delegateUserId === ctx.user.id || school.roles.some((r) => ACTS_FOR_SCHOOL.includes(r))) return;
    throw new AppError('forbidden', 403, 'Only the person who asked for this place, the delegate, or the headteacher or business manager can change it.');
  }

  /**
   * Cancelling: the terms decide the charge by notice; what was invoiced beyond the charge comes
   * back as a credit note. The freed place is offered to the next person waiting.
   */
  async cancel(ctx: AuthedContext, urn: string, slug: string, id: string, reason: string | undefined): Promise<CancelOutcomeDto> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    const mails: PendingMail[] = [];
    const result = await this.inTenant(ctx, tenant, async (em) => {
      const { booking, event, sessions } = await this.lockBooking(em, school, id);
      this.mayChange(ctx, school, booking);
      if (!holdsPlace(booking.status) && booking.status !== 'waiting') throw conflict(`This booking is ${BOOKING_STATUS_LABELS[booking.status].toLowerCase()}, so it cannot be cancelled.`);
      if (booking.status === 'attended' || booking.status === 'no_show') throw conflict('The event has happened, so this booking can no longer be cancelled.');
      const now = new Date().toISOString();
      const startsAt = this.places.startOf(sessions) ?? now;
      const outcome = cancellationOutcome(event.cancellationTerms, { confirmed: booking.status === 'confirmed', pricePence: booking.pricePence, invoicedPence: booking.invoicedPence }, now, startsAt);
      const why = `Cancelled place for ${booking.delegateName} on ${event.title} with ${outcome.noticeDays} days’ notice: ${outcome.chargePercent}% charged under the terms`;
      const creditNoteId = await this.places.creditBack(em, tenant, booking, outcome.creditPence, why, ctx.user.id);
      const bookings = new BookingRepository(em);
      await bookings.cancel(id, ctx.user.id, reason?.trim() || null, outcome.chargePence, creditNoteId);
      mails.push(...(await this.places.settleWaitingList(em, tenant, event, sessions, now)));
      const done = (await bookings.find(id))!;
      return { ...bookingDto(done, { title: event.title, startsAt: this.places.startOf(sessions) }), noticeDays: outcome.noticeDays, chargePercent: outcome.chargePercent, creditPence: outcome.creditPence };
    });
    await this.places.sendAll(mails);
    return result;
  }

  /** Someone else goes in the delegate's place: free, and the place stays as it was. */
  async substitute(ctx: AuthedContext, urn: string, slug: string, id: string, dto: RequestPlaceDto): Promise<BookingDto> {
    const { school, tenant, people } = await this.locate(ctx, urn, slug);
    if (!dto.delegateUserId && !dto.delegateName && !dto.delegateEmail) throw invalid([{ field: 'delegateName', message: 'Say who goes instead.' }]);
    const to = this.delegate(ctx, people, dto);
    try {
      return await this.inTenant(ctx, tenant, async (em) => {
        const { booking, event, sessions } = await this.lockBooking(em, school, id);
        this.mayChange(ctx, school, booking);
        if (!holdsPlace(booking.status) && booking.status !== 'waiting') throw conflict('Only a live booking can be passed to someone else.');
        if (booking.status === 'attended' || booking.status === 'no_show') throw conflict('The event has happened, so the delegate can no longer change.');
        const bookings = new BookingRepository(em);
        await bookings.substitute(id, to, { fromName: booking.delegateName, fromEmail: booking.delegateEmail, at: new Date().toISOString(), by: ctx.user.id });
        return bookingDto((await bookings.find(id))!, { title: event.title, startsAt: this.places.startOf(sessions) });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'event_bookings_delegate_key')) throw conflict(`${to.name} already has a place on this event.`, 'delegateEmail');
      throw error;
    }
  }

  /** Taking up a waiting-list offer before it lapses: the place then needs the school's approval, like any other (unless below its limit). */
  async acceptOffer(ctx: AuthedContext, urn: string, slug: string, id: string): Promise<BookingDto> {
    const { school, tenant, people } = await this.locate(ctx, urn, slug);
    const mails: PendingMail[] = [];
    const now = new Date().toISOString();
    const result = await this.inTenant(ctx, tenant, async (em) => {
      const { booking, event, sessions } = await this.lockBooking(em, school, id);
      this.mayChange(ctx, school, booking);
      mails.push(...(await this.places.settleWaitingList(em, tenant, event, sessions, now)));
      const bookings = new BookingRepository(em);
      const current = (await bookings.find(id))!;
      if (current.status !== 'offered') throw conflict(current.status === 'expired' ? 'The offer has lapsed and the place has passed to the next person waiting.' : 'There is no offer of a place on this booking to accept.');
      const auto = approvesAutomatically(current.pricePence, await bookings.autoApproveLimit(school.id));
      await bookings.takeUpOffer(id, auto ? 'confirmed' : 'awaiting_approval', auto);
      let done = (await bookings.find(id))!;
      if (auto) {
        await this.places.invoiceIfDue(em, tenant, event, sessions, done, ctx.user.id);
        done = (await bookings.find(id))!;
      }
      mails.push(...this.requestMails(tenant, event, done, people, ctx));
      return bookingDto(done, { title: event.title, startsAt: this.places.startOf(sessions) });
    });
    await this.places.sendAll(mails);
    return result;
  }

  /** The delegate's calendar entries for their sessions (.ics). */
  async ics(ctx: AuthedContext, urn: string, slug: string, id: string): Promise<string> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => {
      const booking = isUuid(id) ? await new BookingRepository(em).find(id) : null;
      if (!booking || booking.schoolId !== school.id) throw notFound('booking');
      const events = new EventRepository(em);
      const event = (await events.find(booking.eventId))!;
      const sessions = await events.sessionsOf([event.id]);
      const cancelled = !holdsPlace(booking.status);
      return bookingIcs(`${event.title} (${tenant.name})`, booking.id, sessions.map((s) => ({
        sessionId: s.id,
        eventTitle: s.title ? `${event.title}: ${s.title}` : event.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.venue ?? event.venue ?? (event.format === 'online' ? 'Online' : null),
        sequence: event.sequence + (cancelled ? 1 : 0),
        cancelled,
      })));
    });
  }

  /** The delegate (or whoever booked) answers the evaluation, once; anonymous answers are kept apart from who gave them. */
  async evaluate(ctx: AuthedContext, urn: string, slug: string, id: string, dto: EvaluationAnswersDto): Promise<{ recorded: boolean }> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => {
      const booking = isUuid(id) ? await new BookingRepository(em).find(id) : null;
      if (!booking || booking.schoolId !== school.id) throw notFound('booking');
      this.mayChange(ctx, school, booking);
      if (booking.status !== 'attended') throw conflict('Only people who attended are asked for an evaluation.');
      const feedback = new FeedbackRepository(em);
      const evaluation = await feedback.evaluation(booking.eventId);
      if (!evaluation) throw conflict('This event has no evaluation yet.');
      const problems = evaluationAnswerProblems(evaluation.questions, dto.answers);
      if (problems.length) throw invalid(problems);
      const recorded = await feedback.respond(tenant.id, evaluation, booking.id, dto.answers);
      if (!recorded) throw conflict('This evaluation has already been answered for this booking.');
      return { recorded };
    });
  }

  /** A certificate of attendance as a PDF, for those who attended once it has been issued. */
  async certificatePdf(ctx: AuthedContext, urn: string, slug: string, id: string): Promise<{ name: string; pdf: Buffer }> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => {
      const booking = isUuid(id) ? await new BookingRepository(em).find(id) : null;
      if (!booking || booking.schoolId !== school.id) throw notFound('booking');
      return renderCertificate(em, tenant, booking);
    });
  }

  async settings(ctx: AuthedContext, urn: string, slug: string): Promise<{ autoApproveBelowPence: number | null }> {
    const { school, tenant } = await this.locate(ctx, urn, slug);
    return this.inTenant(ctx, tenant, async (em) => ({ autoApproveBelowPence: await new BookingRepository(em).autoApproveLimit(school.id) }));
  }

  async saveSettings(ctx: AuthedContext, urn: string, slug: string, limit: number | null): Promise<{ autoApproveBelowPence: number | null }> {
    const { school, tenant } = await this.locate(ctx, urn, slug, ACTS_FOR_SCHOOL, 'set the booking approval limit');
    return this.inTenant(ctx, tenant, async (em) => {
      const bookings = new BookingRepository(em);
      await bookings.setAutoApproveLimit(tenant.id, school.id, limit, ctx.user.id);
      return { autoApproveBelowPence: await bookings.autoApproveLimit(school.id) };
    });
  }
}

export const noShowChargeOf = noShowCharge;
