import { formatUkDate, type IsoDateString } from '../calendar/iso-date';

/** Membership states whose schools are billed: members, including those working out their notice. */
export const BILLABLE_MEMBERSHIP_STATES = ['active', 'notice-given'] as const;

export interface BillingPeriod {
  start: IsoDateString;
  end: IsoDateString;
  label: string;
}

export interface MemberForBilling {
  status: string;
  /** The day the school joined, if recorded. */
  joinedOn?: IsoDateString | null;
  /** The day the school leaves, once notice is given. */
  leavingOn?: IsoDateString | null;
  /** Whether the school's membership category pays fees at all. */
  feesApply?: boolean;
}

/** Bill (the part of the period to quote for, if not all of it) or skip, and why, in words for the dry run. */
export type BillingDecision =
  | { bill: true; from?: IsoDateString; to?: IsoDateString; reason: string }
  | { bill: false; reason: string };

/**
 * Which part of a billing period a member is billed for. A school that joined part-way through
 * is charged from the day it joined (the fee engine's pro rata turns the dates into money); one
 * that leaves part-way is charged up to its leaving day. A recorded joining date after the period
 * is a membership moved onto the platform later (the record's date, not the school's): such a
 * school was a member all along and is billed for the whole period, and the dry run says so.
 */
export function billingWindow(period: BillingPeriod, member: MemberForBilling): BillingDecision {
  if (!(BILLABLE_MEMBERSHIP_STATES as readonly string[]).includes(member.status)) {
    return { bill: false, reason: `Not billed: the membership is ${member.status.replace(/-/g, ' ')}` };
  }
  if (member.feesApply === false) return { bill: false, reason: 'Not billed: fees do not apply to this membership category' };
  const leaving = member.leavingOn ?? null;
  if (leaving && leaving < period.start) return { bill: false, reason: `Not billed: leaves on ${formatUkDate(leaving)}, before ${period.label} begins` };
  const joined = member.joinedOn ?? null;
  const from = joined && joined > period.start && joined <= period.end ? joined : undefined;
  const to = leaving && leaving < period.end ? leaving : undefined;
  const reasons: string[] = [];
  if (from) reasons.push(`joined on ${formatUkDate(from)}, part-way through ${period.label}: charged from that day`);
  else if (joined && joined > period.end) reasons.push(`membership recorded from ${formatUkDate(joined)}, after ${period.label}: billed for the whole period`);
  if (to) reasons.push(`leaves on ${formatUkDate(to)}: charged up to that day`);
  const reason = reasons.length ? `Billed: ${reasons.join('; ')}` : `Billed for the whole of ${period.label}`;
  return { bill: true, ...(from ? { from } : {}), ...(to ? { to } : {}), reason };
}

/** "2018-19", "2018–19", "2018/19" and " 2018 — 19 " all name the same billing year. */
export function samePeriodLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s*[-‐‑‒–—―/]\s*/g, '-');
  return norm(a) === norm(b);
}
