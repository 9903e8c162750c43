import { error } from '@sveltejs/kit';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { isStaffIn } from '#lib/server/roles.ts';
import type { PageServerLoad } from './$types';

/** One import: its progress while it runs, then its counts and problems. The page polls this load. */
export const load: PageServerLoad = async (event) => {
  if (!isStaffIn(event.locals.me, event.params.slug)) error(404, 'Page not found');
  event.depends('app:school-import');
  const item = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/school-imports/{id}', { params: { path: { slug: event.params.slug, id: event.params.id } } }));
  return { item };
};
