import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEnv } from '@partnerships/config';
import { createDataSource, createFreshDatabase, type DataSource, DEMO_PASSWORD, dropDatabase, seedDemo } from '@partnerships/db';
import { type Runtime, startBullMqWorker, startRuntime, startSmtpCapture } from '@partnerships/jobs';
import { startStripeFake, type StripeFake } from '@partnerships/stripe-fake';
import pino from 'pino';
import { createApp } from '../../src/app.factory';
import { TEST_PG_URL, TEST_REDIS_URL } from './services';
import { startStripeNetwork, type StripeNetwork } from './stripe-network';

/** The webhook signing secret shared by each test app and its Stripe fake. */
export const TEST_STRIPE_WEBHOOK_SECRET = 'whsec_partnerships_test';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  runtime: Runtime;
  owner: DataSource;
  smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  /** The Stripe fake the API's Stripe SDK talks to (through `stripeNetwork`); it sends its webhooks to this app. */
  stripe: StripeFake;
  /** Between the API and the fake: can drop responses to simulate network errors. */
  stripeNetwork: StripeNetwork;
  worker: ReturnType<typeof startBullMqWorker>;
  signIn(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * The whole API in full mode over real HTTP: a fresh migrated database with the demo
 * data, BullMQ on Redis with a worker, and a capturing SMTP server for e-mail.
 */
export async function startTestApp(name: string, options: { trustedProxies?: string | null } = {}): Promise<TestApp> {
  const databaseUrl = await createFreshDatabase(`partnerships_test_${name}`, TEST_PG_URL);
  const owner = createDataSource({ url: databaseUrl, embedded: false });
  await owner.initialize();
  await seedDemo(owner, 'test');
  const smtp = await startSmtpCapture();
  const stripe = await startStripeFake({ port: 0, webhookRetry: { maxAttempts: 3, baseDelayMs: 100 } });
  const stripeNetwork = await startStripeNetwork({ host: stripe.host, port: stripe.port });
  const env = parseEnv({
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', QUEUE_NAME: `test-${name}-${process.pid}`,
    STRIPE_SECRET_KEY: 'sk_test_partnerships', STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(stripeNetwork.port), STRIPE_API_PROTOCOL: 'http',
    // The test client stands where the web app does in `pnpm start` (a proxy on loopback that
    // passes on the browser's address), so tests can play several clients with X-Forwarded-For.
    // null: no trusted proxy, as an API reached directly.
    ...(options.trustedProxies === null ? {} : { TRUSTED_PROXIES: options.trustedProxies ?? '127.0.0.1' }),
  });
  const logger = pino({ level: 'silent' });
  const runtime = await startRuntime(env, logger, { seed: false });
  const worker = startBullMqWorker(TEST_REDIS_URL, runtime.handlers, logger, { queueName: env.QUEUE_NAME });
  const app = await createApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  stripe.addWebhookEndpoint({ url: `${url}/api/v1/webhooks/stripe`, secret: TEST_STRIPE_WEBHOOK_SECRET });

  const signIn = async (email: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return sessionFor(url, cookie, csrfToken);
  };

  return {
    url,
    app,
    runtime,
    owner,
    smtp,
    stripe,
    stripeNetwork,
    worker,
    signIn,
    async close() {
      await stripe.stop();
      await stripeNetwork.close();
      await app.close();
      await worker.close();
      await runtime.close();
      await owner.destroy();
      await smtp.stop();
      await dropDatabase(databaseUrl);
    },
  };
}

export function sessionFor(url: string, cookie: string, csrfToken: string): Session {
  return {
    cookie,
    csrfToken,
    get: (path) => fetch(`${url}${path}`, { headers: { cookie } }),
    send: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** The token in an e-mailed link (the mail body is quoted-printable). */
export function tokenFrom(rawMail: string): string {
  const decoded = rawMail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /token=([A-Za-z0-9_-]{20,})/.exec(decoded);
  if (!match) throw new Error('No link with a token in the mail');
  return match[1];
}
