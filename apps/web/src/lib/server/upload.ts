import type { RequestEvent } from '@sveltejs/kit';
import { apiOrigin, SESSION_COOKIE } from './config.ts';
import { parseProblem, type ParsedProblem } from './problem.ts';

export type Forwarded = { ok: true; data: unknown } | { ok: false; problem: ParsedProblem };

/**
 * Streams a browser's multipart form post on to an API upload route as it arrives, with the
 * session and CSRF token, so a 60 MB GIAS file is never held in memory here. (The typed client
 * would read the form first.) The API picks the "file" part out of the form itself.
 */
export async function forwardUpload(event: Pick<RequestEvent, 'request' | 'locals' | 'url' | 'getClientAddress'>, path: string): Promise<Forwarded> {
  const type = event.request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data') || !event.request.body) {
    return { ok: false, problem: { status: 400, code: 'validation', message: 'Choose the GIAS file to upload.', fields: { file: 'Choose the GIAS file to upload' } } };
  }
  const headers = new Headers({ 'content-type': type, accept: 'application/json' });
  if (event.locals.session) headers.set('cookie', `${SESSION_COOKIE}=${event.locals.session}`);
  if (event.locals.me?.csrfToken) headers.set('x-csrf-token', event.locals.me.csrfToken);
  try {
    headers.set('x-forwarded-for', event.getClientAddress());
  } catch {
    // no address known: the API sees this server instead
  }
  headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
  headers.set('x-forwarded-host', event.url.host);
  let response: Response;
  try {
    response = await fetch(apiOrigin() + path, { method: 'POST', headers, body: event.request.body, duplex: 'half' } as RequestInit);
  } catch (error) {
    // The adapter stops a body over the upload limit while we stream it.
    const cause = (error as { cause?: { status?: number } }).cause;
    if (cause?.status === 413) return { ok: false, problem: { status: 413, code: 'too_large', message: 'The file is too large to upload.', fields: { file: 'The file is too large to upload' } } };
    return { ok: false, problem: { status: 503, code: 'unavailable', message: 'The service is not available just now. Please try again in a few minutes.', fields: {} } };
  }
  const body = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body };
  return { ok: false, problem: parseProblem(body, response.status) };
}
