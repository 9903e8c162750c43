import type { BookingStatus } from './types';
import { holdsPlace } from './types';

/** The places an event really has: its own capacity, and never more than its smallest session. */
export function effectiveCapacity(event: { capacity: number; sessions: readonly { capacity: number | null }[] }): number {
  let places = event.capacity;
  for (const session of event.sessions) if (session.capacity !== null && session.capacity < places) places = session.capacity;
  return Math.max(0, places);
}

export interface PlaceCount {
  /** Places held across the event (see HOLDS_PLACE). */
  held: number;
  /** Places held by the requesting school. */
  heldBySchool: number;
  /** People on the waiting list. */
  waiting: number;
}

export type PlaceDecision = { outcome: 'place' } | { outcome: 'waiting' } | { outcome: 'refused'; reason: string };

/**
 * What a new request gets: a place while there is one and nobody is already waiting for it
 * (the waiting list is never jumped), else a place on the waiting list; a school at its cap
 * is refused.
 */
export function placeDecision(event: { capacity: number; capPerSchool: number | null }, count: PlaceCount): PlaceDecision {
  if (event.capPerSchool !== null && count.heldBySchool >= event.capPerSchool) {
    return { outcome: 'refused', reason: `Each school may have at most ${event.capPerSchool} ${event.capPerSchool === 1 ? 'place' : 'places'} on this event, and yours has ${count.heldBySchool}.` };
  }
  if (count.held < event.capacity && count.waiting === 0) return { outcome: 'place' };
  return { outcome: 'waiting' };
}

/** Counts places held by status, overall and for one school. */
export function countPlaces(bookings: readonly { status: BookingStatus; schoolId: string }[], schoolId: string): PlaceCount {
  let held = 0;
  let heldBySchool = 0;
  let waiting = 0;
  for (const booking of bookings) {
    if (holdsPlace(booking.status)) {
      held += 1;
      if (booking.schoolId === schoolId) heldBySchool += 1;
    } else if (booking.status === 'waiting') waiting += 1;
  }
  return { held, heldBySchool, waiting };
}

/** Instants as ISO strings (UTC). */
export interface BookingWindow {
  opensAt: string | null;
  closesAt: string | null;
  /** When the first session starts: booking always closes then. */
  startsAt: string | null;
}

/** Why booking is not open at `now`, or null when it is. */
export function bookingWindowProblem(window: BookingWindow, now: string): string | null {
  const at = Date.parse(now);
  if (window.opensAt && at < Date.parse(window.opensAt)) return `Booking opens on ${ukDateOf(window.opensAt)}.`;
  if (window.closesAt && at >= Date.parse(window.closesAt)) return `Booking closed on ${ukDateOf(window.closesAt)}.`;
  if (window.startsAt && at >= Date.parse(window.startsAt)) return 'This event has started, so it can no longer be booked.';
  return null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 December 2026" for an instant, as the date in England. */
export function ukDateOf(instant: string): string {
  const local = londonLocalOf(instant);
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** Built once: a formatter per call was most of the cost of a list that dates each row (issue 14). */
const londonWallClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** "09:30": the time of an instant on a clock in England (formatter built once; mails name it per booking). */
export function londonTimeOf(instant: string | Date): string {
  return londonClock.format(new Date(instant));
}

/** 'YYYY-MM-DDTHH:MM' in Europe/London for an instant. */
export function londonLocalOf(instant: string): string {
  const parts = londonWallClock.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
