import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { BookingStatus, Buyer, CancellationTerms, EventInvoicingMode, OfferPrice } from '@partnerships/domain';

/** An event with what booking needs from its offer (title, status, whether the public may book). */
export interface EventRow {
  id: string;
  offerId: string;
  title: string;
  summary: string | null;
  offerStatus: string;
  public: boolean;
  format: 'in_person' | 'online' | 'hybrid';
  venue: string | null;
  onlineUrl: string | null;
  capacity: number;
  capPerSchool: number | null;
  bookingOpensAt: string | null;
  bookingClosesAt: string | null;
  cancellationTerms: CancellationTerms;
  offerMinutes: number;
  invoicing: EventInvoicingMode;
  sequence: number;
}

export interface SessionRow {
  id: string;
  eventId: string;
  position: number;
  title: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  venue: string | null;
}

export interface EventCounts {
  eventId: string;
  confirmed: number;
  awaitingApproval: number;
  offered: number;
  waiting: number;
  attended: number;
  noShow: number;
  cancelled: number;
}

export interface NewEvent
  extends Pick<EventRow, 'offerId' | 'format' | 'venue' | 'onlineUrl' | 'capacity' | 'capPerSchool' | 'bookingOpensAt' | 'bookingClosesAt' | 'cancellationTerms' | 'offerMinutes' | 'invoicing'> {
  createdBy: string;
}

export interface NewSession {
  title: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  venue: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

interface RawEvent {
  id: string;
  offer_id: string;
  title: string;
  summary: string | null;
  offer_status: string;
  public: boolean;
  format: EventRow['format'];
  venue: string | null;
  online_url: string | null;
  capacity: number;
  cap_per_school: number | null;
  booking_opens_at: Date | null;
  booking_closes_at: Date | null;
  cancellation_terms: CancellationTerms;
  offer_minutes: number;
  invoicing: EventInvoicingMode;
  sequence: number;
}

const EVENT_COLUMNS = `e.id, e.offer_id, o.title, o.summary, o.status AS offer_status, o.public, e.format, e.venue, e.online_url, e.capacity, e.cap_per_school,
  e.booking_opens_at, e.booking_closes_at, e.cancellation_terms, e.offer_minutes, e.invoicing, e.sequence`;

function toEvent(r: RawEvent): EventRow {
  return {
    id: r.id,
    offerId: r.offer_id,
    title: r.title,
    summary: r.summary,
    offerStatus: r.offer_status,
    public: r.public,
    format: r.format,
    venue: r.venue,
    onlineUrl: r.online_url,
    capacity: r.capacity,
    capPerSchool: r.cap_per_school,
    bookingOpensAt: iso(r.booking_opens_at),
    bookingClosesAt: iso(r.booking_closes_at),
    cancellationTerms: r.cancellation_terms,
    offerMinutes: r.offer_minutes,
    invoicing: r.invoicing,
    sequence: r.sequence,
  };
}

/**
 * Events and their sessions (the `events` and `event_sessions` tables). Reads the offer an event
 * belongs to (title, status, public, prices) read-only: offers are written by OfferRepository.
 */
export class EventRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager) {
    super(em);
  }

  /**
   * The event, locked for the rest of the unit of work. Every change to an event's places takes
   * this lock first, so concurrent bookings of one event are serialised and capacity is never
   * exceeded.
   */
  async lockForUpdate(id: string): Promise<EventRow | null> {
    const row = await this.one<RawEvent>(`SELECT ${EVENT_COLUMNS} FROM events e JOIN offers o ON o.id = e.offer_id WHERE e.id = $1 FOR UPDATE OF e`, [id]);
    return row ? toEvent(row) : null;
  }

  async find(id: string): Promise<EventRow | null> {
    const row = await this.one<RawEvent>(`SELECT ${EVENT_COLUMNS} FROM events e JOIN offers o ON o.id = e.offer_id WHERE e.id = $1`, [id]);
    return row ? toEvent(row) : null;
  }

  async list(filter: { publicOnly?: boolean; publishedOnly?: boolean; upcomingOnly?: boolean } = {}): Promise<(EventRow & { startsAt: string | null })[]> {
    const where: string[] = [];
    if (filter.publicOnly) where.push('o.public');
    if (filter.publishedOnly) where.push(`o.status = 'published'`);
    const rows = await this.rows<RawEvent & { starts_at: Date | null }>(
      `SELECT ${EVENT_COLUMNS}, s.starts_at FROM events e JOIN offers o ON o.id = e.offer_id
       LEFT JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM event_sessions WHERE event_id = e.id) s ON true
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ${filter.upcomingOnly ? `${where.length ? 'AND' : 'WHERE'} s.starts_at > now()` : ''}
       ORDER BY s.starts_at NULLS LAST, o.title`,
    );
    return rows.map((r) => ({ ...toEvent(r), startsAt: iso(r.starts_at) }));
  }

  async sessionsOf(eventIds: string[]): Promise<SessionRow[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.rows<{ id: string; event_id: string; position: number; title: string | null; starts_at: Date; ends_at: Date; capacity: number | null; venue: string | null }>(
      `SELECT id, event_id, position, title, starts_at, ends_at, capacity, venue FROM event_sessions WHERE event_id = ANY($1::uuid[]) ORDER BY starts_at, position`,
      [eventIds],
    );
    return rows.map((r) => ({ id: r.id, eventId: r.event_id, position: r.position, title: r.title, startsAt: iso(r.starts_at)!, endsAt: iso(r.ends_at)!, capacity: r.capacity, venue: r.venue }));
  }

  /** Places by status for each event, in one query. */
  async counts(eventIds: string[]): Promise<Map<string, EventCounts>> {
    const result = new Map<string, EventCounts>();
    for (const id of eventIds) result.set(id, { eventId: id, confirmed: 0, awaitingApproval: 0, offered: 0, waiting: 0, attended: 0, noShow: 0, cancelled: 0 });
    if (eventIds.length === 0) return result;
    const rows = await this.rows<{ event_id: string; status: BookingStatus; n: number }>(
      `SELECT event_id, status, count(*)::int AS n FROM event_bookings WHERE event_id = ANY($1::uuid[]) GROUP BY event_id, status`,
      [eventIds],
    );
    for (const r of rows) {
      const c = result.get(r.event_id)!;
      if (r.status === 'confirmed') c.confirmed += r.n;
      else if (r.status === 'awaiting_approval' || r.status === 'requested') c.awaitingApproval += r.n;
      else if (r.status === 'offered') c.offered += r.n;
      else if (r.status === 'waiting') c.waiting += r.n;
      else if (r.status === 'attended') c.attended += r.n;
      else if (r.status === 'no_show') c.noShow += r.n;
      else c.cancelled += r.n;
    }
    return result;
  }

  /** The offer an event is for: its kind and title (null when there is no such offer here). */
  offer(offerId: string): Promise<{ id: string; kind: string; title: string; status: string } | null> {
    return this.one(`SELECT id, kind, title, status FROM offers WHERE id = $1`, [offerId]);
  }

  async eventOfOffer(offerId: string): Promise<string | null> {
    return (await this.one<{ id: string }>(`SELECT id FROM events WHERE offer_id = $1`, [offerId]))?.id ?? null;
  }

  async pricesOf(offerId: string): Promise<OfferPrice[]> {
    const rows = await this.rows<{ year: number; position: number; label: string | null; buyer: OfferPrice['buyer']; pence: number; vat: OfferPrice['vat'] }>(
      `SELECT year, position, label, buyer, pence, vat FROM offer_prices WHERE offer_id = $1 ORDER BY year, position`,
      [offerId],
    );
    return rows.map((r) => ({ year: r.year, position: r.position, label: r.label, buyer: r.buyer ?? {}, pence: r.pence, vat: r.vat }));
  }

  /** What a school's price depends on in this partnership: membership (active or under notice), category, phase and type. */
  async buyerFacts(schoolId: string): Promise<(Buyer & { name: string; urn: string }) | null> {
    const row = await this.one<{ name: string; urn: string; phase: string; type: string; pupils: number | null; status: string | null; category: string | null }>(
      `SELECT s.name, s.urn, s.phase, s.type, s.pupils, m.status, m.category
       FROM schools s LEFT JOIN memberships m ON m.school_id = s.id AND m.tenant_id = app_tenant_id()
       WHERE s.id = $1`,
      [schoolId],
    );
    if (!row) return null;
    return { name: row.name, urn: row.urn, member: row.status === 'active' || row.status === 'notice-given', category: row.category, phase: row.phase, schoolType: row.type, pupils: row.pupils };
  }

  async insert(tenantId: string, e: NewEvent): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO events (tenant_id, offer_id, format, venue, online_url, capacity, cap_per_school, booking_opens_at, booking_closes_at, cancellation_terms, offer_minutes, invoicing, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [tenantId, e.offerId, e.format, e.venue, e.onlineUrl, e.capacity, e.capPerSchool, e.bookingOpensAt, e.bookingClosesAt, JSON.stringify(e.cancellationTerms), e.offerMinutes, e.invoicing, e.createdBy],
    );
    return row!.id;
  }

  async update(id: string, e: Omit<NewEvent, 'offerId' | 'createdBy'>, timesChanged: boolean): Promise<void> {
    await this.execute(
      `UPDATE events SET format = $2, venue = $3, online_url = $4, capacity = $5, cap_per_school = $6, booking_opens_at = $7, booking_closes_at = $8,
         cancellation_terms = $9, offer_minutes = $10, invoicing = $11, sequence = sequence + $12, updated_at = now() WHERE id = $1`,
      [id, e.format, e.venue, e.onlineUrl, e.capacity, e.capPerSchool, e.bookingOpensAt, e.bookingClosesAt, JSON.stringify(e.cancellationTerms), e.offerMinutes, e.invoicing, timesChanged ? 1 : 0],
    );
  }

  /** The programme replaced: sessions kept by position (so registers stay attached), extra ones removed when nobody is on their register. */
  async replaceSessions(tenantId: string, eventId: string, sessions: NewSession[]): Promise<void> {
    const existing = await this.rows<{ id: string; position: number }>(`SELECT id, position FROM event_sessions WHERE event_id = $1 ORDER BY position`, [eventId]);
    for (const [position, s] of sessions.entries()) {
      const found = existing.find((x) => x.position === position);
      if (found) {
        await this.execute(`UPDATE event_sessions SET title = $2, starts_at = $3, ends_at = $4, capacity = $5, venue = $6 WHERE id = $1`, [found.id, s.title, s.startsAt, s.endsAt, s.capacity, s.venue]);
      } else {
        await this.execute(`INSERT INTO event_sessions (tenant_id, event_id, position, title, starts_at, ends_at, capacity, venue) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          tenantId, eventId, position, s.title, s.startsAt, s.endsAt, s.capacity, s.venue,
        ]);
      }
    }
    const extra = existing.filter((x) => x.position >= sessions.length).map((x) => x.id);
    if (extra.length) {
      await this.execute(`DELETE FROM event_sessions s WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id)`, [extra]);
    }
  }
}

/** The partnerships the waiting-list sweep visits (platform-level: no tenant rows are read here). */
export class EventSweepRepository extends UnitOfWorkRepository {
  activeTenants(): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(`SELECT id, slug, name FROM tenants WHERE status <> 'suspended' ORDER BY id`);
  }
}
