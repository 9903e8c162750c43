import { BOOKING_STATUS_LABELS } from '@partnerships/domain';
import type { BookingRow, EventCounts, EventRow, SessionRow } from '@partnerships/jobs';
import type { BookingDto, EventSessionDto, EventSummaryDto } from './events.dto';

// What the partnership's and the school's side both show of an event, a session and a booking.

export function sessionDto(s: SessionRow): EventSessionDto {
  return { id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, venue: s.venue };
}

export function eventSummary(e: EventRow, sessions: SessionRow[], c: EventCounts, capacity: number): EventSummaryDto {
  const held = c.confirmed + c.awaitingApproval + c.offered + c.attended + c.noShow;
  return {
    id: e.id,
    offerId: e.offerId,
    title: e.title,
    summary: e.summary,
    public: e.public,
    offerStatus: e.offerStatus,
    format: e.format,
    venue: e.venue,
    startsAt: sessions.length ? sessions.map((s) => s.startsAt).sort()[0]! : null,
    capacity,
    confirmed: c.confirmed + c.attended + c.noShow,
    awaitingApproval: c.awaitingApproval,
    offered: c.offered,
    waiting: c.waiting,
    available: Math.max(0, capacity - held),
  };
}

export function bookingDto(b: BookingRow, event: { title: string; startsAt: string | null }): BookingDto {
  return {
    id: b.id,
    eventId: b.eventId,
    eventTitle: event.title,
    startsAt: event.startsAt,
    schoolUrn: b.schoolUrn,
    schoolName: b.schoolName,
    delegateName: b.delegateName,
    delegateEmail: b.delegateEmail,
    requestedByName: b.requestedByName,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    member: b.member,
    pricePence: b.pricePence,
    poNumber: b.poNumber,
    autoApproved: b.autoApproved,
    waitingPosition: b.status === 'waiting' ? b.waitingPosition : null,
    offerExpiresAt: b.status === 'offered' ? b.offerExpiresAt : null,
    invoiceId: b.invoiceId,
    chargePence: b.chargePence,
    creditNoteId: b.creditNoteId,
    declineReason: b.declineReason,
    createdAt: b.createdAt,
  };
}
