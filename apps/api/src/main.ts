import { loadEnvOrExit } from '@partnerships/config';
import pino from 'pino';
import { createApp } from './app.factory';
import { startRuntime } from '@partnerships/jobs';

async function main() {
  const env = loadEnvOrExit();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'api' } });
  const runtime = await startRuntime(env, logger);
  const app = await createApp(runtime);
  await app.listen({ port: env.API_PORT, host: env.API_HOST });
  logger.info({ port: env.API_PORT, mode: runtime.mode, queue: runtime.queue.driver }, `API listening on http://${env.API_HOST}:${env.API_PORT}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests and jobs');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
