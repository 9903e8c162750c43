import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { early, isAdminIn } from '#lib/server/roles.ts';
import { requireAdmin } from '#lib/server/setup.ts';
import type { LayoutServerLoad } from './$types';

/** The wizard's progress, for every step's page; admins only. */
export const load: LayoutServerLoad = async (event) => {
  // Asked for at once (for admins, from the session's roles), alongside the partnership layout's
  // call rather than after it; the layout's admin check still answers first.
  const ask = () => loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/setup', { params: { path: { slug: event.params.slug } } }));
  const setupCall = isAdminIn(event.locals.me, event.params.slug) ? early(ask()) : null;
  await requireAdmin(event);
  const setup = await (setupCall ?? ask());
  return { setup };
};
