import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { apiServerTiming } from '#lib/api-rounds.ts';
import { apiFor } from '#lib/server/api.ts';
import { SESSION_COOKIE } from '#lib/server/config.ts';
import { proxyToApi } from '#lib/server/proxy.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export const handle: Handle = async ({ event, resolve }) => {
  // (a) One origin: the API lives behind /api on this server.
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    return proxyToApi(event);
  }

  // (b) Who is signed in, for every page and form action.
  event.locals.apiCalls = [];
  event.locals.me = null;
  event.locals.apiUnavailable = false;
  event.locals.session = event.cookies.get(SESSION_COOKIE) ?? null;
  if (event.locals.session) {
    try {
      const { data, response } = await apiFor(event).GET('/api/v1/me');
      if (response.ok && data) {
        event.locals.me = data;
      } else if (response.status === 401) {
        // Expired or revoked: forget it, so the browser stops sending it.
        event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
        event.locals.session = null;
      } else {
        event.locals.apiUnavailable = true;
      }
    } catch {
      event.locals.apiUnavailable = true;
    }
  }

  const response = await resolve(event);

  // How many rounds of API calls the page took (the session above is the first): one more for
  // each load that waited for another's answer before asking its own. Pages only.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    response.headers.append('server-timing', apiServerTiming(event.locals.apiCalls ?? []));
  }

  // (c) Security headers (the Content-Security-Policy comes from the csp option in vite.config.ts).
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  // Pages carry personal and partnership data: never keep them in shared caches.
  if (event.locals.me && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handleError: HandleServerError = ({ kind, error, event }) => {
  // Expected errors (404s, 403s) carry their own message; only surprises are logged.
  if (kind !== 'unknown') return;
  console.error(`web: ${event.request.method} ${event.url.pathname} failed`, error);
  return { message: 'Sorry, something went wrong on our side. Please try again later.' };
};
