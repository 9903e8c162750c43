#!/usr/bin/env node
// `pnpm start`: build what is needed, then run api (+ worker in full mode) and web, and print the URL.
// Embedded mode (no DATABASE_URL / REDIS_URL): PGlite and in-process jobs, demo data seeded.
// `pnpm dev`: the same with the API rebuilt on change and the web app on Vite's dev server.
import { requireNode22, root, runOrExit, supervise, waitForHttp } from './lib.mjs';
import { join } from 'node:path';

requireNode22();
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const apiPort = Number(process.env.API_PORT ?? 3001);
const full = Boolean(process.env.DATABASE_URL);
process.env.TURBO_TELEMETRY_DISABLED = '1';

console.log(`Building (${full ? 'full' : 'embedded'} mode)…`);
runOrExit('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/api', '--filter=@partnerships/worker', ...(dev ? [] : ['--filter=@partnerships/web']), '--output-logs=errors-only']);

const env = { PORT: String(port), API_PORT: String(apiPort) };
const children = supervise();
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
  API: http://localhost:${apiPort}/api (docs at /api/docs)${full ? '' : `
  Demo sign-ins (password: partnerships-demo): admin@redbridge.demo.test, admin@ealing.demo.test,
  admin@tower-hamlets.demo.test, head.910001@demo.test, operator@platform.demo.test
  E-mails are written to .data/mail/`}
  Press Ctrl+C to stop.
`);
