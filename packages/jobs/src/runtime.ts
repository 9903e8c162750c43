import type { Env } from '@partnerships/config';
import { dataDir } from '@partnerships/config';
import {
  createDataSource,
  Database,
  type EmbeddedPostgres,
  migrate,
  resolveDatabaseUrls,
  seedDemo,
  waitForMigrations,
  startEmbeddedPostgres,
} from '@partnerships/db';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from '@partnerships/db';
import { createJobQueue } from './create-job-queue';
import { createJobHandlers } from './job-handlers';
import type { JobHandlers } from './job-names';
import type { JobQueue } from './job-queue';
import { createMailer } from './mail/mailer';
import { createStripeClient, type Stripe } from '@partnerships/invoicing';
import { startBillingScheduler } from './billing/billing-sweep.job';
import { startReceiptsScheduler } from './billing/receipts-sweep.job';
import { startGovernanceScheduler } from './governance/governance-sweep.job';
import { startOffersScheduler } from './offers/offers-sweep.job';
import { startEventsScheduler } from './events/events-sweep.job';
import { JobName } from './job-names';

/**
 * Everything a process (api or worker) needs besides HTTP: database, queue, mail.
 * Built once, closed once. Lives here because both apps share it and it wires the job handlers.
 */
export interface Runtime {
  env: Env;
  mode: 'embedded' | 'full';
  db: Database;
  dataSource: DataSource;
  queue: JobQueue;
  handlers: JobHandlers;
  logger: Logger;
  /** The Stripe client (real Stripe, or the local fake when STRIPE_API_HOST points at it); null when online payments are off. */
  stripe: Stripe | null;
  close(): Promise<void>;
}

export async function startRuntime(
  env: Env,
  logger: Logger,
  options: {
    seed?: boolean;
    migrate?: boolean;
    scheduler?: boolean;
    /** With migrate false: wait this long for another process (the API) to apply every migration before going on. */
    waitForMigrationsMs?: number;
  } = {},
): Promise<Runtime> {
  let embedded: EmbeddedPostgres | undefined;
  if (!env.DATABASE_URL) {
    const port = env.EMBEDDED_PG_PORT ?? env.API_PORT + 2000;
    // One data folder per API port, so two copies can run side by side.
    const pgDir = join(dataDir(env), env.API_PORT === 3001 ? 'pg' : `pg-${env.API_PORT}`);
    embedded = await startEmbeddedPostgres({ dataDir: pgDir, port });
    logger.info({ port }, 'embedded PostgreSQL (PGlite) started');
  }
  const urls = resolveDatabaseUrls(env, embedded?.url);
  const ran = options.migrate === false ? [] : await migrate({ url: urls.owner, embedded: urls.embedded });
  if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
  if (options.migrate === false && options.waitForMigrationsMs !== undefined) {
    // On a first start both processes begin at once; the application role and the tables only
    // exist once the API has migrated, so wait for it rather than fail.
    await waitForMigrations(
      { url: urls.owner, embedded: urls.embedded },
      {
        timeoutMs: options.waitForMigrationsMs,
        onWaiting: (pending) =>
          logger.info({ pending: pending.length }, `waiting for the API to apply ${pending.length} database migration(s) (up to ${Math.round(options.waitForMigrationsMs! / 1000)} s)`),
      },
    );
    logger.info('database migrations are in place');
  }

  const shouldSeed = options.seed ?? env.SEED_DEMO ?? urls.embedded;
  if (shouldSeed) {
    const owner = createDataSource({ url: urls.owner, embedded: urls.embedded });
    await owner.initialize();
    try {
      await seedDemo(owner, env.NODE_ENV);
      logger.info('demo data in place');
    } finally {
      await owner.destroy();
    }
  }

  const dataSource = createDataSource({ url: urls.app, embedded: urls.embedded, applicationName: 'partnerships-api' });
  await dataSource.initialize();
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, mailDir: join(dataDir(env), 'mail'), logger });
  const db = new Database(dataSource);
  const stripe = createStripeClient(env);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  // Handlers that queue follow-up jobs reach the queue through a getter: it is built from the handlers.
  let queue: JobQueue;
  const handlers = createJobHandlers({ mailer, db, logger, stripe, publicUrl, queue: () => queue });
  queue = createJobQueue({ redisUrl: env.REDIS_URL, queueName: env.QUEUE_NAME, handlers, logger });
  // The hourly billing sweep (reminders, unprocessed Stripe events) runs where jobs run: here in embedded mode, in the worker in full mode.
  const runScheduler = options.scheduler ?? (queue.driver === 'in-process' && env.NODE_ENV !== 'test');
  const stopScheduler = runScheduler ? startBillingScheduler((date, jobId) => queue.enqueue(JobName.BillingSweep, { date }, { jobId }), logger) : () => {};
  // Every five minutes (and soon after start): payment receipts owed and never queued, or whose job gave up, are queued again.
  const stopReceiptsScheduler = runScheduler ? startReceiptsScheduler((at, jobId) => queue.enqueue(JobName.ReceiptsSweep, { at }, { jobId }), logger) : () => {};
  // The daily governance sweep (seats kept current, terms-of-reference reviews) runs beside it.
  const stopGovernanceScheduler = runScheduler ? startGovernanceScheduler((date, jobId) => queue.enqueue(JobName.GovernanceSweep, { date }, { jobId }), logger) : () => {};
  // The daily offers sweep (buy-back reminders before the deadline, rollover after it).
  const stopOffersScheduler = runScheduler ? startOffersScheduler((date, jobId) => queue.enqueue(JobName.OffersSweep, { date }, { jobId }), logger) : () => {};
  // Every five minutes: waiting-list offers that lapsed pass to the next person; reminders two days before an event.
  const stopEventsScheduler = runScheduler ? startEventsScheduler((at, jobId) => queue.enqueue(JobName.EventsSweep, { at }, { jobId }), logger) : () => {};

  return {
    env,
    mode: urls.embedded ? 'embedded' : 'full',
    db,
    dataSource,
    queue,
    handlers,
    logger,
    stripe,
    async close() {
      stopScheduler();
      stopReceiptsScheduler();
      stopGovernanceScheduler();
      stopOffersScheduler();
      stopEventsScheduler();
      await queue.close();
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
