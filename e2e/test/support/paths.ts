import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const API_MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const WORKER_MAIN = join(ROOT, 'apps', 'worker', 'dist', 'main.js');
export const WEB_MAIN = join(ROOT, 'apps', 'web', 'build', 'index.js');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/6';
