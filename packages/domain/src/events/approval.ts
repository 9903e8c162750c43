import type { SchoolRole } from '../tenancy/roles';

/** Who may approve a school's bookings. */
export const BOOKING_APPROVER_ROLES: readonly SchoolRole[] = ['headteacher', 'business-manager'];

/** True when the school approves bookings below its limit without anyone being asked. */
export function approvesAutomatically(pricePence: number, autoApproveBelowPence: number | null): boolean {
  return autoApproveBelowPence !== null && pricePence < autoApproveBelowPence;
}

/**
 * Why this person may not approve (or decline) this request, or null when they may: only the
 * headteacher or business manager, and never the person who asked for the place.
 */
export function approvalRefusal(request: { requestedBy: string | null }, approver: { userId: string; roles: readonly SchoolRole[] }): string | null {
  if (!approver.roles.some((role) => BOOKING_APPROVER_ROLES.includes(role))) return 'Only the headteacher or business manager can approve bookings for the school.';
  if (request.requestedBy !== null && request.requestedBy === approver.userId) return 'You asked for this place, so someone else at the school must approve it.';
  return null;
}

/** Why this purchase-order number will not do, or null. A paid place needs one; a free place does not. */
export function bookingPoNumberProblem(poNumber: string | null | undefined, pricePence: number): string | null {
  const po = poNumber?.trim() ?? '';
  if (po.length > 60) return 'A purchase-order number has at most 60 characters.';
  if (po === '' && pricePence > 0) return 'Give the purchase-order number the invoice should quote.';
  return null;
}
