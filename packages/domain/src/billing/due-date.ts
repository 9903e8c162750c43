import { addDays, laterOf, type IsoDateString } from '../calendar/iso-date';

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;
export const MAX_PAYMENT_TERMS_DAYS = 365;

/**
 * When an invoice falls due: its payment terms from the day it is issued, but never before the
 * day the fee schedule itself asks for the money (a later instalment, or the start of the period
 * for a fee payable in advance), so an invoice issued early for the second half of a school's
 * financial year is not due before that half begins.
 */
export function invoiceDueDate(issuedOn: IsoDateString, termsDays: number, scheduleDueOn?: IsoDateString): IsoDateString {
  if (!Number.isInteger(termsDays) || termsDays < 0 || termsDays > MAX_PAYMENT_TERMS_DAYS) {
    throw new RangeError(`Payment terms must be 0 to ${MAX_PAYMENT_TERMS_DAYS} days, got ${termsDays}`);
  }
  const byTerms = addDays(issuedOn, termsDays);
  return scheduleDueOn ? laterOf(byTerms, scheduleDueOn) : byTerms;
}

/** "Within its terms": an open invoice not yet past its due date. Membership stays active meanwhile. */
export function isWithinTerms(invoice: { status: string; dueOn: IsoDateString }, today: IsoDateString): boolean {
  return invoice.status === 'open' && today <= invoice.dueOn;
}

export function isOverdue(invoice: { status: string; dueOn: IsoDateString }, today: IsoDateString): boolean {
  return invoice.status === 'open' && today > invoice.dueOn;
}
