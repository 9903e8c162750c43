import { redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** "My schools": every school the person acts for, with all their memberships in all partnerships (executive heads, federations). */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  const mine = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal'));
  return { schools: mine.schools };
};
