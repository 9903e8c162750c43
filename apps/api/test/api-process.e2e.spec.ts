import { createServer } from 'node:net';
import { join } from 'node:path';
import { createFreshDatabase, dropDatabase } from '@partnerships/db';
import { runProcess } from '@partnerships/jobs';
import { describe, expect, it } from 'vitest';
import { TEST_PG_URL, TEST_REDIS_URL } from './support/services';

const main = join(__dirname, '..', 'dist', 'main.js');

const run = (env: Record<string, string>) => runProcess(main, env);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the API process', () => {
  it('refuses to start with bad configuration, listing every problem and no secret', async () => {
    const api = run({ API_PORT: 'seventy', DATABASE_URL: 'mysql://root:hunter2@db/x', SMTP_URL: 'nope' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(/API_PORT/);
    expect(api.output()).toMatch(/DATABASE_URL/);
    expect(api.output()).toMatch(/SMTP_URL/);
    expect(api.output()).not.toMatch(/hunter2/);
  });

  it('serves health with JSON logs and a request id, then stops cleanly on SIGTERM', async () => {
    const databaseUrl = await createFreshDatabase('partnerships_test_api_process', TEST_PG_URL);
    const port = await freePort();
    const api = run({ DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, QUEUE_NAME: `api-process-${process.pid}`, API_PORT: String(port), LOG_LEVEL: 'info' });
    try {
      let res: Response | undefined;
      for (let i = 0; i < 100 && !res; i++) {
        res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-request-id': 'test-request-0001' } }).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 200));
      }
      expect(res?.status).toBe(200);
      expect(res?.headers.get('x-request-id')).toBe('test-request-0001');
      const line = api.output().split('\n').find((l) => l.includes('test-request-0001'));
      expect(JSON.parse(line!)).toMatchObject({ reqId: 'test-request-0001', service: 'api' });
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      expect(api.output()).toMatch(/shutting down/);
    } finally {
      api.child.kill('SIGKILL');
      await dropDatabase(databaseUrl);
    }
  });
});
