import type { BookingStatus } from './types';
import { holdsPlace } from './types';

export interface ListedBooking {
  id: string;
  schoolId: string;
  status: BookingStatus;
  /** Place on the waiting list (lower goes first); null when never waiting. */
  waitingPosition: number | null;
  /** ISO instant, for an offer. */
  offerExpiresAt: string | null;
}

export interface WaitingListEvent {
  capacity: number;
  capPerSchool: number | null;
  /** When the first session starts: no offer is made from then on. */
  startsAt: string;
  /** How long an offer stays open. */
  offerMinutes: number;
}

export interface WaitingListOffer {
  bookingId: string;
  expiresAt: string;
}

/** Offers whose time is up at `now`: each lapses and its place passes on. */
export function lapsedOffers(bookings: readonly ListedBooking[], now: string): string[] {
  const at = Date.parse(now);
  return bookings.filter((b) => b.status === 'offered' && b.offerExpiresAt !== null && Date.parse(b.offerExpiresAt) <= at).map((b) => b.id);
}

/**
 * Which people on the waiting list to offer a place now: one offer per free place, in waiting
 * order, skipping a person whose school is already at its cap; nothing once the event has
 * started. Lapsed offers must be settled first (see `lapsedOffers`). An offer never runs past
 * the start of the event.
 */
export function waitingListOffers(event: WaitingListEvent, bookings: readonly ListedBooking[], now: string): WaitingListOffer[] {
  const at = Date.parse(now);
  const start = Date.parse(event.startsAt);
  if (!(at < start)) return [];
  let held = 0;
  const bySchool = new Map<string, number>();
  for (const b of bookings) {
    if (!holdsPlace(b.status)) continue;
    held += 1;
    bySchool.set(b.schoolId, (bySchool.get(b.schoolId) ?? 0) + 1);
  }
  let free = event.capacity - held;
  if (free <= 0) return [];
  const expiresAt = new Date(Math.min(at + event.offerMinutes * 60_000, start)).toISOString();
  const queue = bookings
    .filter((b) => b.status === 'waiting')
    .sort((a, b) => (a.waitingPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitingPosition ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
  const offers: WaitingListOffer[] = [];
  for (const b of queue) {
    if (free === 0) break;
    const schoolHeld = bySchool.get(b.schoolId) ?? 0;
    if (event.capPerSchool !== null && schoolHeld >= event.capPerSchool) continue;
    offers.push({ bookingId: b.id, expiresAt });
    bySchool.set(b.schoolId, schoolHeld + 1);
    free -= 1;
  }
  return offers;
}
