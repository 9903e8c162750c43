#!/usr/bin/env node
import { optionsFromEnv } from './cliConfig.js';
import { startStripeFake } from './index.js';

/** `stripe-fake`: runs the fake until SIGINT/SIGTERM. Configuration comes from the environment (see cliConfig.ts). */
async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const fake = await startStripeFake(options);
  const webhooks = options.webhookEndpoints?.map((e) => e.url).join(', ');
  console.log(`stripe-fake listening on ${fake.url}${webhooks ? `, sending webhooks to ${webhooks}` : ''}${options.stateFile ? `, state in ${options.stateFile}` : ''}`);
  const shutdown = () => {
    fake.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`stripe-fake: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
