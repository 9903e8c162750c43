import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createDataSource, createFreshDatabase, seedDemo } from '@partnerships/db';
import { startSmtpCapture } from '@partnerships/jobs';
import { API_MAIN, E2E_REDIS_URL, ROOT, WEB_MAIN, WORKER_MAIN } from './paths';

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;

export interface Stack {
  /** The product's one origin, e.g. http://127.0.0.1:41234 */
  webUrl: string;
  apiUrl: string;
  /** The Stripe fake's origin, when the stack was started with { stripe: true }. */
  stripeUrl: string | null;
  databaseUrl: string;
  mail: SmtpCapture;
  /** What each process printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

// Per process, so two checkouts' browser runs on one machine never share a database.
const DATABASE = `partnerships_test_e2e_${process.pid}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}


async function waitForHealth(url: string, procs: Proc[], logs: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died: string | null = null;
  for (const p of procs) void p.exited.then((code) => (died ??= `${p.name} exited with code ${code}`));
  let last = '';
  while (Date.now() < deadline) {
    if (died) throw new Error(`The stack did not start: ${died}.\n${logs()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The stack did not answer ${url} within ${timeoutMs / 1000} s (last: ${last}).\n${logs()}`);
}

async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await p.exited;
  clearTimeout(timer);
}

/**
 * The real product in full mode, as child processes: a fresh PostgreSQL database with the
 * demo data, Redis, a capturing SMTP server, then the API, the worker (when built) and the
 * web server, reached through the web server's port only.
 */
export async function startStack(options: { stripe?: boolean } = {}): Promise<Stack> {
  const databaseUrl = await createFreshDatabase(DATABASE);
  const owner = createDataSource({ url: databaseUrl, embedded: false });
  await owner.initialize();
  try {
    await seedDemo(owner, 'test');
  } finally {
    await owner.destroy();
  }
  const mail = await startSmtpCapture();

  const [apiPort, webPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const withWorker = existsSync(WORKER_MAIN);
  // With { stripe: true }, the project's Stripe fake stands in for Stripe, as scripts/start.mjs runs it.
  const stripePort = options.stripe ? await freePort() : 0;
  const stripeUrl = options.stripe ? `http://127.0.0.1:${stripePort}` : null;
  const webhookSecret = 'whsec_partnerships_e2e';
  const stripeEnv: Record<string, string> = options.stripe
    ? { STRIPE_SECRET_KEY: 'sk_test_partnerships_e2e', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(stripePort), STRIPE_API_PROTOCOL: 'http' }
    : {};
  const common = {
    ...stripeEnv,
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    // Without a worker the API runs jobs itself (no REDIS_URL), so e-mail still goes out.
    ...(withWorker ? { REDIS_URL: E2E_REDIS_URL } : {}),
    // A queue of its own, so two runs on one machine never take each other's jobs.
    QUEUE_NAME: `e2e-${process.pid}`,
    SMTP_URL: mail.url,
    API_PORT: String(apiPort),
    SEED_DEMO: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: webUrl,
    // Every sign-in comes from 127.0.0.1 here; the default limit is for real people.
    LOGIN_RATE_LIMIT: '1000',
  };

  const output: string[] = [];
  const logs = () => `--- process output (last lines) ---\n${output.slice(-80).join('\n')}`;
  const procs: Proc[] = [];
  const start = (name: string, file: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(`[${name}] ${line}`);
      if (output.length > 2000) output.splice(0, output.length - 2000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    procs.push({ name, child, exited });
  };

  if (!withWorker) output.push('[e2e] apps/worker/dist/main.js is not built: the API runs jobs in-process for this run');
  if (options.stripe) {
    start('stripe', join(ROOT, 'packages', 'stripe-fake', 'dist', 'cli.js'), {
      PATH: common.PATH,
      PORT: String(stripePort),
      HOST: '127.0.0.1',
      STRIPE_FAKE_STATE: join(mkdtempSync(join(tmpdir(), 'partnerships-e2e-stripe-')), 'stripe.json'),
      STRIPE_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/stripe`,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_FAKE_PUBLIC_URL: stripeUrl!,
    });
  }
  start('api', API_MAIN, common);
  if (withWorker) start('worker', WORKER_MAIN, common);
  start('web', WEB_MAIN, { PATH: common.PATH, PORT: String(webPort), HOST: '127.0.0.1', API_PORT: String(apiPort), ORIGIN: webUrl, NODE_ENV: 'production' });

  const stop = async () => {
    // Web first (it forwards to the API), then the API and worker, then the mail server.
    await Promise.all(procs.filter((p) => p.name === 'web').map(stopProc));
    await Promise.all(procs.filter((p) => p.name !== 'web').map(stopProc));
    await mail.stop();
  };
  try {
    if (stripeUrl) await waitForHealth(`${stripeUrl}/_fake/health`, procs, logs);
    await waitForHealth(`${webUrl}/api/health`, procs, logs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, stripeUrl, databaseUrl, mail, logs, stop };
}
