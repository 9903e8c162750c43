import type { Logger } from 'pino';

export interface SweepSchedule {
  /** The sweep's name in the warning when it cannot be queued ("could not queue the <name> sweep"). */
  name: string;
  /** The first tick, this long after start (lets the process settle first). */
  firstAfterMs: number;
  intervalMs: number;
  /** Queues the sweep for this moment, with a job id that carries the period so several processes queue it once. */
  enqueue: (now: Date) => Promise<unknown>;
  logger: Logger;
}

/**
 * Queues a sweep on a timer: once after `firstAfterMs`, then every `intervalMs`. The timers do not
 * keep the process alive; a failure to queue is logged as a warning and tried again next tick.
 * Returns the function that stops it.
 */
export function startSweepScheduler({ name, firstAfterMs, intervalMs, enqueue, logger }: SweepSchedule): () => void {
  const tick = () => {
    enqueue(new Date()).catch((error: unknown) => logger.warn({ err: error }, `could not queue the ${name} sweep`));
  };
  const first = setTimeout(tick, firstAfterMs);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
