import { loadEnvOrExit } from '@partnerships/config';
import pino from 'pino';
import { createApp } from './app.factory';
import { runMain, startRuntime, stopGracefully } from '@partnerships/jobs';

async function main() {
  const env = loadEnvOrExit();
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'api' } });
  const runtime = await startRuntime(env, logger);
  const app = await createApp(runtime);
  await app.listen({ port: env.API_PORT, host: env.API_HOST });
  logger.info({ port: env.API_PORT, mode: runtime.mode, queue: runtime.queue.driver }, `API listening on http://${env.API_HOST}:${env.API_PORT}`);

  stopGracefully(logger, 'finishing requests and jobs', [() => app.close(), () => runtime.close()], 15_000);
}

runMain('API', main);
