import type { Store } from '../store/store.js';
import type { IdempotencyRecord } from '../store/state.js';
import { idempotencyError, invalidRequest } from './errors.js';

const TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyOutcome = { replay: IdempotencyRecord } | { proceed: true };

/**
 * Stripe's idempotency rules for POSTs: a key is scoped to the API key and account; the same key with the
 * same endpoint and parameters replays the stored response; a different endpoint or different parameters
 * is a 400 `idempotency_error`; a concurrent request with the key is a 409. Keys expire after 24 hours.
 */
export class Idempotency {
  private readonly inFlight = new Set<string>();

  constructor(private readonly store: Store) {}

  begin(scopedKey: string, key: string, method: string, path: string, params: string): IdempotencyOutcome {
    if (key.length > 255) throw invalidRequest('Idempotency keys can be at most 255 characters long.', { param: 'Idempotency-Key' });
    this.prune();
    const existing = this.store.idempotency[scopedKey];
    if (existing) {
      if (existing.method !== method || existing.path !== path) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${existing.method} ${existing.path}' vs '${method} ${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (existing.params !== params) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      return { replay: existing };
    }
    if (this.inFlight.has(scopedKey)) {
      throw idempotencyError(
        `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        409,
      );
    }
    this.inFlight.add(scopedKey);
    return { proceed: true };
  }

  /** Stores the outcome of a request that ran (2xx, or a 402 card decline — Stripe saves those too). */
  finish(scopedKey: string, record: IdempotencyRecord | undefined): void {
    this.inFlight.delete(scopedKey);
    if (record && ((record.status >= 200 && record.status < 300) || record.status === 402)) {
      this.store.idempotency[scopedKey] = record;
      this.store.touch();
    }
  }

  private prune(): void {
    const cutoff = Date.now() - TTL_MS;
    for (const [key, record] of Object.entries(this.store.idempotency)) {
      if (record.createdAt < cutoff) {
        delete this.store.idempotency[key];
        this.store.touch();
      }
    }
  }
}
