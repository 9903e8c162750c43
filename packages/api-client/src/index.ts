import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** A problem+json error body, as every API error is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

export interface ApiClientOptions {
  /** The API's origin, e.g. http://127.0.0.1:3001 (server side) or '' (browser, same origin). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Forwarded session cookie, for server-side calls on behalf of the browser. */
  cookie?: string;
  /** Sent as X-CSRF-Token on writes. */
  csrfToken?: string;
  requestId?: string;
}

/** The typed client generated from apps/api/openapi.json (run `pnpm openapi` after API changes). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  if (options.requestId) headers['x-request-id'] = options.requestId;
  return createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch, headers });
}

/** Field messages keyed by field, for forms; the first message wins. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) out[e.field] ??= e.message;
  return out;
}
