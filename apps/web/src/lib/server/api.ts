import { createApiClient, type ApiClient, type Schemas } from '@partnerships/api-client';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { apiOrigin, SESSION_COOKIE } from './config.ts';
import { parseProblem, type ParsedProblem } from './problem.ts';

export type Me = Schemas['MeDto'];
type ApiEvent = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies'>;

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The typed API client for one request: the browser's session cookie and the session's
 * CSRF token are forwarded, and so is the browser's address, so the API's rate limits
 * and audit log see the person rather than this server.
 */
export function apiFor(event: ApiEvent, session: string | null = event.locals.session): ApiClient {
  const forwarded = clientAddress(event);
  const forwardingFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    if (forwarded) request.headers.set('x-forwarded-for', forwarded);
    request.headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
    request.headers.set('x-forwarded-host', event.url.host);
    // Each call's start and end, for the page's Server-Timing (how many rounds it took).
    const calls = event.locals.apiCalls;
    if (!calls) return fetch(request);
    const start = performance.now();
    const record = () => void calls.push({ start, end: performance.now() });
    return fetch(request).finally(record);
  };
  return createApiClient({
    baseUrl: apiOrigin(),
    fetch: forwardingFetch,
    cookie: session ? `${SESSION_COOKIE}=${session}` : undefined,
    csrfToken: event.locals.me?.csrfToken,
  });
}

function clientAddress(event: ApiEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/**
 * Fill a path template's {params}, keeping the template's literal type. The OpenAPI document
 * now declares every path parameter, so prefer the client's own `params: { path: { slug } }`.
 */
export function pathOf<P extends string>(template: P, values: Record<string, string>): P {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? '')) as P;
}

export function loginUrl(url: URL): string {
  const next = url.pathname + url.search;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

const UNAVAILABLE = 'The service is not available just now. Please try again in a few minutes.';

/**
 * For page loads: the answer's data, or the right page instead. Signed out goes to sign-in;
 * unknown and foreign things are a plain 404, as the API answers them.
 */
export async function loadOrFail<T>(event: ApiEvent, call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch {
    error(503, UNAVAILABLE);
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  const problem = parseProblem(result.error, result.response.status);
  if (problem.status === 401) redirect(303, loginUrl(event.url));
  if (problem.status === 404) error(404, 'Page not found');
  if (problem.status === 403) error(403, problem.message);
  error(problem.status >= 500 ? 502 : problem.status, problem.message);
}

export type Submitted<T> = { ok: true; data: T; response: Response } | { ok: false; problem: ParsedProblem };

/** For form actions: the answer, or the problem to show beside the form. */
export async function submit<T>(call: Promise<ApiResult<T>>): Promise<Submitted<T>> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch {
    return { ok: false, problem: { status: 503, code: 'unavailable', message: UNAVAILABLE, fields: {} } };
  }
  if (result.response.ok) return { ok: true, data: result.data as T, response: result.response };
  return { ok: false, problem: parseProblem(result.error, result.response.status) };
}

/** Copy the API's Set-Cookie (the session) onto our answer to the browser. */
export function adoptCookies(event: ApiEvent, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const { name, value, ...options } = event.cookies.parse(header);
    if (!name) continue;
    event.cookies.set(name, value ?? '', {
      ...options,
      path: options.path ?? '/',
      httpOnly: options.httpOnly ?? true,
      secure: options.secure ?? event.url.protocol === 'https:',
    });
  }
}

/** Only our own paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
