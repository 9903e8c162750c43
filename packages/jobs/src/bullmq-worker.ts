import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { type JobHandlers, JobName, parseJobPayload } from './job-names';
import { QUEUE_NAME } from './job-queue';
import { redisConnection } from './redis-connection';

/** Full mode's worker: one BullMQ worker dispatching each job to its single handler. */
export function startBullMqWorker(redisUrl: string, handlers: JobHandlers, logger: Logger, options: { queueName?: string; concurrency?: number } = {}): Worker {
  const worker = new Worker(
    options.queueName ?? QUEUE_NAME,
    async (job) => {
      const name = job.name as JobName;
      if (!(Object.values(JobName) as string[]).includes(name)) throw new Error(`No handler for job ${job.name}`);
      const payload = parseJobPayload(name, job.data);
      await (handlers[name] as (p: unknown, m: { jobId: string; attempt: number }) => Promise<void>)(payload, {
        jobId: job.id ?? '',
        attempt: job.attemptsMade + 1,
      });
    },
    { connection: redisConnection(redisUrl), concurrency: options.concurrency ?? 4 },
  );
  worker.on('completed', (job) => logger.info({ job: job.name, jobId: job.id }, 'job completed'));
  worker.on('failed', (job, err) => logger.warn({ job: job?.name, jobId: job?.id, err }, 'job failed'));
  return worker;
}
