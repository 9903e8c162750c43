import { AsyncLocalStorage } from 'node:async_hooks';
import type Stripe from 'stripe';
import { PLATFORM, type Scope } from './store/state.js';
import type { Store } from './store/store.js';
import type { Clock } from './util/clock.js';
import { newId } from './util/ids.js';
import { clone } from './util/json.js';
import type { Wire } from './util/wire.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';

export type StripeEvent = Wire<Stripe.EventBase>;

/** The API request being handled, so events can carry Stripe's `request: { id, idempotency_key }`. */
export const requestScope = new AsyncLocalStorage<{ requestId: string; idempotencyKey: string | null }>();

export interface EmitOptions {
  /** For `*.updated` events: the changed fields' previous values (`data.previous_attributes`). */
  previous?: Record<string, unknown>;
}

/** Creates events (stored, listed at /v1/events) and hands them to the webhook dispatcher. */
export class EventBus {
  private held: { event: StripeEvent; scope: Scope }[] | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly dispatcher: WebhookDispatcher,
    private readonly apiVersion: string,
  ) {}

  emit(type: Stripe.Event.Type, object: object, scope: Scope, options: EmitOptions = {}): StripeEvent {
    const request = requestScope.getStore();
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: this.clock.now(),
      data: options.previous ? { object: clone(object), previous_attributes: clone(options.previous) } : { object: clone(object) },
      livemode: false,
      pending_webhooks: this.dispatcher.endpointCount(type),
      request: { id: request?.requestId ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    };
    if (scope !== PLATFORM) event.account = scope;
    if (this.held) this.held.push({ event, scope });
    else this.publish(event, scope);
    return event;
  }

  /**
   * Runs `fn` holding back the events it emits; `release()` then publishes them in order. Lets a flow
   * announce its main object first (e.g. `customer.subscription.created` before its first invoice's events).
   */
  hold<T>(fn: () => T): { result: T; release: () => void } {
    if (this.held) return { result: fn(), release: () => {} };
    const held: { event: StripeEvent; scope: Scope }[] = [];
    this.held = held;
    const release = () => held.splice(0).forEach(({ event, scope }) => this.publish(event, scope));
    try {
      const result = fn();
      this.held = undefined;
      return { result, release };
    } catch (error) {
      this.held = undefined;
      release();
      throw error;
    }
  }

  private publish(event: StripeEvent, scope: Scope): void {
    this.store.insert('event', scope, event);
    const payload = JSON.stringify(event, null, 2);
    setImmediate(() => this.dispatcher.enqueue(event.id, event.type, payload));
  }

  /** Called by the dispatcher when a delivery finished. */
  delivered(eventId: string, ok: boolean): void {
    const record = this.store.get<StripeEvent>('event', eventId);
    if (!record || !ok) return;
    record.data.pending_webhooks = Math.max(0, record.data.pending_webhooks - 1);
    this.store.touch();
  }
}
