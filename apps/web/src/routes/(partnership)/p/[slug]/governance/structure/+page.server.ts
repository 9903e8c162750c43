import { apiFor, loadOrFail } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  const api = apiFor(event);
  const [structure, svg] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/structure', { params: { path: { slug } } })),
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/structure.svg', { params: { path: { slug } }, parseAs: 'text' })),
  ]);
  // The API draws the diagram and escapes every name in it; it is shown inline so its title and description reach screen readers.
  return { structure, svg: String(svg).startsWith('<svg') ? String(svg) : null };
};
