import { newId } from '../util/ids.js';
import { postJson } from './post.js';
import { signatureHeader } from './signing.js';

export interface WebhookEndpointConfig {
  url: string;
  /** The endpoint's signing secret (`whsec_…`), as given to `stripe.webhooks.constructEvent`. */
  secret: string;
  /** Event types to send (default: all, like `enabled_events: ['*']`). */
  enabledEvents?: string[];
}

/**
 * How events are delivered, for tests of webhook handlers:
 * - `delayMs`: each delivery waits this long before the first attempt;
 * - `duplicate`: every event is delivered twice (same event id);
 * - `shuffle`: events are buffered for `shuffleWindowMs` and then sent in a shuffled (never the original) order;
 * - `paused`: deliveries are held until `flushDeliveries()` (or the mode changes).
 */
export interface DeliveryMode {
  delayMs?: number;
  duplicate?: boolean;
  shuffle?: boolean;
  shuffleWindowMs?: number;
  paused?: boolean;
}

export type DeliveryModeName = 'normal' | 'delayed' | 'duplicate' | 'shuffled' | 'out_of_order' | 'paused';

export interface RetryPolicy {
  /** Total attempts including the first (default 4). */
  maxAttempts: number;
  /** Backoff before retry n is `baseDelayMs * 2^(n-1)` (default 500 ms). */
  baseDelayMs: number;
  timeoutMs: number;
}

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
  ok: boolean;
}

export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  url: string;
  copy: number;
  state: 'pending' | 'held' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
}

interface Job {
  record: DeliveryRecord;
  endpoint: WebhookEndpointConfig;
  payload: string;
}

export function deliveryModeFrom(mode: DeliveryModeName | DeliveryMode, options: { delayMs?: number; windowMs?: number } = {}): DeliveryMode {
  if (typeof mode !== 'string') return { ...mode };
  switch (mode) {
    case 'normal':
      return {};
    case 'delayed':
      return { delayMs: options.delayMs ?? 1000 };
    case 'duplicate':
      return { duplicate: true };
    case 'shuffled':
    case 'out_of_order':
      return { shuffle: true, shuffleWindowMs: options.windowMs };
    case 'paused':
      return { paused: true };
  }
}

/** Sends events to webhook endpoints with Stripe's signature, in the configured delivery mode, retrying failures. */
export class WebhookDispatcher {
  private mode: DeliveryMode = {};
  private readonly records: DeliveryRecord[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private held: Job[] = [];
  private shuffleBuffer: Job[] = [];
  private shuffleTimer: NodeJS.Timeout | undefined;
  private outstanding = 0;
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly endpoints: WebhookEndpointConfig[],
    private readonly retry: RetryPolicy,
    private readonly onFinished: (eventId: string, delivered: boolean) => void,
  ) {}

  addEndpoint(endpoint: WebhookEndpointConfig): void {
    this.endpoints.push(endpoint);
  }

  endpointCount(eventType: string): number {
    return this.endpoints.filter((e) => this.wants(e, eventType)).length;
  }

  setMode(mode: DeliveryMode): void {
    this.mode = { ...mode };
    if (!mode.paused) this.releaseHeld();
  }

  getMode(): DeliveryMode {
    return { ...this.mode };
  }

  log(): DeliveryRecord[] {
    return this.records.map((r) => ({ ...r, attempts: r.attempts.map((a) => ({ ...a })) }));
  }

  enqueue(eventId: string, eventType: string, payload: string): void {
    if (this.closed) return;
    for (const endpoint of this.endpoints) {
      if (!this.wants(endpoint, eventType)) continue;
      const copies = this.mode.duplicate ? 2 : 1;
      for (let copy = 1; copy <= copies; copy++) {
        const record: DeliveryRecord = { id: newId('wdel', 16), eventId, eventType, url: endpoint.url, copy, state: 'pending', attempts: [] };
        this.records.push(record);
        this.route({ record, endpoint, payload });
      }
    }
  }

  /** Sends held (paused) and buffered (shuffle) deliveries now. */
  flush(): void {
    this.releaseHeld();
    this.releaseShuffled();
  }

  /** Resolves once nothing is in flight or scheduled (held deliveries of a paused mode don't count). */
  idle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.shuffleTimer) clearTimeout(this.shuffleTimer);
    this.outstanding = 0;
    this.wake();
  }

  private wants(endpoint: WebhookEndpointConfig, eventType: string): boolean {
    const enabled = endpoint.enabledEvents;
    return !enabled || enabled.length === 0 || enabled.includes('*') || enabled.includes(eventType);
  }

  private route(job: Job, hold = true): void {
    if (hold && this.mode.paused) {
      job.record.state = 'held';
      this.held.push(job);
      return;
    }
    this.outstanding++;
    if (this.mode.shuffle) {
      this.shuffleBuffer.push(job);
      if (!this.shuffleTimer) {
        this.shuffleTimer = setTimeout(() => this.releaseShuffled(), this.mode.shuffleWindowMs ?? 100);
      }
    } else if (this.mode.delayMs && this.mode.delayMs > 0) {
      this.later(this.mode.delayMs, () => this.inOrder(job));
    } else {
      this.inOrder(job);
    }
  }

  private releaseHeld(): void {
    const jobs = this.held;
    this.held = [];
    for (const job of jobs) {
      job.record.state = 'pending';
      this.route(job, false);
    }
  }

  private releaseShuffled(): void {
    if (this.shuffleTimer) clearTimeout(this.shuffleTimer);
    this.shuffleTimer = undefined;
    const jobs = shuffled(this.shuffleBuffer);
    this.shuffleBuffer = [];
    for (const job of jobs) this.inOrder(job);
  }

  /** Per-endpoint FIFO: one attempt at a time, so the receiver sees exactly the order we chose. */
  private inOrder(job: Job): void {
    const previous = this.chains.get(job.endpoint.url) ?? Promise.resolve();
    const next = previous.then(() => this.attempt(job));
    this.chains.set(job.endpoint.url, next);
  }

  private async attempt(job: Job): Promise<void> {
    if (this.closed) return;
    const { record, endpoint, payload } = job;
    const attempt: DeliveryAttempt = { at: Date.now(), ok: false };
    try {
      attempt.status = await postJson(
        endpoint.url,
        payload,
        {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, endpoint.secret),
        },
        this.retry.timeoutMs,
      );
      attempt.ok = attempt.status >= 200 && attempt.status < 300;
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (this.closed) return;
    record.attempts.push(attempt);
    if (attempt.ok) return this.finish(record, true);
    if (record.attempts.length >= this.retry.maxAttempts) return this.finish(record, false);
    const backoff = this.retry.baseDelayMs * 2 ** (record.attempts.length - 1);
    this.later(backoff, () => void this.attempt(job));
  }

  private finish(record: DeliveryRecord, delivered: boolean): void {
    record.state = delivered ? 'succeeded' : 'failed';
    this.onFinished(record.eventId, delivered);
    this.outstanding--;
    if (this.outstanding <= 0) this.wake();
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** A random permutation that differs from the input whenever that is possible. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((item, i) => item === items[i])) out.reverse();
  return out;
}
