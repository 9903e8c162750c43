import { loadEnvOrExit } from '@partnerships/config';
import { startBullMqWorker, startRuntime } from '@partnerships/jobs';
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
  const runtime = await startRuntime(env, logger, { migrate: false, seed: false });
  const worker = startBullMqWorker(env.REDIS_URL, runtime.handlers, logger, { queueName: env.QUEUE_NAME });
  logger.info('worker started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing active jobs');
    const force = setTimeout(() => process.exit(1), 30_000).unref();
    await worker.close();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
