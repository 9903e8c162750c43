import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvOrExit } from '@partnerships/config';
import pino from 'pino';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from '../openapi';
import { startRuntime } from '@partnerships/jobs';

/** Writes apps/api/openapi.json (committed; packages/api-client is generated from it). */
async function main() {
  const env = loadEnvOrExit({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? '/tmp/partnerships-openapi', LOG_LEVEL: 'error', SEED_DEMO: 'false' });
  const runtime = await startRuntime(env, pino({ level: 'error' }), { seed: false });
  const app = await createApp(runtime);
  const file = join(__dirname, '..', '..', 'openapi.json');
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  await runtime.close();
  process.stdout.write(`wrote ${file}\n`);
}

void main();
