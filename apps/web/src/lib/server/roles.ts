import { partnershipAccess, tenantCan } from '../access.ts';
import type { Me } from './api.ts';

/**
 * What a person may do in a partnership or school, from the session (GET /me, which the hooks
 * resolve before any load runs). These are the same roles the partnership layout's
 * GET /tenants/{slug} and the school layout's portal answer with (both read the person's roles
 * there), so a page can decide at once what to ask the API for instead of waiting for its
 * layout's call: one round of calls after the session, not two (issue 14). The layouts still
 * answer a 404 or sign-in first when the place is not the person's; SvelteKit shows the
 * outermost layout's error or redirect before a page's. The rules themselves are the API's, in
 * lib/access.ts.
 */
export { STAFF_ROLES } from '../access.ts';

/** The person's roles in the partnership `slug` (none when signed out or without a role there). */
export function tenantRoles(me: Me | null | undefined, slug: string): string[] {
  return me?.tenants.find((t) => t.slug === slug)?.roles ?? [];
}

/** As the partnership layout's `canSeePeople`: its staff. */
export function isStaffIn(me: Me | null | undefined, slug: string): boolean {
  return partnershipAccess(tenantRoles(me, slug)).staff;
}

/** As the partnership layout's `isAdmin`. */
export function isAdminIn(me: Me | null | undefined, slug: string): boolean {
  return partnershipAccess(tenantRoles(me, slug)).admin;
}

/** As the fees layout's `canEditFees`: admins and finance. */
export function canEditFeesIn(me: Me | null | undefined, slug: string): boolean {
  return tenantCan(tenantRoles(me, slug), 'manage', 'FeeSchedule');
}

/** The person's roles at the school `urn` (as the school portal's `roles`). */
export function schoolRoles(me: Me | null | undefined, urn: string): string[] {
  return me?.schools.find((s) => s.urn === urn)?.roles ?? [];
}

/**
 * A call started now and awaited later (after a check that may fail first): if nobody awaits
 * it, its failure is not an unhandled rejection.
 */
export function early<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
