import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullMqQueue, createJobHandlers, createMailer, InProcessQueue, JobName, startBullMqWorker, startSmtpCapture } from '../src';

const logger = pino({ level: 'silent' });
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.stop();
});

const invitation = (to: string) => ({
  template: 'invitation' as const,
  to,
  data: { partnershipName: 'Redbridge Education Partnership', role: 'Officer', link: 'http://localhost:3000/invitations/accept?token=abc', invitedBy: 'Redbridge Admin' },
});

describe('in-process queue (embedded mode)', () => {
  it('runs the mail job through the same handler and sends the mail', async () => {
    const handlers = createJobHandlers({ mailer: createMailer({ smtpUrl: smtp.url, from: 'test@partnerships.test', mailDir: '/tmp', logger }) });
    const queue = new InProcessQueue(handlers, logger);
    await queue.enqueue(JobName.SendMail, invitation('one@school.test'));
    await queue.drain();
    const mail = await smtp.waitFor((m) => m.to.includes('one@school.test'));
    expect(mail.raw).toMatch(/Subject: You are invited to join Redbridge Education Partnership/);
  });

  it('treats a repeated job id as a no-op', async () => {
    let runs = 0;
    const queue = new InProcessQueue({ [JobName.SendMail]: async () => void runs++ }, logger);
    await queue.enqueue(JobName.SendMail, invitation('two@school.test'), { jobId: 'same' });
    await queue.enqueue(JobName.SendMail, invitation('two@school.test'), { jobId: 'same' });
    await queue.drain();
    expect(runs).toBe(1);
  });

  it('retries a failing handler', async () => {
    let attempts = 0;
    const queue = new InProcessQueue({ [JobName.SendMail]: async () => { if (++attempts < 3) throw new Error('smtp down'); } }, logger, 1);
    await queue.enqueue(JobName.SendMail, invitation('three@school.test'));
    await queue.drain();
    expect(attempts).toBe(3);
  });

  it('refuses an invalid payload before queueing, naming the field', async () => {
    const queue = new InProcessQueue({ [JobName.SendMail]: async () => {} }, logger);
    await expect(queue.enqueue(JobName.SendMail, { ...invitation('not-an-email'), to: 'not-an-email' })).rejects.toThrow(/to:/);
  });
});

describe('BullMQ queue (full mode) on the real Redis', () => {
  it('delivers a job to the worker, which sends the mail, once per job id', async () => {
    const queueName = `test-${Date.now()}`;
    const queue = new BullMqQueue(redisUrl, queueName);
    expect(await queue.health()).toBe('up');
    const handlers = createJobHandlers({ mailer: createMailer({ smtpUrl: smtp.url, from: 'test@partnerships.test', mailDir: '/tmp', logger }) });
    const worker = startBullMqWorker(redisUrl, handlers, logger, { queueName });
    try {
      await queue.enqueue(JobName.SendMail, invitation('bull@school.test'), { jobId: 'invite-1' });
      await queue.enqueue(JobName.SendMail, invitation('bull@school.test'), { jobId: 'invite-1' });
      await smtp.waitFor((m) => m.to.includes('bull@school.test'));
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.messages.filter((m) => m.to.includes('bull@school.test'))).toHaveLength(1);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
