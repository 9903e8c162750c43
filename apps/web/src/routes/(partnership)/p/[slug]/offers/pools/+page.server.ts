import { apiFor, loadOrFail } from '#lib/server/api.ts';
import { londonToday } from '#lib/dates.ts';
import type { PageServerLoad } from './$types';

/** Each shared pool's days for the next eight weeks: places, booked, left, and who booked. */
export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const pools = await loadOrFail(event, api.GET('/api/v1/tenants/{slug}/offers', { params: { path: { slug }, query: { kind: 'pool' } } }));
  const asked = event.url.searchParams.get('from');
  const from = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : londonToday();
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + 55 * 86400_000).toISOString().slice(0, 10);
  const days = await Promise.all(
    pools.items.map(async (p) => ({ offer: p, ...(await loadOrFail(event, api.GET('/api/v1/tenants/{slug}/offers/{id}/pool-days', { params: { path: { slug, id: p.id }, query: { from, to } } }))) })),
  );
  return { pools: days, from, to };
};
