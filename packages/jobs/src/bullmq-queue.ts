import { Queue } from 'bullmq';
import { type JobName, type JobPayloads, parseJobPayload } from './job-names';
import { DEFAULT_ATTEMPTS, type EnqueueOptions, type JobQueue, QUEUE_NAME } from './job-queue';
import { redisConnection } from './redis-connection';

/** Full mode's queue: BullMQ on Redis; an existing job id makes a repeat a no-op. */
export class BullMqQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly queue: Queue;

  constructor(redisUrl: string, queueName = QUEUE_NAME) {
    this.queue = new Queue(queueName, {
      connection: redisConnection(redisUrl),
      defaultJobOptions: { attempts: DEFAULT_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
    });
  }

  async enqueue<K extends JobName>(name: K, payload: JobPayloads[K], options: EnqueueOptions = {}): Promise<string> {
    const data = parseJobPayload(name, payload);
    const job = await this.queue.add(name, data, { jobId: options.jobId, delay: options.delayMs });
    return job.id ?? options.jobId ?? '';
  }

  async health(): Promise<'up' | 'down'> {
    try {
      await Promise.race([
        this.queue.getJobCounts('waiting'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
