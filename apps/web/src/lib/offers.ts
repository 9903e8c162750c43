/** Words for the offers and events pages (issue 11): kinds, units, statuses, and small helpers. */
import { formatPence } from './fees/money.ts';

const KIND_LABELS: Record<string, string> = {
  core_entitlement: 'Core entitlement',
  traded_service: 'Traded service',
  bespoke: 'Bespoke package',
  pool: 'Shared pool',
  digital: 'Digital product',
  event: 'Course or event',
};
export const OFFER_KIND_CODES = ['core_entitlement', 'traded_service', 'bespoke', 'pool', 'digital'] as const;
export const kindLabel = (code: string) => KIND_LABELS[code] ?? code;

const UNIT_LABELS: Record<string, string> = {
  per_school: 'per school',
  per_day: 'per day',
  per_delegate: 'per delegate',
  per_pupil: 'per pupil',
  per_session: 'per session',
  per_item: 'each',
};
export const OFFER_UNIT_CODES = ['per_school', 'per_day', 'per_delegate', 'per_pupil', 'per_session', 'per_item'] as const;
export const unitLabel = (code: string) => UNIT_LABELS[code] ?? code;

const OFFER_STATUS_LABELS: Record<string, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };
export const offerStatusLabel = (code: string) => OFFER_STATUS_LABELS[code] ?? code;

const ORDER_STATUS_LABELS: Record<string, string> = {
  draft: 'Basket (not sent)',
  awaiting_approval: 'Waiting for approval',
  approved: 'Approved',
  invoiced: 'Invoiced',
  cancelled: 'Cancelled',
};
export const orderStatusLabel = (code: string) => ORDER_STATUS_LABELS[code] ?? code;

const ORDER_KIND_LABELS: Record<string, string> = { shop: 'Shop order', buyback: 'Buy-back for next year', rollover: 'Rolled over' };
export const orderKindLabel = (code: string) => ORDER_KIND_LABELS[code] ?? code;

const BESPOKE_STATUS_LABELS: Record<string, string> = {
  requested: 'Waiting for a quote',
  quoted: 'Quoted',
  accepted: 'Accepted',
  invoiced: 'Invoiced',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};
export const bespokeStatusLabel = (code: string) => BESPOKE_STATUS_LABELS[code] ?? code;

const WINDOW_PHASE_LABELS: Record<string, string> = { 'not-open': 'Not open yet', open: 'Open', closed: 'Closed' };
export const windowPhaseLabel = (code: string) => WINDOW_PHASE_LABELS[code] ?? code;

const FORMAT_LABELS: Record<string, string> = { in_person: 'In person', online: 'Online', hybrid: 'In person and online' };
export const formatLabel = (code: string) => FORMAT_LABELS[code] ?? code;

/** A price, or "Free", or "Not offered". */
export function priceText(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return 'Not offered';
  return pence === 0 ? 'Free' : formatPence(pence);
}

const dayTime = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

/** "Wednesday 20 January 2027, 9:30am to 3:30pm" */
export function sessionWhen(startsAt: string, endsAt?: string | null): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  const parts = dayTime.formatToParts(start);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const lower = (t: string) => t.replace(/\s/g, '').toLowerCase();
  const head = `${pick('weekday')} ${pick('day')} ${pick('month')} ${pick('year')}, ${lower(timeOnly.format(start))}`;
  if (!endsAt) return head;
  const end = new Date(endsAt);
  return Number.isNaN(end.getTime()) ? head : `${head} to ${lower(timeOnly.format(end))}`;
}

/** The academic year a start year names: 2026 -> "2026 to 2027". */
export const yearLabel = (year: number) => `${year} to ${year + 1}`;

/** The partnership a school page is about: ?tenant=, else the school's first partnership. */
export function chosenTenant(memberships: { tenantSlug: string; status: string }[], asked: string | null): string | null {
  if (asked && /^[a-z0-9-]{1,60}$/.test(asked)) return asked;
  const active = memberships.find((m) => m.status === 'active') ?? memberships[0];
  return active?.tenantSlug ?? null;
}

/**
 * The evaluation's standard questions (the API's DEFAULT_EVALUATION_QUESTIONS): the school's
 * side of the API does not yet say which questions an event asks, so its form asks these.
 */
export const EVALUATION_QUESTIONS = [
  { id: 'overall', text: 'Overall, how useful was this event?', kind: 'rating' },
  { id: 'practice', text: 'How likely are you to use what you learnt in your practice?', kind: 'rating' },
  { id: 'comments', text: 'Anything else you would like to tell us?', kind: 'text' },
] as const;
