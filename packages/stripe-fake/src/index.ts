import type { AddressInfo } from 'node:net';
import { buildRouter, wire } from './app.js';
import type { CheckoutPayment, CompletionResult } from './checkout/complete.js';
import type { StripeEvent } from './events.js';
import { DEFAULT_API_VERSION, Fake } from './fake.js';
import { finishOnboarding } from './resources/accounts.js';
import type { Account } from './resources/accounts.model.js';
import { payCheckoutSession } from './resources/checkoutSessions.js';
import { createFakeServer } from './server.js';
import { advanceTime, settlePending, startAutoSettle } from './simulation.js';
import { PLATFORM } from './store/state.js';
import { clone } from './util/json.js';
import {
  deliveryModeFrom,
  type DeliveryMode,
  type DeliveryModeName,
  type DeliveryRecord,
  type RetryPolicy,
  type WebhookEndpointConfig,
} from './webhooks/dispatcher.js';

export type { CheckoutPayment, CompletionResult, DeliveryMode, DeliveryModeName, DeliveryRecord, RetryPolicy, StripeEvent, WebhookEndpointConfig };
export { computeSignature, signatureHeader, verifySignature } from './webhooks/signing.js';
export { BACS_FAILURE_ACCOUNT, BACS_SUCCESS_ACCOUNT, BACS_TEST_SORT_CODE } from './payments/testBacs.js';

export interface StripeFakeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** JSON file to persist state to (written atomically after every change) and reload on start. */
  stateFile?: string;
  webhookEndpoints?: WebhookEndpointConfig[];
  /** Base URL for hosted pages if it differs from `http://host:port` (e.g. behind a proxy). */
  publicUrl?: string;
  /** Simulated days a Bacs Direct Debit payment stays `processing` (default 3). */
  bacsDelayDays?: number;
  /** Accept only these API keys (default: any `sk_test_…`/`rk_test_…`). */
  apiKeys?: string[];
  webhookRetry?: Partial<RetryPolicy>;
  deliveryMode?: DeliveryModeName | DeliveryMode;
  /** Demos: settle pending Bacs payments after this many real milliseconds. */
  autoSettleMs?: number;
}

export interface StripeFake {
  url: string;
  port: number;
  host: string;
  /** Stops the server, cancels pending webhook deliveries and writes the state file. */
  stop(): Promise<void>;
  /** `'normal' | 'delayed' | 'duplicate' | 'shuffled' | 'out_of_order' | 'paused'`, or a combination object. */
  setDeliveryMode(mode: DeliveryModeName | DeliveryMode, options?: { delayMs?: number; windowMs?: number }): void;
  /** Sends held (`paused`) and buffered (`shuffled`) deliveries now. */
  flushDeliveries(): void;
  /** Resolves when no webhook delivery is in flight or scheduled (retries included). */
  waitForDeliveries(): Promise<void>;
  deliveries(): DeliveryRecord[];
  addWebhookEndpoint(endpoint: WebhookEndpointConfig): void;
  /** Moves the fake clock forward; due Bacs payments settle, trials end, subscriptions renew. Returns jobs run. */
  advanceTime(days: number): number;
  /** Settles every pending Bacs payment/refund immediately. Returns how many. */
  settlePending(): number;
  /** The fake clock (Unix seconds). */
  now(): number;
  /** Pays a Checkout Session as its hosted page would (default: card 4242…). */
  completeCheckout(sessionId: string, payment?: CheckoutPayment): CompletionResult;
  /** Completes Connect onboarding as the hosted page would. */
  completeOnboarding(accountId: string, options?: { verified?: boolean }): Account;
  /** Any stored object by id (a copy). */
  get<T = unknown>(id: string): T | undefined;
  /** Stored objects of a type (`customer`, `payment_intent`, `checkout.session`…), newest first. `account`: `platform` or `acct_…`. */
  list<T = unknown>(type: string, options?: { account?: string }): T[];
  /** Stored events, newest first. */
  events(options?: { type?: string; account?: string }): StripeEvent[];
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const host = options.host ?? '127.0.0.1';
  const fake = new Fake({
    stateFile: options.stateFile,
    webhookEndpoints: options.webhookEndpoints ?? [],
    retry: { maxAttempts: 4, baseDelayMs: 500, timeoutMs: 10_000, ...options.webhookRetry },
    bacsDelayDays: options.bacsDelayDays ?? 3,
    apiKeys: options.apiKeys,
    apiVersion: DEFAULT_API_VERSION,
  });
  wire(fake);
  if (options.deliveryMode) fake.dispatcher.setMode(deliveryModeFrom(options.deliveryMode));
  const router = buildRouter();
  const server = createFakeServer(fake, router);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  fake.setBaseUrl(options.publicUrl ?? url);
  const stopAutoSettle = options.autoSettleMs !== undefined ? startAutoSettle(fake, options.autoSettleMs) : () => {};

  return {
    url,
    port,
    host,
    async stop() {
      stopAutoSettle();
      fake.dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      fake.store.flush();
    },
    setDeliveryMode: (mode, modeOptions) => fake.dispatcher.setMode(deliveryModeFrom(mode, modeOptions)),
    flushDeliveries: () => fake.dispatcher.flush(),
    waitForDeliveries: async () => {
      // Events are handed to the dispatcher on the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      await fake.dispatcher.idle();
    },
    deliveries: () => fake.dispatcher.log(),
    addWebhookEndpoint: (endpoint) => fake.dispatcher.addEndpoint(endpoint),
    advanceTime: (days) => advanceTime(fake, days),
    settlePending: () => settlePending(fake),
    now: () => fake.now(),
    completeCheckout: (sessionId, payment = { method: 'card' }) => clone(payCheckoutSession(fake, sessionId, payment)),
    completeOnboarding: (accountId, onboardingOptions = {}) => {
      const account = finishOnboarding(fake, accountId, onboardingOptions.verified ?? true);
      fake.store.flush();
      return clone(account);
    },
    get: <T>(id: string) => clone(fake.store.find<T>(id)?.data),
    list: <T>(type: string, listOptions: { account?: string } = {}) => fake.store.list<T>(type, listOptions.account).map((r) => clone(r.data)),
    events: (eventOptions = {}) =>
      fake.store
        .list<StripeEvent>('event', eventOptions.account)
        .map((r) => clone(r.data))
        .filter((e) => !eventOptions.type || e.type === eventOptions.type),
  };
}

export { PLATFORM };
