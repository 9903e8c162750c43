import { createServer, type Server } from 'node:http';
import type { Fake } from './fake.js';
import { createApiHandler } from './http/api.js';
import { sendJson } from './http/body.js';
import { handleControl } from './http/control.js';
import type { Router } from './http/router.js';
import { esc, page, sendHtml } from './pages/html.js';
import { handlePage } from './pages/routes.js';

function indexPage(router: Router): string {
  return page(
    'stripe-fake',
    `<h1>stripe-fake</h1>
<p>A local Stripe-compatible API for development and tests. Point the Stripe SDK at this host with a <code>sk_test_…</code> key.</p>
<h2>Endpoints</h2>
<ul>${router
      .describe()
      .map((route) => `<li><code>${esc(route)}</code></li>`)
      .join('')}</ul>`,
  );
}

/** The HTTP server: `/v1/*` is the API, `/_fake/*` test controls, everything else hosted pages. */
export function createFakeServer(fake: Fake, router: Router): Server {
  const handleApi = createApiHandler(fake, router);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = async () => {
      if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url);
      if (url.pathname.startsWith('/_fake/')) return handleControl(fake, req, res, url);
      if (url.pathname === '/') return sendHtml(res, 200, indexPage(router));
      if (!(await handlePage(fake, req, res, url))) sendHtml(res, 404, page('Not found', '<h1>Page not found</h1>'));
    };
    work().catch((error: unknown) => {
      console.error('[stripe-fake] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
      else res.end();
    });
  });
}
