import { error } from '@sveltejs/kit';
import { usableBrandColour } from '#lib/brand.ts';
import type { RequestHandler } from './$types';

/**
 * `--partner` for a partnership's pages, e.g. /brand.css?colour=%231d4f91. The colour is in
 * the address, so the answer never changes and browsers keep it.
 */
export const GET: RequestHandler = ({ url }) => {
  const colour = usableBrandColour(url.searchParams.get('colour'));
  if (!colour) error(404, 'Page not found');
  return new Response(`:root{--partner:${colour};}\n`, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
};
