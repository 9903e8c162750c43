import type { JobName, JobPayloads } from './job-names';

export interface EnqueueOptions {
  /** Derived from the entity and period so that a repeat is a no-op. */
  jobId?: string;
  delayMs?: number;
}

/** The queue driver: BullMQ in full mode, in-process in embedded mode. */
export interface JobQueue {
  readonly driver: 'bullmq' | 'in-process';
  enqueue<K extends JobName>(name: K, payload: JobPayloads[K], options?: EnqueueOptions): Promise<string>;
  health(): Promise<'up' | 'down'>;
  close(): Promise<void>;
}

export const QUEUE_NAME = 'partnerships';
export const DEFAULT_ATTEMPTS = 5;
