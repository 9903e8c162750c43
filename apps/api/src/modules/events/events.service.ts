import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  consolidatedInvoices,
  DEFAULT_CANCELLATION_TERMS,
  DEFAULT_EVALUATION_QUESTIONS,
  describeCancellationTerms,
  evaluationScores,
  type CancellationTerms,
  noShowCharge,
} from '@partnerships/domain';
import { InvoiceRepository, issueOneOffInvoice } from '@partnerships/invoicing';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { BookingRepository, type EventCounts, type EventRow, EventRepository, type NewSession, OfferRepository, type SessionRow } from '@partnerships/jobs';
import { EventPlacesService, type PendingMail } from './event-places.service';
import type {
  BookingListDto,
  CertificatesIssuedDto,
  CreateEventDto,
  EvaluationSetupDto,
  EvaluationSummaryDto,
  EventDetailDto,
  EventListDto,
  EventReportDto,
  EventSessionDto,
  EventSettingsDto,
  EventSummaryDto,
  PublicEventListDto,
  RegisterDto,
  RegisterInputDto,
  TermInvoicingResultDto,
} from './events.dto';
import { FeedbackRepository } from './feedback.repository';
import { renderCertificate } from './certificate';
import { bookingDto, eventSummary, sessionDto } from './event-views';

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The partnership's side of CPD events: the programme, take-up, registers, evaluations, certificates, invoicing and reports. */
@Injectable()
export class EventsService {
  constructor(
    private readonly db: Database,
    private readonly places: EventPlacesService,
  ) {}

  private checkSettings(dto: EventSettingsDto): NewSession[] {
    const sessions = dto.sessions.map((s, i) => {
      if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) throw invalid([{ field: `sessions[${i}].endsAt`, message: 'A session ends after it starts.' }]);
      return { title: s.title?.trim() || null, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString(), capacity: s.capacity ?? null, venue: s.venue?.trim() || null };
    });
    if (dto.bookingOpensAt && dto.bookingClosesAt && Date.parse(dto.bookingOpensAt) >= Date.parse(dto.bookingClosesAt)) {
      throw invalid([{ field: 'bookingClosesAt', message: 'Booking closes after it opens.' }]);
    }
    return sessions;
  }

  private settingsOf(dto: EventSettingsDto) {
    const terms: CancellationTerms = dto.cancellationTerms
      ? { tiers: dto.cancellationTerms.tiers.map((t) => ({ withinDays: t.withinDays, chargePercent: t.chargePercent })), ...(dto.cancellationTerms.noShowChargePercent !== undefined ? { noShowChargePercent: dto.cancellationTerms.noShowChargePercent } : {}) }
      : DEFAULT_CANCELLATION_TERMS;
    return {
      format: dto.format ?? 'in_person',
      venue: dto.venue?.trim() || null,
      onlineUrl: dto.onlineUrl?.trim() || null,
      capacity: dto.capacity,
      capPerSchool: dto.capPerSchool ?? null,
      bookingOpensAt: dto.bookingOpensAt ?? null,
      bookingClosesAt: dto.bookingClosesAt ?? null,
      cancellationTerms: terms,
      offerMinutes: dto.offerMinutes ?? 1440,
      invoicing: dto.invoicing ?? 'per_booking',
    } as const;
  }

  /** An event for an offer of kind 'event' (or a new offer with member and non-member prices, made with it). */
  async create(ctx: TenantContext, dto: CreateEventDto): Promise<{ id: string }> {
    const sessions = this.checkSettings(dto);
    if (!dto.offerId && !dto.title) throw invalid([{ field: 'title', message: 'Give the event a title, or the offer it is for.' }]);
    if (!dto.offerId && dto.memberPricePence === undefined) throw invalid([{ field: 'memberPricePence', message: 'Give the members’ price (0 when free).' }]);
    return inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      let offerId = dto.offerId;
      if (offerId) {
        const offer = await events.offer(offerId);
        if (!offer) throw invalid([{ field: 'offerId', message: 'There is no such offer in this partnership.' }]);
        if (offer.kind !== 'event') throw invalid([{ field: 'offerId', message: 'That offer is not a course or event.' }]);
        if (await events.eventOfOffer(offerId)) throw conflict('That offer already has its event.', 'offerId');
      } else {
        const year = this.places.priceYear(sessions.map((s, i) => ({ ...s, id: String(i), eventId: '', position: i })));
        // The offer is the catalogue's (its own repository): a published course priced per delegate, members and non-members.
        const offers = new OfferRepository(em);
        offerId = await offers.create(
          ctx.tenant.id,
          { kind: 'event', title: dto.title!.trim(), summary: dto.summary?.trim() || null, description: null, unit: 'per_delegate', yearBasis: 'academic', categories: [], allowance: null, poolCapacity: null, rolling: false, public: dto.public ?? false },
          ctx.user.id,
        );
        await offers.setStatus(ctx.tenant.id, offerId, 'published');
        await offers.replacePrices(ctx.tenant.id, offerId, year, [
          { year, position: 0, label: 'Members', buyer: { membership: 'member' }, pence: dto.memberPricePence!, vat: 'standard' },
          ...(dto.nonMemberPricePence === null || dto.nonMemberPricePence === undefined ? [] : [{ year, position: 1, label: 'Non-members', buyer: { membership: 'non-member' as const }, pence: dto.nonMemberPricePence, vat: 'standard' as const }]),
        ]);
      }
      const id = await events.insert(ctx.tenant.id, { offerId, ...this.settingsOf(dto), createdBy: ctx.user.id });
      await events.replaceSessions(ctx.tenant.id, id, sessions);
      return { id };
    });
  }

  /** Changing an event: capacity can never drop below the places already held; a freed place is offered on. */
  async update(ctx: TenantContext, id: string, dto: EventSettingsDto): Promise<EventDetailDto> {
    const sessions = this.checkSettings(dto);
    const mails = await inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      const event = await this.locked(events, id);
      const before = await events.sessionsOf([id]);
      const settings = this.settingsOf(dto);
      const held = (await new BookingRepository(em).listedFor(id)).filter((b) => ['requested', 'awaiting_approval', 'confirmed', 'offered', 'attended', 'no_show'].includes(b.status)).length;
      const capacity = Math.min(settings.capacity, ...sessions.map((s) => s.capacity ?? Number.MAX_SAFE_INTEGER));
      if (capacity < held) throw invalid([{ field: 'capacity', message: `${held} places are already taken, so the capacity cannot be lower.` }]);
      const timesChanged = JSON.stringify(before.map((s) => [s.startsAt, s.endsAt, s.venue])) !== JSON.stringify(sessions.map((s) => [s.startsAt, s.endsAt, s.venue])) || settings.venue !== event.venue;
      await events.update(id, settings, timesChanged);
      await events.replaceSessions(ctx.tenant.id, id, sessions);
      const fresh = (await events.lockForUpdate(id))!;
      return this.places.settleWaitingList(em, ctx.tenant, fresh, await events.sessionsOf([id]), new Date().toISOString());
    });
    await this.places.sendAll(mails);
    return this.detail(ctx, id);
  }

  private async locked(events: EventRepository, id: string): Promise<EventRow> {
    if (!isUuid(id)) throw notFound('event');
    const event = await events.lockForUpdate(id);
    if (!event) throw notFound('event');
    return event;
  }

  private async found(events: EventRepository, id: string): Promise<EventRow> {
    if (!isUuid(id)) throw notFound('event');
    const event = await events.find(id);
    if (!event) throw notFound('event');
    return event;
  }

  async list(ctx: TenantContext): Promise<EventListDto> {
    return inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      const rows = await events.list();
      const ids = rows.map((e) => e.id);
      const sessions = await events.sessionsOf(ids);
      const counts = await events.counts(ids);
      return {
        items: rows.map((e) => {
          const own = sessions.filter((s) => s.eventId === e.id);
          return eventSummary(e, own, counts.get(e.id)!, this.places.capacityOf(e, own));
        }),
      };
    });
  }

  /** The contract: `{capacity, confirmed, waiting, sessions}` and more. */
  async detail(ctx: TenantContext, id: string): Promise<EventDetailDto> {
    return inTenant(this.db, ctx, (em) => this.detailIn(em, id));
  }

  private async detailIn(em: EntityManager, id: string): Promise<EventDetailDto> {
    const events = new EventRepository(em);
    const event = await this.found(events, id);
    const sessions = await events.sessionsOf([id]);
    const counts = (await events.counts([id])).get(id)!;
    const prices = await events.pricesOf(event.offerId);
    return {
      ...eventSummary(event, sessions, counts, this.places.capacityOf(event, sessions)),
      onlineUrl: event.onlineUrl,
      capPerSchool: event.capPerSchool,
      bookingOpensAt: event.bookingOpensAt,
      bookingClosesAt: event.bookingClosesAt,
      cancellationTerms: event.cancellationTerms,
      cancellationTermsText: describeCancellationTerms(event.cancellationTerms),
      offerMinutes: event.offerMinutes,
      invoicing: event.invoicing,
      attended: counts.attended,
      noShow: counts.noShow,
      sessions: sessions.map(sessionDto),
      prices: prices.map((p) => ({ year: p.year, label: p.label ?? null, buyer: p.buyer as Record<string, unknown>, pence: p.pence })),
    };
  }

  async bookings(ctx: TenantContext, id: string): Promise<BookingListDto> {
    return inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      const event = await this.found(events, id);
      const startsAt = this.places.startOf(await events.sessionsOf([id]));
      const rows = await new BookingRepository(em).ofEvent(id);
      return { items: rows.map((b) => bookingDto(b, { title: event.title, startsAt })) };
    });
  }

  async register(ctx: TenantContext, id: string, sessionId: string): Promise<RegisterDto> {
    return inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      await this.found(events, id);
      const session = (await events.sessionsOf([id])).find((s) => s.id === sessionId);
      if (!session) throw notFound('session');
      const marks = await new FeedbackRepository(em).register(sessionId);
      const rows = (await new BookingRepository(em).ofEvent(id)).filter((b) => ['confirmed', 'attended', 'no_show'].includes(b.status));
      return { sessionId, startsAt: session.startsAt, entries: rows.map((b) => ({ bookingId: b.id, delegateName: b.delegateName, schoolName: b.schoolName, attended: marks.get(b.id) ?? null })) };
    });
  }

  /** Marks the register; each booking then counts as attended (any session) or a no-show (charged under the terms). */
  async markRegister(ctx: TenantContext, id: string, sessionId: string, dto: RegisterInputDto): Promise<RegisterDto> {
    await inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      const event = await this.locked(events, id);
      const sessions = await events.sessionsOf([id]);
      const session = sessions.find((s) => s.id === sessionId);
      if (!session) throw notFound('session');
      if (Date.parse(session.startsAt) > Date.now()) throw conflict('The register opens when the session starts.');
      const bookings = new BookingRepository(em);
      const booked = new Map((await bookings.ofEvent(id)).filter((b) => ['confirmed', 'attended', 'no_show'].includes(b.status)).map((b) => [b.id, b]));
      dto.entries.forEach((e, i) => {
        if (!booked.has(e.bookingId)) throw invalid([{ field: `entries[${i}].bookingId`, message: 'That person does not have a confirmed place on this event.' }]);
      });
      const feedback = new FeedbackRepository(em);
      await feedback.mark(ctx.tenant.id, sessionId, dto.entries, ctx.user.id);
      const attended = await feedback.attendedCounts(id);
      for (const e of dto.entries) {
        const b = booked.get(e.bookingId)!;
        await bookings.settleAttendance(b.id, (attended.get(b.id) ?? 0) > 0, noShowCharge(event.cancellationTerms, b.pricePence));
      }
    });
    return this.register(ctx, id, sessionId);
  }

  async setEvaluation(ctx: TenantContext, id: string, dto: EvaluationSetupDto): Promise<EvaluationSummaryDto> {
    const questions = dto.questions?.map((q) => ({ id: q.id, text: q.text.trim(), kind: q.kind })) ?? DEFAULT_EVALUATION_QUESTIONS;
    if (new Set(questions.map((q) => q.id)).size !== questions.length) throw invalid([{ field: 'questions', message: 'Each question needs its own id.' }]);
    await inTenant(this.db, ctx, async (em) => {
      await this.found(new EventRepository(em), id);
      const feedback = new FeedbackRepository(em);
      const existing = await feedback.evaluation(id);
      if (existing && (await feedback.hasResponses(existing.id))) {
        if (existing.anonymous && !dto.anonymous) throw conflict('Answers were given anonymously, so the evaluation cannot stop being anonymous.', 'anonymous');
        if (JSON.stringify(existing.questions) !== JSON.stringify(questions)) throw conflict('People have answered already, so the questions cannot change.', 'questions');
      }
      await feedback.saveEvaluation(ctx.tenant.id, id, questions, dto.anonymous, ctx.user.id);
    });
    return this.evaluation(ctx, id);
  }

  /** The evaluation's scores and who has not answered; answers are shown with names only when it is not anonymous. */
  async evaluation(ctx: TenantContext, id: string): Promise<EvaluationSummaryDto> {
    return inTenant(this.db, ctx, async (em) => {
      await this.found(new EventRepository(em), id);
      const feedback = new FeedbackRepository(em);
      const evaluation = await feedback.evaluation(id);
      const attended = (await new BookingRepository(em).ofEvent(id)).filter((b) => b.status === 'attended');
      if (!evaluation) return { set: false, anonymous: false, questions: [], invited: attended.length, responded: 0, notAnswered: [], scores: [], responses: [] };
      const respondents = await feedback.respondents(evaluation.id);
      const responses = await feedback.responses(evaluation.id);
      const names = new Map(attended.map((b) => [b.id, b.delegateName]));
      return {
        set: true,
        anonymous: evaluation.anonymous,
        questions: evaluation.questions,
        invited: attended.length,
        responded: respondents.size,
        notAnswered: attended.filter((b) => !respondents.has(b.id)).map((b) => ({ bookingId: b.id, delegateName: b.delegateName, delegateEmail: b.delegateEmail, schoolName: b.schoolName })),
        scores: evaluationScores(evaluation.questions, responses.map((r) => r.answers)),
        responses: responses.map((r) => ({ delegateName: evaluation.anonymous || !r.bookingId ? null : (names.get(r.bookingId) ?? null), answers: r.answers })),
      };
    });
  }

  /** Certificates for everyone who attended (once each), each told by e-mail. */
  async issueCertificates(ctx: TenantContext, id: string): Promise<CertificatesIssuedDto> {
    const mails: PendingMail[] = [];
    const result = await inTenant(this.db, ctx, async (em) => {
      const event = await this.found(new EventRepository(em), id);
      const feedback = new FeedbackRepository(em);
      const attendedCounts = await feedback.attendedCounts(id);
      const attended = (await new BookingRepository(em).ofEvent(id)).filter((b) => b.status === 'attended' && (attendedCounts.get(b.id) ?? 0) > 0);
      if (!attended.length) throw conflict('Nobody is marked as attending yet, so there is nobody to give a certificate to.');
      const issued = new Set(await feedback.issueCertificates(ctx.tenant.id, attended.map((b) => b.id), ctx.user.id));
      for (const b of attended.filter((x) => issued.has(x.id))) {
        mails.push({ key: `certificate-${b.id}`, to: [b.delegateEmail], tenantId: ctx.tenant.id, partnershipName: ctx.tenant.name, eventTitle: event.title, headline: `${b.delegateName}, your certificate of attendance is ready`, details: ['Download it from your school’s bookings page.'], path: `/s/${b.schoolUrn}/bookings`, linkLabel: 'Download the certificate' });
      }
      return { issued: issued.size, total: (await feedback.certificatesOf(id)).size };
    });
    await this.places.sendAll(mails);
    return result;
  }

  async certificatePdf(ctx: TenantContext, id: string, bookingId: string): Promise<{ name: string; pdf: Buffer }> {
    return inTenant(this.db, ctx, async (em) => {
      await this.found(new EventRepository(em), id);
      const booking = isUuid(bookingId) ? await new BookingRepository(em).find(bookingId) : null;
      if (!booking || booking.eventId !== id) throw notFound('booking');
      return renderCertificate(em, ctx.tenant, booking);
    });
  }

  /** Capacity use and evaluation scores for every event. */
  async report(ctx: TenantContext): Promise<EventReportDto> {
    return inTenant(this.db, ctx, async (em) => {
      const events = new EventRepository(em);
      const rows = await events.list();
      const ids = rows.map((e) => e.id);
      const sessions = await events.sessionsOf(ids);
      const counts = await events.counts(ids);
      const answers = await new FeedbackRepository(em).allResponses();
      return {
        items: rows.map((e) => {
          const own = sessions.filter((s) => s.eventId === e.id);
          const capacity = this.places.capacityOf(e, own);
          const c = counts.get(e.id)!;
          const taken = c.confirmed + c.awaitingApproval + c.offered + c.attended + c.noShow;
          const mine = answers.filter((a) => a.eventId === e.id);
          const ratings = mine.flatMap((a) => a.questions.filter((q) => q.kind === 'rating').map((q) => a.answers[q.id]).filter((v): v is number => typeof v === 'number'));
          return {
            eventId: e.id,
            title: e.title,
            startsAt: own.length ? own[0]!.startsAt : null,
            capacity,
            placesTaken: taken,
            attended: c.attended,
            waiting: c.waiting,
            usePercent: capacity ? Math.round((taken / capacity) * 1000) / 10 : 0,
            evaluationResponses: mine.length,
            meanScore: ratings.length ? Math.round((ratings.reduce((t, r) => t + r, 0) / ratings.length) * 10) / 10 : null,
          };
        }),
      };
    });
  }

  async reportCsv(ctx: TenantContext): Promise<string> {
    const { items } = await this.report(ctx);
    const head = ['Event', 'Starts', 'Capacity', 'Places taken', 'Use %', 'Attended', 'Waiting', 'Evaluation responses', 'Mean score'];
    const lines = items.map((r) => [r.title, r.startsAt?.slice(0, 10) ?? '', r.capacity, r.placesTaken, r.usePercent, r.attended, r.waiting, r.evaluationResponses, r.meanScore ?? ''].map(csvCell).join(','));
    return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
  }

  /** Consolidated invoicing: one invoice per school per term for bookings not yet invoiced (idempotent on the set of bookings). */
  async invoiceTerm(ctx: TenantContext, term: string | undefined): Promise<TermInvoicingResultDto> {
    return inTenant(this.db, ctx, async (em) => {
      const bookings = new BookingRepository(em);
      const owed = await bookings.uninvoiced();
      const groups = consolidatedInvoices(
        owed.map((b) => ({
          id: b.id,
          schoolId: b.schoolId,
          startsAt: b.startsAt,
          amountPence: b.status === 'cancelled' || b.status === 'no_show' ? b.chargePence : b.pricePence,
          description: `${b.eventTitle}: ${b.status === 'cancelled' ? 'cancellation charge for' : b.status === 'no_show' ? 'no-show charge for' : 'place for'} ${b.delegateName}`,
        })),
        term,
      );
      const result: TermInvoicingResultDto['invoices'] = [];
      for (const g of groups) {
        const pos = [...new Set(owed.filter((b) => g.bookingIds.includes(b.id)).map((b) => b.poNumber).filter((p): p is string => !!p))];
        const issued = await issueOneOffInvoice(em, {
          tenantId: ctx.tenant.id,
          schoolId: g.schoolId,
          lines: g.lines,
          reference: `Course bookings: ${g.termLabel}`,
          idempotencyKey: g.idempotencyKey,
          poNumber: pos.join(', ').slice(0, 60) || null,
          createdBy: ctx.user.id,
        });
        const invoice = await new InvoiceRepository(em).lockBalance(issued.id);
        const rate = invoice && g.lines.reduce((t, l) => t + l.unitPence, 0) > 0 ? invoice.total_pence / g.lines.reduce((t, l) => t + l.unitPence, 0) : 1;
        await bookings.setInvoice(g.bookingIds, issued.id, new Map(g.bookingIds.map((id, i) => [id, Math.round(g.lines[i]!.unitPence * rate)])));
        result.push({ schoolId: g.schoolId, termKey: g.termKey, invoiceId: issued.id, bookings: g.bookingIds.length, created: issued.created });
      }
      return { invoices: result };
    });
  }

  /** The public catalogue: a listed partnership's public events with prices and places left. */
  async publicEvents(tenantId: string): Promise<PublicEventListDto> {
    return this.db.inTenant(tenantId, {}, async (em) => {
      const events = new EventRepository(em);
      const rows = (await events.list({ publicOnly: true, publishedOnly: true, upcomingOnly: true }));
      const ids = rows.map((e) => e.id);
      const sessions = await events.sessionsOf(ids);
      const counts = await events.counts(ids);
      const items = [];
      for (const e of rows) {
        const own = sessions.filter((s) => s.eventId === e.id);
        const prices = await events.pricesOf(e.offerId);
        const year = this.places.priceYear(own);
        const of = (membership: 'member' | 'non-member') => prices.filter((p) => p.year <= year && (!p.buyer.membership || p.buyer.membership === membership)).sort((a, b) => b.year - a.year || a.position - b.position)[0]?.pence ?? null;
        items.push({ ...eventSummary(e, own, counts.get(e.id)!, this.places.capacityOf(e, own)), memberPricePence: of('member'), nonMemberPricePence: of('non-member'), sessions: own.map(sessionDto) });
      }
      return { items };
    });
  }
}
