/** Where a booking is in its life (issue 11, CPD events). */
export const BOOKING_STATUSES = ['requested', 'awaiting_approval', 'confirmed', 'waiting', 'offered', 'cancelled', 'declined', 'expired', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  requested: 'Requested',
  awaiting_approval: 'Waiting for the school’s approval',
  confirmed: 'Confirmed',
  waiting: 'On the waiting list',
  offered: 'Offered a place',
  cancelled: 'Cancelled',
  declined: 'Declined by the school',
  expired: 'Offer lapsed',
  attended: 'Attended',
  no_show: 'Did not attend',
};

/**
 * Statuses that hold one of the event's places. A request waiting for the school's approval
 * holds its place (so approving it can never fail for want of room), and so does an offer
 * from the waiting list until it is taken up or lapses.
 */
export const HOLDS_PLACE: readonly BookingStatus[] = ['requested', 'awaiting_approval', 'confirmed', 'offered', 'attended', 'no_show'];

export function holdsPlace(status: BookingStatus): boolean {
  return HOLDS_PLACE.includes(status);
}

/** How the partnership invoices bookings: one invoice per booking, or one per school per term. */
export const EVENT_INVOICING_MODES = ['per_booking', 'per_school_term'] as const;
export type EventInvoicingMode = (typeof EVENT_INVOICING_MODES)[number];

/** One step of the cancellation terms: cancelling with fewer than `withinDays` days' notice costs `chargePercent` of the price. */
export interface CancellationTier {
  withinDays: number;
  chargePercent: number;
}

export interface CancellationTerms {
  tiers: CancellationTier[];
  /** People booked who do not come are charged this share of the price (default 100). */
  noShowChargePercent?: number;
}

/** 50% within six weeks, 100% within four: the terms a new event starts with. */
export const DEFAULT_CANCELLATION_TERMS: CancellationTerms = {
  tiers: [
    { withinDays: 42, chargePercent: 50 },
    { withinDays: 28, chargePercent: 100 },
  ],
  noShowChargePercent: 100,
};
