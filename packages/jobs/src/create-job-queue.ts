import type { Logger } from 'pino';
import { BullMqQueue } from './bullmq-queue';
import { InProcessQueue } from './in-process-queue';
import type { JobHandlers } from './job-names';
import type { JobQueue } from './job-queue';

/** With REDIS_URL: BullMQ (a separate worker process runs the handlers); without: in-process. */
export function createJobQueue(options: { redisUrl?: string; queueName?: string; handlers: JobHandlers; logger: Logger }): JobQueue {
  return options.redisUrl ? new BullMqQueue(options.redisUrl, options.queueName) : new InProcessQueue(options.handlers, options.logger);
}
