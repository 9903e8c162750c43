import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { BookingStatus, ListedBooking } from '@partnerships/domain';

export interface BookingRow {
  id: string;
  eventId: string;
  schoolId: string;
  schoolName: string;
  schoolUrn: string;
  delegateUserId: string | null;
  delegateName: string;
  delegateEmail: string;
  requestedBy: string | null;
  requestedByName: string | null;
  requestedByEmail: string | null;
  status: BookingStatus;
  member: boolean;
  pricePence: number;
  priceLabel: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  autoApproved: boolean;
  poNumber: string | null;
  declineReason: string | null;
  waitingPosition: number | null;
  offerExpiresAt: string | null;
  invoiceId: string | null;
  invoicedPence: number | null;
  chargePence: number;
  creditNoteId: string | null;
  cancelledAt: string | null;
  createdAt: string;
}

export interface NewBooking {
  eventId: string;
  schoolId: string;
  delegateUserId: string | null;
  delegateName: string;
  delegateEmail: string;
  requestedBy: string;
  status: BookingStatus;
  member: boolean;
  pricePence: number;
  priceLabel: string | null;
  autoApproved: boolean;
  /** For a waiting booking: its place in the queue (null: after everyone already waiting). */
  waitingPosition: number | null;
}

interface RawBooking {
  id: string;
  event_id: string;
  school_id: string;
  school_name: string;
  school_urn: string;
  delegate_user_id: string | null;
  delegate_name: string;
  delegate_email: string;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_by_email: string | null;
  status: BookingStatus;
  member: boolean;
  price_pence: number;
  price_label: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  auto_approved: boolean;
  po_number: string | null;
  decline_reason: string | null;
  waiting_position: number | null;
  offer_expires_at: Date | null;
  invoice_id: string | null;
  invoiced_pence: number | null;
  charge_pence: number;
  credit_note_id: string | null;
  cancelled_at: Date | null;
  created_at: Date;
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const COLUMNS = `b.id, b.event_id, b.school_id, s.name AS school_name, s.urn AS school_urn, b.delegate_user_id, b.delegate_name, b.delegate_email, b.requested_by,
  u.name AS requested_by_name, u.email AS requested_by_email, b.status, b.member, b.price_pence, b.price_label, b.approved_by, b.approved_at, b.auto_approved, b.po_number, b.decline_reason,
  b.waiting_position, b.offer_expires_at, b.invoice_id, b.invoiced_pence, b.charge_pence, b.credit_note_id, b.cancelled_at, b.created_at`;
const FROM = `FROM event_bookings b JOIN schools s ON s.id = b.school_id LEFT JOIN users u ON u.id = b.requested_by`;

function toBooking(r: RawBooking): BookingRow {
  return {
    id: r.id,
    eventId: r.event_id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    schoolUrn: r.school_urn,
    delegateUserId: r.delegate_user_id,
    delegateName: r.delegate_name,
    delegateEmail: r.delegate_email,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedByEmail: r.requested_by_email,
    status: r.status,
    member: r.member,
    pricePence: r.price_pence,
    priceLabel: r.price_label,
    approvedBy: r.approved_by,
    approvedAt: iso(r.approved_at),
    autoApproved: r.auto_approved,
    poNumber: r.po_number,
    declineReason: r.decline_reason,
    waitingPosition: r.waiting_position,
    offerExpiresAt: iso(r.offer_expires_at),
    invoiceId: r.invoice_id,
    invoicedPence: r.invoiced_pence,
    chargePence: r.charge_pence,
    creditNoteId: r.credit_note_id,
    cancelledAt: iso(r.cancelled_at),
    createdAt: iso(r.created_at)!,
  };
}

/** Event bookings (`event_bookings`) and schools' automatic-approval limits (`school_booking_settings`). */
export class BookingRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager) {
    super(em);
  }

  /** What the waiting-list and capacity rules need about every booking of an event (call with the event locked). */
  async listedFor(eventId: string): Promise<ListedBooking[]> {
    const rows = await this.rows<{ id: string; school_id: string; status: BookingStatus; waiting_position: number | null; offer_expires_at: Date | null }>(
      `SELECT id, school_id, status, waiting_position, offer_expires_at FROM event_bookings WHERE event_id = $1`,
      [eventId],
    );
    return rows.map((r) => ({ id: r.id, schoolId: r.school_id, status: r.status, waitingPosition: r.waiting_position, offerExpiresAt: iso(r.offer_expires_at) }));
  }

  /**
   * The event's places in one aggregate (call with the event locked): held overall and by one
   * school, people waiting, and offers whose time is up at `now`. Cheaper than listing every booking,
   * so a request under the lock stays short.
   */
  async placeSummary(eventId: string, schoolId: string | null, now: string): Promise<{ held: number; heldBySchool: number; waiting: number; lapsed: number }> {
    const row = await this.one<{ held: number; held_by_school: number; waiting: number; lapsed: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('requested', 'awaiting_approval', 'confirmed', 'offered', 'attended', 'no_show'))::int AS held,
              count(*) FILTER (WHERE status IN ('requested', 'awaiting_approval', 'confirmed', 'offered', 'attended', 'no_show') AND school_id = $2)::int AS held_by_school,
              count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
              count(*) FILTER (WHERE status = 'offered' AND offer_expires_at <= $3)::int AS lapsed
       FROM event_bookings WHERE event_id = $1 AND status IN ('requested', 'awaiting_approval', 'confirmed', 'offered', 'attended', 'no_show', 'waiting')`,
      [eventId, schoolId, now],
    );
    return { held: row?.held ?? 0, heldBySchool: row?.held_by_school ?? 0, waiting: row?.waiting ?? 0, lapsed: row?.lapsed ?? 0 };
  }

  async find(id: string): Promise<BookingRow | null> {
    const row = await this.one<RawBooking>(`SELECT ${COLUMNS} ${FROM} WHERE b.id = $1`, [id]);
    return row ? toBooking(row) : null;
  }

  async lockForUpdate(id: string): Promise<BookingRow | null> {
    const row = await this.one<RawBooking>(`SELECT ${COLUMNS} ${FROM} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
    return row ? toBooking(row) : null;
  }

  async findMany(ids: string[]): Promise<BookingRow[]> {
    if (!ids.length) return [];
    return (await this.rows<RawBooking>(`SELECT ${COLUMNS} ${FROM} WHERE b.id = ANY($1::uuid[]) ORDER BY b.created_at`, [ids])).map(toBooking);
  }

  async ofEvent(eventId: string): Promise<BookingRow[]> {
    return (await this.rows<RawBooking>(`SELECT ${COLUMNS} ${FROM} WHERE b.event_id = $1 ORDER BY b.waiting_position NULLS FIRST, b.created_at, b.id`, [eventId])).map(toBooking);
  }

  async ofSchool(schoolId: string, statuses?: BookingStatus[]): Promise<BookingRow[]> {
    const rows = await this.rows<RawBooking>(
      `SELECT ${COLUMNS} ${FROM} WHERE b.school_id = $1 ${statuses ? 'AND b.status = ANY($2::text[])' : ''} ORDER BY b.created_at DESC, b.id`,
      statuses ? [schoolId, statuses] : [schoolId],
    );
    return rows.map(toBooking);
  }

  async nextWaitingPosition(eventId: string): Promise<number> {
    const row = await this.one<{ n: number }>(`SELECT coalesce(max(waiting_position), 0)::int + 1 AS n FROM event_bookings WHERE event_id = $1`, [eventId]);
    return row?.n ?? 1;
  }

  async insert(tenantId: string, b: NewBooking): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO event_bookings (tenant_id, event_id, school_id, delegate_user_id, delegate_name, delegate_email, requested_by, status, member, price_pence, price_label,
         auto_approved, approved_at, waiting_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $12 THEN now() END,
         CASE WHEN $8 = 'waiting' THEN coalesce($13, (SELECT coalesce(max(waiting_position), 0) + 1 FROM event_bookings WHERE event_id = $2)) END) RETURNING id`,
      [tenantId, b.eventId, b.schoolId, b.delegateUserId, b.delegateName, b.delegateEmail, b.requestedBy, b.status, b.member, b.pricePence, b.priceLabel, b.autoApproved, b.waitingPosition],
    );
    return row!.id;
  }

  async approve(id: string, by: string, poNumber: string | null): Promise<void> {
    await this.execute(`UPDATE event_bookings SET status = 'confirmed', approved_by = $2, approved_at = now(), po_number = $3, updated_at = now() WHERE id = $1`, [id, by, poNumber]);
  }

  /** After a waiting-list offer is taken up: a place that still needs the school's approval, or confirmed at once. */
  async takeUpOffer(id: string, status: 'awaiting_approval' | 'confirmed', autoApproved: boolean): Promise<void> {
    await this.execute(
      `UPDATE event_bookings SET status = $2, auto_approved = $3, approved_at = CASE WHEN $3 THEN now() ELSE approved_at END, offer_expires_at = NULL, updated_at = now() WHERE id = $1`,
      [id, status, autoApproved],
    );
  }

  async decline(id: string, by: string, reason: string | null): Promise<void> {
    await this.execute(`UPDATE event_bookings SET status = 'declined', approved_by = $2, decline_reason = $3, updated_at = now() WHERE id = $1`, [id, by, reason]);
  }

  async cancel(id: string, by: string, reason: string | null, chargePence: number, creditNoteId: string | null): Promise<void> {
    await this.execute(
      `UPDATE event_bookings SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, charge_pence = $4, credit_note_id = $5, offer_expires_at = NULL, updated_at = now() WHERE id = $1`,
      [id, by, reason, chargePence, creditNoteId],
    );
  }

  async markOffered(offers: { bookingId: string; expiresAt: string }[]): Promise<void> {
    for (const o of offers) {
      await this.execute(`UPDATE event_bookings SET status = 'offered', offered_at = now(), offer_expires_at = $2, updated_at = now() WHERE id = $1 AND status = 'waiting'`, [o.bookingId, o.expiresAt]);
    }
  }

  async markExpired(ids: string[]): Promise<void> {
    if (ids.length) await this.execute(`UPDATE event_bookings SET status = 'expired', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'offered'`, [ids]);
  }

  async substitute(id: string, to: { userId: string | null; name: string; email: string }, record: { fromName: string; fromEmail: string; at: string; by: string }): Promise<void> {
    await this.execute(
      `UPDATE event_bookings SET delegate_user_id = $2, delegate_name = $3, delegate_email = $4, substitutions = substitutions || $5::jsonb, updated_at = now() WHERE id = $1`,
      [id, to.userId, to.name, to.email, JSON.stringify([record])],
    );
  }

  async setInvoice(ids: string[], invoiceId: string, invoicedPence: Map<string, number>): Promise<void> {
    for (const id of ids) await this.execute(`UPDATE event_bookings SET invoice_id = $2, invoiced_pence = $3, updated_at = now() WHERE id = $1`, [id, invoiceId, invoicedPence.get(id) ?? 0]);
  }

  /** After the register: attended if at least one session was, else a no-show with its charge. */
  async settleAttendance(id: string, attended: boolean, noShowChargePence: number): Promise<void> {
    await this.execute(`UPDATE event_bookings SET status = $2, charge_pence = $3, updated_at = now() WHERE id = $1 AND status IN ('confirmed', 'attended', 'no_show')`, [
      id,
      attended ? 'attended' : 'no_show',
      attended ? 0 : noShowChargePence,
    ]);
  }

  /** Bookings owed for but not yet invoiced (consolidated invoicing): confirmed or attended at their price, cancelled or no-show at their charge. */
  async uninvoiced(): Promise<(BookingRow & { eventTitle: string; startsAt: string })[]> {
    const rows = await this.rows<RawBooking & { event_title: string; starts_at: Date }>(
      `SELECT ${COLUMNS}, o.title AS event_title, st.starts_at ${FROM}
       JOIN events e ON e.id = b.event_id JOIN offers o ON o.id = e.offer_id
       JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM event_sessions WHERE event_id = e.id) st ON true
       WHERE b.invoice_id IS NULL AND e.invoicing = 'per_school_term' AND st.starts_at IS NOT NULL
         AND (b.status IN ('confirmed', 'attended') OR (b.status IN ('cancelled', 'no_show') AND b.charge_pence > 0))
       ORDER BY b.school_id, st.starts_at, b.created_at`,
    );
    return rows.map((r) => ({ ...toBooking(r), eventTitle: r.event_title, startsAt: iso(r.starts_at)! }));
  }

  /** Events with waiting-list offers whose time is up (for the sweep). */
  async eventsWithLapsedOffers(now: string): Promise<string[]> {
    const rows = await this.rows<{ event_id: string }>(`SELECT DISTINCT event_id FROM event_bookings WHERE status = 'offered' AND offer_expires_at <= $1`, [now]);
    return rows.map((r) => r.event_id);
  }

  /** Confirmed places on events whose first session starts before `until` (and after `now`), not yet reminded. */
  async remindersDue(now: string, until: string): Promise<(BookingRow & { eventTitle: string; startsAt: string; venue: string | null })[]> {
    const rows = await this.rows<RawBooking & { event_title: string; starts_at: Date; venue: string | null }>(
      `SELECT ${COLUMNS}, o.title AS event_title, st.starts_at, e.venue ${FROM}
       JOIN events e ON e.id = b.event_id JOIN offers o ON o.id = e.offer_id
       JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM event_sessions WHERE event_id = e.id) st ON true
       WHERE b.status = 'confirmed' AND b.reminded_at IS NULL AND st.starts_at > $1 AND st.starts_at <= $2
       ORDER BY st.starts_at, b.id`,
      [now, until],
    );
    return rows.map((r) => ({ ...toBooking(r), eventTitle: r.event_title, startsAt: iso(r.starts_at)!, venue: r.venue }));
  }

  /** Marks the reminder sent: false when another sweep got there first. */
  async markReminded(id: string): Promise<boolean> {
    return (await this.execute(`UPDATE event_bookings SET reminded_at = now() WHERE id = $1 AND reminded_at IS NULL`, [id])) > 0;
  }

  // ------------------------------------------------------------ the school's automatic-approval limit

  async autoApproveLimit(schoolId: string): Promise<number | null> {
    return (await this.one<{ limit: number | null }>(`SELECT auto_approve_below_pence AS limit FROM school_booking_settings WHERE school_id = $1`, [schoolId]))?.limit ?? null;
  }

  async setAutoApproveLimit(tenantId: string, schoolId: string, limit: number | null, by: string): Promise<void> {
    await this.execute(
      `INSERT INTO school_booking_settings (tenant_id, school_id, auto_approve_below_pence, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, school_id) DO UPDATE SET auto_approve_below_pence = EXCLUDED.auto_approve_below_pence, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [tenantId, schoolId, limit, by],
    );
  }
}
