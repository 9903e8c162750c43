import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { requireAdmin } from '#lib/server/setup.ts';
import type { LayoutServerLoad } from './$types';

/** The wizard's progress, for every step's page; admins only. */
export const load: LayoutServerLoad = async (event) => {
  await requireAdmin(event);
  const setup = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/setup', { params: { path: { slug: event.params.slug } } }));
  return { setup };
};
