import { error, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

/** The school, for its own people only: anyone else gets a plain 404, as the API answers. */
export const load: LayoutServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  // URNs are six digits; anything else cannot be a school, so do not ask the API.
  if (!/^\d{6}$/.test(event.params.urn)) error(404, 'Page not found');
  const portal = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}', { params: { path: { urn: event.params.urn } } }));
  const roles = portal.roles;
  return {
    portal,
    /** Headteachers and business managers apply, give notice and correct pupil numbers. */
    actsForSchool: roles.includes('headteacher') || roles.includes('business-manager'),
    isHeadteacher: roles.includes('headteacher'),
    severalSchools: event.locals.me.schools.length > 1,
  };
};
