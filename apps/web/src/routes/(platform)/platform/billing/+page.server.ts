import { error, redirect } from '@sveltejs/kit';
import { apiFor, loadOrFail, loginUrl } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.me) redirect(303, loginUrl(event.url));
  // Not an operator: the page does not exist for them.
  if (!event.locals.me.user.isPlatformOperator) error(404, 'Page not found');
  const billing = await loadOrFail(event, apiFor(event).GET('/api/v1/platform/billing'));
  return { billing };
};
