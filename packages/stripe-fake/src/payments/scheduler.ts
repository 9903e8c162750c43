import type { Fake } from '../fake.js';
import type { PendingJob } from '../store/state.js';

/** Work that happens "later" on the fake clock (Bacs clearing, pending refunds…). */
export type JobHandler = (fake: Fake, job: PendingJob) => void;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/**
 * Runs jobs that are due on the fake clock (or every pending job with `all`, or those matching `where`),
 * earliest first. Returns how many ran.
 */
export function runJobs(fake: Fake, options: { all?: boolean; where?: (job: PendingJob) => boolean } = {}): number {
  let ran = 0;
  for (;;) {
    const now = fake.now();
    const due = fake.store
      .jobs()
      .filter((job) => (options.where ? options.where(job) : options.all || job.due <= now))
      .sort((a, b) => a.due - b.due)[0];
    if (!due) return ran;
    fake.store.removeJob(due.id);
    const handler = handlers.get(due.kind);
    if (handler) handler(fake, due);
    ran++;
  }
}
