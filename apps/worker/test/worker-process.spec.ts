import { join } from 'node:path';
import { createDataSource, createFreshDatabase, dropDatabase, migrate } from '@partnerships/db';
import { BullMqQueue, JobName, runProcess, startSmtpCapture } from '@partnerships/jobs';
import { describe, expect, it } from 'vitest';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
const main = join(__dirname, '..', 'dist', 'main.js');

const run = (env: Record<string, string>) => runProcess(main, env);

describe('worker process', () => {
  it('refuses to start with a bad configuration, listing every problem', async () => {
    const worker = run({ DATABASE_URL: 'mysql://nope', REDIS_URL: 'not-a-url', LOG_LEVEL: 'loud' });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/DATABASE_URL/);
    expect(worker.output()).toMatch(/REDIS_URL/);
    expect(worker.output()).toMatch(/LOG_LEVEL/);
  });

  it('sends queued mail, then stops cleanly on SIGTERM', async () => {
    const databaseUrl = await createFreshDatabase('partnerships_test_worker');
    const smtp = await startSmtpCapture();
    const worker = run({ DATABASE_URL: databaseUrl, REDIS_URL, SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    const queue = new BullMqQueue(REDIS_URL);
    try {
      await queue.enqueue(JobName.SendMail, {
        template: 'password-reset',
        to: 'worker-test@school.test',
        data: { name: 'Worker Test', link: 'http://localhost:3000/reset-password?token=abc' },
      });
      const mail = await smtp.waitFor((m) => m.to.includes('worker-test@school.test'), 20_000);
      expect(mail.raw).toMatch(/Reset your password/);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toMatch(/"msg":"worker started"/);
      expect(worker.output()).toMatch(/shutting down/);
    } finally {
      worker.child.kill('SIGKILL');
      await queue.close();
      await smtp.stop();
      await dropDatabase(databaseUrl);
    }
  });

  // Issue 13: on the first `pnpm start` in full mode the API and the worker start together on an
  // empty database; the worker used to start at once against tables that were not there yet.
  it('waits for the migrations on an empty database, saying so, then starts', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `partnerships_test_worker_empty_${process.pid}`;
    const admin = createDataSource({ url: adminUrl, embedded: false });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const worker = run({ DATABASE_URL: databaseUrl, REDIS_URL, LOG_LEVEL: 'info', NODE_ENV: 'test' });
    try {
      await expect.poll(() => worker.output(), { timeout: 20_000, interval: 200 }).toMatch(/waiting for the API to apply \d+ database migration/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output()).not.toMatch(/worker started/);
      await migrate({ url: databaseUrl, embedded: false });
      await expect.poll(() => worker.output(), { timeout: 20_000, interval: 200 }).toMatch(/"msg":"worker started"/);
      expect(worker.output()).toMatch(/database migrations are in place/);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill('SIGKILL');
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    }
  });
});
