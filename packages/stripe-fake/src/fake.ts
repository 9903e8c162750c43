import { EventBus } from './events.js';
import type { PaymentIntent } from './resources/paymentIntents.model.js';
import type { StoredObject } from './store/state.js';
import { Store } from './store/store.js';
import { Clock } from './util/clock.js';
import { WebhookDispatcher, type RetryPolicy, type WebhookEndpointConfig } from './webhooks/dispatcher.js';

export const DEFAULT_API_VERSION = '2026-10-28.endive';

export type PaymentSettledListener = (intent: StoredObject<PaymentIntent>, succeeded: boolean) => void;

export interface FakeSettings {
  stateFile?: string;
  webhookEndpoints: WebhookEndpointConfig[];
  retry: RetryPolicy;
  /** Simulated days a Bacs Direct Debit payment stays `processing` (default 3). */
  bacsDelayDays: number;
  /** Accept only these API keys (default: any well-formed `sk_test_…`). */
  apiKeys?: string[];
  apiVersion: string;
}

/** The fake's shared state and services, handed to every handler. */
export class Fake {
  readonly store: Store;
  readonly clock: Clock;
  readonly dispatcher: WebhookDispatcher;
  readonly events: EventBus;
  private base = 'http://127.0.0.1';
  private readonly settledListeners: PaymentSettledListener[] = [];

  constructor(readonly settings: FakeSettings) {
    this.store = new Store(settings.stateFile);
    this.clock = new Clock(this.store.clockOffset);
    this.dispatcher = new WebhookDispatcher([...settings.webhookEndpoints], settings.retry, (id, ok) => this.events.delivered(id, ok));
    this.events = new EventBus(this.store, this.clock, this.dispatcher, settings.apiVersion);
  }

  /** Where hosted pages (Checkout, onboarding, invoices) are served, e.g. `http://127.0.0.1:12111`. */
  get baseUrl(): string {
    return this.base;
  }

  setBaseUrl(url: string): void {
    this.base = url.replace(/\/$/, '');
  }

  /**
   * Registers a reaction to a payment intent succeeding or failing (card at once, Bacs after clearing),
   * e.g. Checkout's async_payment events or an invoice being paid.
   */
  onPaymentSettled(listener: PaymentSettledListener): void {
    this.settledListeners.push(listener);
  }

  paymentSettled(intent: StoredObject<PaymentIntent>, succeeded: boolean): void {
    for (const listener of this.settledListeners) listener(intent, succeeded);
  }

  now(): number {
    return this.clock.now();
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.store.clockOffset = this.clock.offset;
  }
}
