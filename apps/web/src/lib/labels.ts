/** Plain-English labels for the codes the API uses. Unknown codes fall back to a tidied code. */

const ROLE_LABELS: Record<string, string> = {
  'tenant-admin': 'Partnership admin',
  finance: 'Finance',
  officer: 'Officer',
  'board-member': 'Board member',
  'body-chair': 'Chair',
  'note-taker': 'Note-taker',
  reviewer: 'Reviewer',
  headteacher: 'Headteacher',
  'business-manager': 'Business manager',
  staff: 'Staff',
};

const PHASE_LABELS: Record<string, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  'post-16': '16 plus',
};

const CATEGORY_LABELS: Record<string, string> = { full: 'Full member', associate: 'Associate member' };

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  open: 'Open',
  closed: 'Closed',
  pending: 'Pending',
  applied: 'Applied',
  invited: 'Invited',
  'notice-given': 'Notice given',
  leaving: 'Leaving',
  left: 'Left',
  suspended: 'Suspended',
  lapsed: 'Lapsed',
};

function tidy(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const roleLabel = (code: string) => ROLE_LABELS[code] ?? tidy(code);
export const phaseLabel = (code: string) => PHASE_LABELS[code] ?? tidy(code);
export const categoryLabel = (code: string) => CATEGORY_LABELS[code] ?? tidy(code);
export const statusLabel = (code: string) => STATUS_LABELS[code] ?? tidy(code);
export const rolesLabel = (codes: string[]) => (codes.length ? codes.map(roleLabel).join(', ') : 'None');

/** Roles an admin can invite a colleague to, in the order people look for them. */
export const INVITABLE_ROLES = ['officer', 'finance', 'tenant-admin', 'board-member', 'body-chair', 'note-taker', 'reviewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const ROLE_HINTS: Record<InvitableRole, string> = {
  'tenant-admin': 'Runs the partnership: settings, people and schools',
  finance: 'Fees, invoices and payments',
  officer: 'Day-to-day work with schools',
  'board-member': 'Sits on the board',
  'body-chair': 'Chairs a board, committee or group',
  'note-taker': 'Takes minutes at meetings',
  reviewer: 'Takes part in peer reviews',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** 1 September 2025; empty text for no date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? 'Not known' : new Intl.NumberFormat('en-GB').format(value));

/** Where a person's work lives: partnerships, then schools, then the platform. */
export interface Place {
  kind: 'partnership' | 'school' | 'platform';
  href: string;
  name: string;
  roles: string[];
}

export function placesOf(me: { user: { isPlatformOperator: boolean }; tenants: { slug: string; name: string; roles: string[] }[]; schools: { urn: string; name: string; roles: string[] }[] }): Place[] {
  const places: Place[] = [
    ...me.tenants.map((t) => ({ kind: 'partnership' as const, href: `/p/${encodeURIComponent(t.slug)}`, name: t.name, roles: t.roles })),
    ...me.schools.map((s) => ({ kind: 'school' as const, href: `/s/${encodeURIComponent(s.urn)}`, name: s.name, roles: s.roles })),
  ];
  if (me.user.isPlatformOperator) places.push({ kind: 'platform', href: '/platform', name: 'Platform administration', roles: ['Platform operator'] });
  return places;
}
