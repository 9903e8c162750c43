import { randomUUID } from 'node:crypto';
import { outsideRequestUnit } from '@partnerships/db';
import type { Logger } from 'pino';
import { type JobHandlers, type JobName, type JobPayloads, parseJobPayload } from './job-names';
import { DEFAULT_ATTEMPTS, type EnqueueOptions, type JobQueue } from './job-queue';

/**
 * Embedded mode's queue: the same handlers, run in this process after the request
 * returns, with the same retries and the same de-duplication by job id.
 */
export class InProcessQueue implements JobQueue {
  readonly driver = 'in-process' as const;
  private readonly seen = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly logger: Logger,
    private readonly backoffMs = 200,
  ) {}

  async enqueue<K extends JobName>(name: K, payload: JobPayloads[K], options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new Error('Queue is closed');
    const data = parseJobPayload(name, payload);
    const jobId = options.jobId ?? randomUUID();
    if (this.seen.has(jobId)) return jobId;
    this.seen.add(jobId);
    // Never inside the request's unit of work (ADR 0008): a job is its own work, on committed data.
    const run = outsideRequestUnit(() => this.runWithRetries(name, data, jobId, options.delayMs ?? 0)).finally(() => this.running.delete(run));
    this.running.add(run);
    return jobId;
  }

  private async runWithRetries<K extends JobName>(name: K, data: JobPayloads[K], jobId: string, delayMs: number): Promise<void> {
    if (delayMs) await sleep(delayMs);
    const handler = this.handlers[name] as JobHandlers[K];
    for (let attempt = 1; attempt <= DEFAULT_ATTEMPTS; attempt++) {
      try {
        await handler(data, { jobId, attempt });
        this.logger.info({ job: name, jobId, attempt }, 'job completed');
        return;
      } catch (error) {
        this.logger.warn({ job: name, jobId, attempt, err: error }, 'job failed');
        if (attempt < DEFAULT_ATTEMPTS && !this.closed) await sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  /** Waits for running jobs, so shutdown loses nothing already accepted. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  async health(): Promise<'up'> {
    return 'up';
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
