import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * The school's home: its details and, for each partnership, where its membership stands, with the
 * person's governance there. One API request (`/school-portal/{urn}/home`), asked for at once,
 * alongside the layout's (not after it).
 */
export const load: PageServerLoad = async (event) => {
  const urn = event.params.urn;
  // Signed out, or not a URN: the layout answers (sign-in, or a 404) without asking the API.
  if (!event.locals.me || !/^\d{6}$/.test(urn)) {
    await event.parent();
    return { details: [], governance: null, governanceLinks: [] };
  }
  const home = await loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/home', { params: { path: { urn } } }));
  return {
    details: home.partnerships,
    governance: home.governance,
    governanceLinks: event.locals.me.tenants.map((t) => t.slug),
  };
};
