/**
 * Words and small rules for member schools: membership states and steps, the member list's
 * filters, census names and the chart of membership over time. Plain functions, so they are
 * unit-tested without a browser.
 */

import { PHASES } from './labels.ts';
import { PUPIL_COUNT_MAX } from './pupil-count.ts';
import { type MembershipStatus, type RegisterStatus, valuesOf } from './vocabulary.ts';

export { PHASES };
export type { MembershipStatus };

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  prospect: 'Prospect',
  invited: 'Invited',
  applied: 'Applied',
  approved: 'Approved',
  active: 'Active',
  'notice-given': 'Notice given',
  left: 'Left',
  suspended: 'Suspended',
  rejected: 'Application turned down',
  withdrawn: 'Application withdrawn',
};

/** As the API (packages/domain) knows them, in the order of a membership's life. */
export const MEMBERSHIP_STATES = valuesOf(MEMBERSHIP_STATUS_LABELS);

export const membershipStatusLabel = (code: string) => MEMBERSHIP_STATUS_LABELS[code as MembershipStatus] ?? code;

/** How a status tag looks; the words carry the meaning, the colour only adds to it. */
export function membershipTone(status: string): 'good' | 'warn' | 'grey' | '' {
  if (status === 'active' || status === 'approved') return 'good';
  if (status === 'invited' || status === 'applied' || status === 'notice-given') return 'warn';
  if (status === 'left' || status === 'suspended' || status === 'rejected' || status === 'withdrawn') return 'grey';
  return '';
}

export const REGISTER_STATUS_LABELS: Record<RegisterStatus, string> = {
  open: 'Open',
  'proposed-to-close': 'Open, but proposed to close',
  'proposed-to-open': 'Proposed to open',
  closed: 'Closed',
};
export const REGISTER_STATUSES = valuesOf(REGISTER_STATUS_LABELS);
export const registerStatusLabel = (code: string) => REGISTER_STATUS_LABELS[code as RegisterStatus] ?? code;

/** What an admin can do to a membership (POST .../memberships/{id}/{action}); give-notice has its own form. */
export const ADMIN_ACTIONS = ['invite', 'approve', 'reject', 'withdraw-application', 'activate', 'withdraw-notice', 'suspend', 'reinstate', 'leave', 'rejoin'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];
export const isAdminAction = (value: string): value is AdminAction => (ADMIN_ACTIONS as readonly string[]).includes(value);

/** Button words for each step, and what the step does, for the member page. */
export const ACTION_INFO: Record<AdminAction | 'give-notice', { label: string; hint: string }> = {
  invite: { label: 'Invite', hint: 'E-mail the school’s headteacher or business manager an invitation to apply.' },
  approve: { label: 'Approve', hint: 'Accept the school’s application. Make the membership active when it starts.' },
  reject: { label: 'Turn down', hint: 'Turn the application down. Give a reason: the school will see it.' },
  'withdraw-application': { label: 'Withdraw the application', hint: 'For a school that has told you it no longer wants to join.' },
  activate: { label: 'Make active', hint: 'Membership starts: the school becomes a member.' },
  'give-notice': { label: 'Give notice for the school', hint: 'When the school has told you it is leaving. You see the leaving date before you confirm.' },
  'withdraw-notice': { label: 'Withdraw notice', hint: 'The school has changed its mind and stays a member.' },
  suspend: { label: 'Suspend', hint: 'Pause the membership. Give a reason for the record.' },
  reinstate: { label: 'Reinstate', hint: 'End the suspension.' },
  leave: { label: 'Record leaving', hint: 'The school’s leaving date has come: it is no longer a member.' },
  rejoin: { label: 'Rejoin', hint: 'Invite a school that left to join again.' },
};

/** What the notice says once a step has been taken, in plain English (the school's name and new status follow). */
const ACTION_DONE: Record<AdminAction, (school: string) => string> = {
  invite: (school) => `${school} has been invited to apply.`,
  approve: (school) => `${school}’s application has been approved.`,
  reject: (school) => `${school}’s application has been turned down.`,
  'withdraw-application': (school) => `${school}’s application has been withdrawn.`,
  activate: (school) => `${school} is now a member.`,
  'withdraw-notice': (school) => `${school}’s notice has been withdrawn: it stays a member.`,
  suspend: (school) => `${school}’s membership has been suspended.`,
  reinstate: (school) => `${school}’s membership has been reinstated.`,
  leave: (school) => `${school}’s leaving has been recorded.`,
  rejoin: (school) => `${school} has been invited to join again.`,
};

/** The notice after an admin's step on a membership, e.g. "Oakfield Primary’s application has been approved. Its status is now “Approved”." */
export function actionDone(action: AdminAction, school: string, statusLabel: string): string {
  return `${ACTION_DONE[action](school)} Its status is now “${statusLabel}”.`;
}

/** Steps that need a note (the domain refuses them without one). */
export const NEEDS_NOTE: readonly string[] = ['reject', 'suspend'];

/** The order the member page offers steps in: the usual next step first. */
const ACTION_ORDER = ['invite', 'approve', 'activate', 'reinstate', 'leave', 'rejoin', 'give-notice', 'withdraw-notice', 'reject', 'withdraw-application', 'suspend'];
export function orderActions(possible: readonly string[]): string[] {
  return [...possible].filter((a) => a in ACTION_INFO).sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));
}

/** A timeline entry's event, in words. */
const EVENT_LABELS: Record<string, string> = {
  add: 'Added to the list as a prospect',
  invite: 'Invited to apply',
  apply: 'Applied',
  approve: 'Application approved',
  reject: 'Application turned down',
  'withdraw-application': 'Application withdrawn',
  activate: 'Membership made active',
  'give-notice': 'Notice given',
  'withdraw-notice': 'Notice withdrawn',
  suspend: 'Membership suspended',
  reinstate: 'Membership reinstated',
  leave: 'Left the partnership',
  rejoin: 'Rejoined',
  'change-category': 'Category changed',
};
export const eventLabel = (event: string) => EVENT_LABELS[event] ?? event.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** £25, or £25.50: whole pounds where exact. */
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

export function formatPence(pence: number): string {
  return (pence % 100 ? poundsAndPence : wholePounds).format(pence / 100);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2025-10' -> 'October 2025 census'; the API writes a census as YYYY-MM. */
export function censusLabel(census: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(census);
  if (!match) return census;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${match[1]} census` : census;
}

/** The censuses a school might correct: the October, January and May censuses of this and the last academic year, newest first. */
export function recentCensuses(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let y = year; y >= year - 2 && out.length < 6; y--) {
    for (const m of ['10', '05', '01']) {
      if (y === year && Number(m) > month) continue;
      out.push(`${y}-${m}`);
      if (out.length === 6) break;
    }
  }
  return out;
}

/** 'Nov 2025' for a chart axis; 'November 2025' for a table. */
export function monthLabel(month: string, style: 'short' | 'long' = 'long'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTHS[Number(match[2]) - 1] ?? month;
  return `${style === 'short' ? name.slice(0, 3) : name} ${match[1]}`;
}

/** The member list's filters as the page's address carries them. */
export interface MemberFilters {
  q: string;
  phase: string;
  category: string;
  status: string;
  localAuthority: string;
  sort: 'name' | 'status' | 'updated';
  page: number;
}

const SORTS = ['name', 'status', 'updated'] as const;

/** Reads the filters from the address, ignoring anything that is not a known value. */
export function readMemberFilters(params: URLSearchParams): MemberFilters {
  const pick = (name: string, allowed?: readonly string[]) => {
    const value = (params.get(name) ?? '').trim().slice(0, 100);
    return allowed && !allowed.includes(value) ? '' : value;
  };
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = pick('sort', SORTS);
  return {
    q: pick('q'),
    phase: pick('phase', PHASES),
    category: pick('category').slice(0, 40),
    status: pick('status', MEMBERSHIP_STATES),
    localAuthority: pick('localAuthority'),
    sort: (sort || 'name') as MemberFilters['sort'],
    page: Number.isFinite(page) && page > 0 && page < 100000 ? page : 1,
  };
}

/** The filters as query parameters for the page, the API and the CSV export (empty ones left out). */
export function memberQuery(filters: MemberFilters, options: { page?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'phase', 'category', 'status', 'localAuthority'] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  if (options.page !== false && filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export const hasFilters = (f: MemberFilters) => Boolean(f.q || f.phase || f.category || f.status || f.localAuthority);

/** One bar per month, scaled to the tallest, for the chart of membership over time. */
export interface ChartBar {
  month: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function chartBars(values: { month: string; value: number }[], layout: { left: number; top: number; width: number; height: number; gap: number }): { bars: ChartBar[]; max: number } {
  const max = Math.max(1, ...values.map((v) => v.value));
  const slot = values.length ? layout.width / values.length : layout.width;
  const barWidth = Math.max(4, slot - layout.gap);
  const bars = values.map((v, i) => {
    const height = v.value === 0 ? 0 : Math.max(2, Math.round((v.value / max) * layout.height));
    return { month: v.month, value: v.value, x: Math.round(layout.left + i * slot + layout.gap / 2), y: layout.top + layout.height - height, width: Math.round(barWidth), height };
  });
  return { bars, max };
}

/** One sentence for screen readers describing the trend: first and last month, and the highest. */
export function chartSummary(values: { month: string; value: number }[]): string {
  if (values.length === 0) return 'No figures yet.';
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const peak = values.reduce((best, v) => (v.value > best.value ? v : best), first);
  const schools = (n: number) => `${n} ${n === 1 ? 'member school' : 'member schools'}`;
  const parts = [`${monthLabel(first.month)}: ${schools(first.value)}`, `${monthLabel(last.month)}: ${schools(last.value)}`];
  if (peak !== last && peak !== first) parts.push(`highest ${peak.value} in ${monthLabel(peak.month)}`);
  return `${parts.join('; ')}.`;
}

/** Whole, non-negative numbers of pupils from a form; null when it is not one. */
export function parsePupils(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? '').replace(/[,\s]/g, '');
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n <= PUPIL_COUNT_MAX ? n : null;
}

/** What a school sent when it applied, read safely from the API's free-form record. */
export interface ApplicationView {
  contact: { name: string; role: string | null; email: string; phone: string | null } | null;
  contactDetailsConfirmed: boolean;
  pupilNumber: number | null;
  termsAccepted: { by: string; at: string } | null;
  liabilityGuarantee: { by: string; at: string; amountPence: number } | null;
}

export function applicationView(application: Record<string, unknown> | null | undefined): ApplicationView | null {
  if (!application || typeof application !== 'object') return null;
  const record = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  const acceptance = (value: unknown) => {
    const a = record(value);
    const by = text(record(a?.by)?.name);
    const at = text(a?.at);
    return by && at ? { by, at } : null;
  };
  const contact = record(application.contact);
  const guarantee = acceptance(application.liabilityGuaranteeAccepted);
  const amount = record(application.liabilityGuaranteeAccepted)?.amountPence;
  return {
    contact: contact && text(contact.name) && text(contact.email) ? { name: text(contact.name)!, role: text(contact.role), email: text(contact.email)!, phone: text(contact.phone) } : null,
    contactDetailsConfirmed: application.contactDetailsConfirmed === true,
    pupilNumber: typeof application.pupilNumber === 'number' ? application.pupilNumber : null,
    termsAccepted: acceptance(application.termsAccepted),
    liabilityGuarantee: guarantee && typeof amount === 'number' ? { ...guarantee, amountPence: amount } : null,
  };
}
