import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * A listed partnership's public catalogue: no sign-in. Its public services and open events with
 * member and non-member prices, so a school outside the partnership sees what it would pay.
 */
export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const [partnership, offers, events] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/public/tenants/{slug}', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/public/tenants/{slug}/offers', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/public/tenants/{slug}/events', { params: { path: { slug } } })),
  ]);
  const { logoDataUrl: _logo, ...rest } = partnership;
  return { partnership: rest, offers: offers.items.filter((o) => o.kind !== 'event'), events: events.items, signedIn: Boolean(event.locals.me) };
};
