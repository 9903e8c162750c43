/** Plain-English labels for the codes the API uses. Unknown codes fall back to a tidied code. */
import { type Phase, type SchoolRole, type TenantRole, valuesOf } from './vocabulary.ts';

const TENANT_ROLE_LABELS: Record<TenantRole, string> = {
  'tenant-admin': 'Partnership admin',
  finance: 'Finance',
  officer: 'Officer',
  'board-member': 'Board member',
  'body-chair': 'Chair',
  'note-taker': 'Note-taker',
  reviewer: 'Reviewer',
};

const SCHOOL_ROLE_LABELS: Record<SchoolRole, string> = {
  headteacher: 'Headteacher',
  'business-manager': 'Business manager',
  staff: 'Staff',
};

/** The roles a person can hold at a school, as the school's people page offers them. */
export const SCHOOL_ROLES = valuesOf(SCHOOL_ROLE_LABELS);

const ROLE_LABELS: Record<string, string> = { ...TENANT_ROLE_LABELS, ...SCHOOL_ROLE_LABELS };

const PHASE_LABELS: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  'post-16': '16 plus',
};

/** The register's phases (GIAS phases mapped), in the order people think of them. */
export const PHASES = valuesOf(PHASE_LABELS);

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
export const phaseLabel = (code: string) => PHASE_LABELS[code as Phase] ?? tidy(code);
export const categoryLabel = (code: string) => CATEGORY_LABELS[code] ?? tidy(code);
export const statusLabel = (code: string) => STATUS_LABELS[code] ?? tidy(code);
export const rolesLabel = (codes: string[]) => (codes.length ? codes.map(roleLabel).join(', ') : 'None');

export type InvitableRole = TenantRole;

/** What each role an admin can invite a colleague to is for, in the order people look for them. */
export const ROLE_HINTS: Record<InvitableRole, string> = {
  officer: 'Day-to-day work with schools',
  finance: 'Fees, invoices and payments',
  'tenant-admin': 'Runs the partnership: settings, people and schools',
  'board-member': 'Sits on the board',
  'body-chair': 'Chairs a board, committee or group',
  'note-taker': 'Takes minutes at meetings',
  reviewer: 'Takes part in peer reviews',
};

export const INVITABLE_ROLES = valuesOf(ROLE_HINTS);

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
