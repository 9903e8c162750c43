import { redirect } from '@sveltejs/kit';
import { placesOf } from '#lib/labels.ts';
import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** Signed out: the public home page. Signed in with one place: go there. Several: choose. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  if (!locals.me) {
    const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
    const directory = await loadOrFail(event, apiFor(event).GET('/api/v1/public/tenants', { params: { query: { listed: 'true', pageSize: 100, ...(q ? { q } : {}) } } }));
    return { kind: 'home' as const, directory, q };
  }
  const places = placesOf(locals.me);
  if (places.length === 1) redirect(303, places[0].href);
  return { kind: 'places' as const, places };
};
