import { formatUkDate, type IsoDateString } from '../calendar/iso-date';

export type PoolDecision = { ok: true; left: number } | { ok: false; reason: string; left: number };

/**
 * Whether `places` more can be booked from a pool on a day that already has `booked` places
 * taken. The caller holds the pool's row lock while it counts and inserts, so two bookings can
 * never both see the last place.
 */
export function poolBookingDecision(capacity: number, booked: number, places: number, onDate: IsoDateString): PoolDecision {
  const left = Math.max(0, capacity - booked);
  if (!Number.isInteger(places) || places < 1) return { ok: false, reason: 'Book at least one place.', left };
  if (places > left) {
    return { ok: false, reason: left === 0 ? `The pool is fully booked on ${formatUkDate(onDate)}.` : `Only ${left} of ${capacity} places are left on ${formatUkDate(onDate)}.`, left };
  }
  return { ok: true, left: left - places };
}
