/** Roles a user can hold in a partnership (tenant). */
export const TENANT_ROLES = ['tenant-admin', 'finance', 'officer', 'board-member', 'body-chair', 'note-taker', 'reviewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Roles a user can hold at a school. */
export const SCHOOL_ROLES = ['headteacher', 'business-manager', 'staff'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

export const ROLE_LABELS: Record<TenantRole | SchoolRole, string> = {
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

export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === 'string' && (TENANT_ROLES as readonly string[]).includes(value);
}

/** Tenant slugs: lower-case letters, digits and single hyphens, 3 to 40 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}[a-z0-9]$/;
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG_PATTERN.test(value);
}
