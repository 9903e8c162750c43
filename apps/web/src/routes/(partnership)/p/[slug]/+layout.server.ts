import { redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl, pathOf } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

/** The partnership, or a plain 404 for anyone without a role there (the API answers so). */
export const load: LayoutServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  const tenant = await loadOrFail(event, apiFor(event).GET(pathOf('/api/v1/tenants/{slug}', { slug: event.params.slug })));
  const staffRoles = ['tenant-admin', 'officer', 'finance'];
  return {
    tenant,
    canSeePeople: tenant.roles.some((r) => staffRoles.includes(r)),
    isAdmin: tenant.roles.includes('tenant-admin'),
  };
};
