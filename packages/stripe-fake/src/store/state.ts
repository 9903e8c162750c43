/** `platform` for the platform account itself; otherwise the connected account id (`acct_…`). */
export type Scope = string;
export const PLATFORM: Scope = 'platform';

/** One stored API object plus fake-internal data that Stripe would never return (e.g. a full account number). */
export interface StoredObject<T = unknown> {
  id: string;
  type: string;
  scope: Scope;
  seq: number;
  data: T;
  internal: Record<string, unknown>;
}

export interface IdempotencyRecord {
  method: string;
  path: string;
  params: string;
  status: number;
  body: unknown;
  requestId: string;
  createdAt: number;
}

/** Work scheduled on the fake clock: Bacs settlement, pending refunds… */
export interface PendingJob {
  id: string;
  kind: string;
  due: number;
  scope: Scope;
  ref: string;
  data: Record<string, unknown>;
  /** Wall-clock creation time, for the optional real-time auto-settlement used in demos. */
  createdAtMs: number;
}

export interface PersistedState {
  version: 1;
  seq: number;
  clockOffset: number;
  objects: Record<string, StoredObject>;
  idempotency: Record<string, IdempotencyRecord>;
  jobs: PendingJob[];
}

export function emptyState(): PersistedState {
  return { version: 1, seq: 0, clockOffset: 0, objects: {}, idempotency: {}, jobs: [] };
}
