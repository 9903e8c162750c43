import type { Fake } from '../fake.js';
import type { Scope } from '../store/state.js';
import type { Params } from './params.js';

/** One authenticated API request, as handlers see it. */
export interface ApiRequest {
  fake: Fake;
  method: string;
  path: string;
  /** `platform`, or the connected account named by the `Stripe-Account` header. */
  scope: Scope;
  params: Params;
  pathParams: Record<string, string>;
}

/** Returns the response body (status 200) or throws a `StripeApiError`. */
export type Handler = (req: ApiRequest) => unknown;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch = { handler: Handler; pathParams: Record<string, string> };

/** Minimal method + path-pattern router (`/v1/customers/:id`). */
export class Router {
  private readonly routes: Route[] = [];

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const pathParams: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        if (segment.startsWith(':')) {
          pathParams[segment.slice(1)] = decodeURIComponent(parts[i]!);
          return true;
        }
        return segment === parts[i];
      });
      if (ok) return { handler: route.handler, pathParams };
    }
    return undefined;
  }

  /** Every registered route, for the README/index page. */
  describe(): string[] {
    return this.routes.map((r) => `${r.method} /${r.segments.join('/')}`);
  }
}
