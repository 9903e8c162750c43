import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestScope } from '../events.js';
import type { Fake } from '../fake.js';
import { PLATFORM, type Scope } from '../store/state.js';
import { randomToken } from '../util/ids.js';
import { canonicalJson, clone } from '../util/json.js';
import { authenticate } from './auth.js';
import { readBody, sendJson } from './body.js';
import { invalidRequest, StripeApiError } from './errors.js';
import { applyExpand } from './expand.js';
import { parseForm } from './form.js';
import { Idempotency } from './idempotency.js';
import { Params } from './params.js';
import type { ApiRequest, Router } from './router.js';

/** Handles `/v1/*`: auth, Stripe-Account, body parsing, idempotency, routing, expansion and Stripe-shaped errors. */
export function createApiHandler(fake: Fake, router: Router) {
  const idempotency = new Idempotency(fake.store);

  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = `req_${randomToken(14)}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '');
    const headers: Record<string, string> = {
      'Request-Id': requestId,
      'Stripe-Version': headerValue(req, 'stripe-version') ?? fake.settings.apiVersion,
    };
    let status = 200;
    let body: unknown;
    let scopedKey: string | undefined;
    let paramsJson = '';
    try {
      const apiKey = authenticate(headerValue(req, 'authorization'), fake.settings.apiKeys);
      const scope = resolveAccount(fake, apiKey, headerValue(req, 'stripe-account'));
      const text = method === 'POST' ? await readBody(req) : '';
      const raw = parseForm(method === 'POST' ? text : url.search.slice(1));
      paramsJson = canonicalJson(raw);
      const key = method === 'POST' ? headerValue(req, 'idempotency-key') : undefined;
      if (key) {
        const candidate = `${apiKey}|${scope}|${key}`;
        const outcome = idempotency.begin(candidate, key, method, path, paramsJson);
        if ('replay' in outcome) {
          const stored = outcome.replay;
          sendJson(res, stored.status, stored.body, { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId });
          return;
        }
        scopedKey = candidate;
      }
      const match = router.match(method, path);
      if (!match) {
        throw invalidRequest(
          `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          { status: 404 },
        );
      }
      const params = new Params(raw);
      const apiReq: ApiRequest = { fake, method, path, scope, params, pathParams: match.pathParams };
      const result = await requestScope.run({ requestId, idempotencyKey: key ?? null }, () => match.handler(apiReq));
      body = applyExpand(clone(result), params.expand(), apiReq);
    } catch (error) {
      if (error instanceof StripeApiError) {
        status = error.status;
        body = { error: { ...error.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } };
      } else {
        console.error('[stripe-fake] internal error', error);
        status = 500;
        body = { error: { type: 'api_error', message: 'An unknown error occurred' } };
      }
    } finally {
      if (scopedKey) {
        idempotency.finish(scopedKey, { method, path, params: paramsJson, status, body, requestId, createdAt: Date.now() });
      }
    }
    try {
      fake.store.flush();
    } catch (error) {
      console.error('[stripe-fake] could not write state file', error);
    }
    sendJson(res, status, body, headers);
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function resolveAccount(fake: Fake, apiKey: string, header: string | undefined): Scope {
  if (!header) return PLATFORM;
  const account = fake.store.get('account', header, PLATFORM);
  if (!account) {
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key '${apiKey.slice(0, 8)}${'*'.repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}' does not have access to account '${header}' (or that account does not exist). Application access may have been revoked.`,
    });
  }
  return header;
}
