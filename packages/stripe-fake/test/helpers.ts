import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeFake, type StripeFake, type StripeFakeOptions } from '../src/index.js';

export const API_KEY = 'sk_test_stripefake_0123456789';
export const WEBHOOK_SECRET = 'whsec_test_stripefake_secret';

export function stripeFor(fake: StripeFake, key = API_KEY): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
}

export async function startWithClient(options: StripeFakeOptions = {}): Promise<{ fake: StripeFake; stripe: Stripe }> {
  const fake = await startStripeFake({ port: 0, ...options });
  return { fake, stripe: stripeFor(fake) };
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  event: { id: string; type: string; account?: string; data: { object: Record<string, unknown> } };
}

/** A local webhook endpoint that records every delivery and answers with `status()` (200 by default). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status: (delivery: ReceivedWebhook, attempt: number) => number = () => 200;
  private server!: Server;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.read(req).then((body) => {
        const delivery: ReceivedWebhook = { body, signature: String(req.headers['stripe-signature'] ?? ''), event: JSON.parse(body) as ReceivedWebhook['event'] };
        const attempt = this.received.filter((d) => d.event.id === delivery.event.id).length + 1;
        this.received.push(delivery);
        res.writeHead(this.status(delivery, attempt)).end();
        this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
    return this;
  }

  endpoint(secret = WEBHOOK_SECRET) {
    return { url: this.url, secret };
  }

  types(): string[] {
    return this.received.map((d) => d.event.type);
  }

  /** Resolves once at least `count` deliveries arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 5000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} webhooks, got ${this.received.length}: ${this.types().join(', ')}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async read(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** Submits a hosted page form the way a browser would (no redirect following). */
export async function submitForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}

/** A started fake and its client, with a webhook receiver registered as the fake's endpoint. */
export async function startWithWebhooks(options: StripeFakeOptions = {}): Promise<{ fake: StripeFake; stripe: Stripe; hooks: WebhookReceiver }> {
  const hooks = await new WebhookReceiver().start();
  const { fake, stripe } = await startWithClient({ webhookEndpoints: [hooks.endpoint()], ...options });
  return { fake, stripe, hooks };
}

/** Stops what `startWithWebhooks` started. */
export async function stopWithWebhooks(fake: StripeFake, hooks: WebhookReceiver): Promise<void> {
  await fake.stop();
  await hooks.stop();
}
