import { loadEnvOrExit } from '@partnerships/config';
import { runMain, startBullMqWorker, startRuntime, stopGracefully } from '@partnerships/jobs';
import pino from 'pino';

/**
 * Full mode's worker process: BullMQ on Redis, the same handlers the API runs
 * in-process in embedded mode. Stops cleanly: active jobs finish, nothing is lost.
 */
async function main() {
  const env = loadEnvOrExit();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'worker' } });
  if (!env.REDIS_URL || !env.DATABASE_URL) {
    logger.error('The worker runs in full mode only: set DATABASE_URL and REDIS_URL. In embedded mode the API runs jobs itself.');
    process.exit(1);
  }
  // The API applies the migrations; on a first start the worker waits for them (ten minutes at most).
  const runtime = await startRuntime(env, logger, { migrate: false, waitForMigrationsMs: 10 * 60 * 1000, seed: false, scheduler: env.NODE_ENV !== 'test' });
  const worker = startBullMqWorker(env.REDIS_URL, runtime.handlers, logger, { queueName: env.QUEUE_NAME });
  logger.info('worker started');

  stopGracefully(logger, 'finishing active jobs', [() => worker.close(), () => runtime.close()], 30_000);
}

runMain('Worker', main);
