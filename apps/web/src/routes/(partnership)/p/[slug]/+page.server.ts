import { apiFor, loadOrFail, pathOf } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const requested = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const schools = await loadOrFail(
    event,
    apiFor(event).GET(pathOf('/api/v1/tenants/{slug}/schools', { slug: event.params.slug }), {
      params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } },
    }),
  );
  return { schools, q };
};
