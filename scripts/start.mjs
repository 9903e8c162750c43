#!/usr/bin/env node
// `pnpm start`: build what is needed, then run api (+ worker in full mode) and web, and print the URL.
// Embedded mode (no DATABASE_URL / REDIS_URL): PGlite and in-process jobs, demo data seeded.
// `pnpm dev`: the same with the API rebuilt on change and the web app on Vite's dev server.
import { requireNode22, root, runOrExit, supervise, waitForHttp } from './lib.mjs';
import { join, resolve } from 'node:path';

requireNode22();
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const apiPort = Number(process.env.API_PORT ?? 3001);
const full = Boolean(process.env.DATABASE_URL);
process.env.TURBO_TELEMETRY_DISABLED = '1';

console.log(`Building (${full ? 'full' : 'embedded'} mode)…`);
runOrExit('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/api', '--filter=@partnerships/worker', '--filter=@partnerships/stripe-fake', ...(dev ? [] : ['--filter=@partnerships/web']), '--output-logs=errors-only']);

const env = { PORT: String(port), API_PORT: String(apiPort) };
const children = supervise();

// Without Stripe keys, the project's Stripe fake stands in for Stripe: the product's Stripe SDK is
// pointed at it, it keeps its state under .data/stripe.json and signs the webhooks it sends to the
// API. With STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET) set, real Stripe is used and nothing starts here.
const fakeStripe = !process.env.STRIPE_SECRET_KEY && !process.env.STRIPE_API_HOST;
// Derived from the API port (12111 for 3001), so two copies side by side each get their own.
const stripePort = Number(process.env.STRIPE_FAKE_PORT ?? apiPort + 9110);
if (fakeStripe) {
  const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(root, '.data');
  const webhookSecret = 'whsec_partnerships_embedded';
  children.start('stripe', process.execPath, [join(root, 'packages/stripe-fake/dist/cli.js')], {
    PORT: String(stripePort),
    HOST: '127.0.0.1',
    STRIPE_FAKE_STATE: join(dataDir, apiPort === 3001 ? 'stripe.json' : `stripe-${apiPort}.json`),
    STRIPE_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/api/v1/webhooks/stripe`,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_FAKE_PUBLIC_URL: process.env.STRIPE_FAKE_PUBLIC_URL ?? `http://localhost:${stripePort}`,
    // Demos: a Bacs Direct Debit clears after half a minute rather than three working days.
    STRIPE_FAKE_AUTO_SETTLE_MS: process.env.STRIPE_FAKE_AUTO_SETTLE_MS ?? '30000',
  });
  await waitForHttp(`http://127.0.0.1:${stripePort}/_fake/health`, 30_000);
  Object.assign(env, {
    STRIPE_SECRET_KEY: 'sk_test_partnerships_embedded',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripePort),
    STRIPE_API_PROTOCOL: 'http',
  });
}
// The web app forwards /api/* from this machine and passes the browser's address on.
env.TRUSTED_PROXIES = process.env.TRUSTED_PROXIES ?? 'loopback';
if (dev) {
  children.start('api compiler', 'pnpm', ['--filter', '@partnerships/api', 'exec', 'tsc', '-w', '-p', 'tsconfig.build.json', '--preserveWatchOutput'], env);
  children.start('api', process.execPath, ['--watch', join(root, 'apps/api/dist/main.js')], env);
} else {
  children.start('api', process.execPath, [join(root, 'apps/api/dist/main.js')], env);
}
if (process.env.REDIS_URL && full) children.start('worker', process.execPath, [join(root, 'apps/worker/dist/main.js')], env);

console.log(full ? 'Starting the API…' : 'Starting the API with its embedded database (the first start takes about 15 seconds)…');
await waitForHttp(`http://127.0.0.1:${apiPort}/api/health`);
if (dev) {
  children.start('web', 'pnpm', ['--filter', '@partnerships/web', 'exec', 'vite', 'dev', '--port', String(port), '--strictPort'], env);
} else {
  children.start('web', process.execPath, [join(root, 'apps/web/build/index.js')], { ...env, ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}` });
}
await waitForHttp(`http://127.0.0.1:${port}/api/health`);
console.log(`
  Partnerships is running: http://localhost:${port}
  API: http://localhost:${apiPort}/api (docs at /api/docs)${fakeStripe ? `
  Stripe: the local fake at http://localhost:${stripePort} (test card 4242 4242 4242 4242; state in .data/${apiPort === 3001 ? "stripe.json" : `stripe-${apiPort}.json`})` : ''}${full ? '' : `
  Demo sign-ins (password: partnerships-demo): admin@redbridge.demo.test, admin@ealing.demo.test,
  admin@tower-hamlets.demo.test, head.910001@demo.test, operator@platform.demo.test
  E-mails are written to .data/mail/`}
  Press Ctrl+C to stop.
`);
