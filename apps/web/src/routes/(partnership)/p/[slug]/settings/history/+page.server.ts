import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const requested = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const log = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/audit-log', { params: { path: { slug: event.params.slug }, query: { page, pageSize: PAGE_SIZE } } }));
  return { log };
};
