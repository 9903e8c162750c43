import type { RequestEvent } from '@sveltejs/kit';
import { apiOrigin } from './config.ts';

// Hop-by-hop headers belong to one connection and are never forwarded; the Host header and
// the body's length are set again by fetch; Accept-Encoding is dropped so bodies pass as they are.
const REQUEST_DROP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'host', 'content-length', 'accept-encoding', 'expect',
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded',
]);
const RESPONSE_DROP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'set-cookie']);

/**
 * Forward one /api/* request to the API and stream its answer back, cookies included,
 * so the browser sees one origin. Any method, any body.
 */
export async function proxyToApi(event: RequestEvent): Promise<Response> {
  const target = new URL(event.url.pathname + event.url.search, apiOrigin() + '/');
  const headers = new Headers();
  for (const [name, value] of event.request.headers) if (!REQUEST_DROP.has(name)) headers.set(name, value);
  try {
    headers.set('x-forwarded-for', event.getClientAddress());
  } catch {
    // no address known (e.g. a unix socket): the API sees this server instead
  }
  headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
  headers.set('x-forwarded-host', event.url.host);

  const method = event.request.method;
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.request.body !== null;
  let answer: Response;
  try {
    answer = await fetch(target, {
      method,
      headers,
      body: hasBody ? event.request.body : undefined,
      redirect: 'manual',
      // A streamed request body needs half-duplex in Node's fetch.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (error) {
    // The adapter stops a body over BODY_SIZE_LIMIT while we stream it: that is the sender's problem.
    const cause = (error as { cause?: { status?: number } }).cause;
    if (cause?.status === 413) return problem(413, 'payload_too_large', 'Payload too large', 'The file or data sent is too large.');
    return problem(502, 'api_unavailable', 'Bad gateway', 'The service is not available just now. Please try again in a few minutes.');
  }

  const out = new Headers();
  const decoded = answer.headers.has('content-encoding');
  for (const [name, value] of answer.headers) {
    if (RESPONSE_DROP.has(name)) continue;
    // fetch has already decoded a compressed body, so its encoding and length no longer apply
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    out.set(name, value);
  }
  for (const cookie of answer.headers.getSetCookie()) out.append('set-cookie', cookie);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: out });
}

function problem(status: number, code: string, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, code, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
