import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

/**
 * The partnership's logo for its staff's pages, so the image is not carried inside every page
 * (it may be 200 KB). Anyone else gets the public logo at /api/v1/public/tenants/{slug}/logo,
 * which exists only for listed partnerships.
 */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) error(404, 'Page not found');
  const { data } = await apiFor(event)
    .GET('/api/v1/tenants/{slug}/settings', { params: { path: { slug: event.params.slug } } })
    .catch(() => ({ data: undefined }));
  const match = data?.logoDataUrl ? /^data:(image\/(?:png|jpeg|svg\+xml));base64,(.*)$/.exec(data.logoDataUrl) : null;
  if (!match) error(404, 'Page not found');
  return new Response(Buffer.from(match[2]!, 'base64'), {
    headers: {
      'content-type': match[1]!,
      'cache-control': 'private, no-cache',
      // An SVG opened on its own must not be able to run anything (as the API's public logo).
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
};
