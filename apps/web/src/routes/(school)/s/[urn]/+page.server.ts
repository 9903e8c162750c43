import { error, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  // URNs are six digits; anything else cannot be a school, so do not ask the API.
  if (!/^\d{6}$/.test(event.params.urn)) error(404, 'Page not found');
  const portal = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}', { params: { path: { urn: event.params.urn } } }));
  // Link a partnership only for people who can open its home.
  const mine = new Set(event.locals.me.tenants.map((t) => t.slug));
  return { portal, linkable: portal.memberships.filter((m) => mine.has(m.tenantSlug)).map((m) => m.tenantSlug) };
};
