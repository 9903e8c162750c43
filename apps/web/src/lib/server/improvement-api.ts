/**
 * Calls to the school improvement routes (peer review, confidential reviews, data rounds, brokerage,
 * schools causing concern, annual report). The pages name the shapes they read (lib/improvement/types.ts),
 * so they do not wait on the generated client; every call still goes through apiFor (session, CSRF, address).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit, type Submitted } from './api.ts';

type ApiEvent = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies'>;
type Query = Record<string, string | number | undefined>;
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}
interface LooseClient {
  GET(path: string, init?: { params?: { query?: Query } }): Promise<Answer>;
  POST(path: string, init?: { body?: unknown; params?: { query?: Query } }): Promise<Answer>;
  PUT(path: string, init?: { body?: unknown; params?: { query?: Query } }): Promise<Answer>;
}

const loose = (event: ApiEvent) => apiFor(event) as unknown as LooseClient;

/** `/api/v1/tenants/ealing/data-rounds/…`, each part encoded. */
export function tenantPath(slug: string, ...parts: string[]): string {
  return ['/api/v1/tenants', slug, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

export function portalPath(urn: string, ...parts: string[]): string {
  return ['/api/v1/school-portal', urn, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

/** For loads: the answer as `T`, or the error page (404, sign-in) as every page does. */
export function getAs<T>(event: ApiEvent, path: string, query?: Query): Promise<T> {
  return loadOrFail(event, loose(event).GET(path, query ? { params: { query } } : undefined)) as Promise<T>;
}

/** For loads where a refusal is an answer too (e.g. schools causing concern for someone not named). */
export async function tryGet<T>(event: ApiEvent, path: string, query?: Query): Promise<Submitted<T>> {
  return submit(loose(event).GET(path, query ? { params: { query } } : undefined)) as Promise<Submitted<T>>;
}

export function postAs<T>(event: ApiEvent, path: string, body: unknown = {}, query?: Query): Promise<Submitted<T>> {
  return submit(loose(event).POST(path, { body, ...(query ? { params: { query } } : {}) })) as Promise<Submitted<T>>;
}

export function putAs<T>(event: ApiEvent, path: string, body: unknown, query?: Query): Promise<Submitted<T>> {
  return submit(loose(event).PUT(path, { body, ...(query ? { params: { query } } : {}) })) as Promise<Submitted<T>>;
}
