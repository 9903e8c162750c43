import { currentYearOf } from '#lib/partnership-labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { isAdminIn, tenantRoles } from '#lib/server/roles.ts';
import { loadAs, type MyGovernance } from '#lib/server/governance-api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/**
 * Staff see the partnership's home; anyone else sees its public page (the layout has already
 * loaded what a visitor may see, or answered 404).
 */
export const load: PageServerLoad = async (event) => {
  // Staff or visitor, from the session's roles (the same roles the layout's partnership call
  // answers with), so the home's own calls start alongside the layout's rather than after it.
  const slug = event.params.slug;
  if (tenantRoles(event.locals.me, slug).length === 0) return { home: { kind: 'public' as const } };
  const isAdmin = isAdminIn(event.locals.me, slug);
  const api = apiFor(event);
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const requested = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const [schools, calendar, categories, setup, governance, money] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/schools', { params: { path: { slug }, query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/calendar', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug } } })),
    isAdmin ? loadOrFail(event, api.GET('/api/v1/tenants/{slug}/setup', { params: { path: { slug } } })) : null,
    // The person's own governance here (their bodies, meetings and actions); the home page still shows without it.
    loadAs<MyGovernance>(event, api.GET('/api/v1/me/governance')).then((g) => g.partnerships.filter((p) => p.slug === slug)).catch(() => null),
    // Money at a glance, for those who may see the invoices (others get the home page without it).
    api.GET('/api/v1/tenants/{slug}/billing-overview', { params: { path: { slug } } }).then((r) => r.data ?? null).catch(() => null),
  ]);
  return {
    home: { kind: 'staff' as const, schools, q, termDates: currentYearOf(calendar.years), budgetYear: calendar.budgetYear, categories: categories.items, setup, governance, money },
  };
};
