import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSweepScheduler } from './sweep-scheduler';

describe('startSweepScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('queues once after the first delay, then every interval, until stopped', async () => {
    const at: Date[] = [];
    const stop = startSweepScheduler({ name: 'test', firstAfterMs: 1000, intervalMs: 5000, logger: { warn: vi.fn() } as unknown as Logger, enqueue: async (now) => at.push(now) });
    await vi.advanceTimersByTimeAsync(999);
    expect(at).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(at).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(at).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(at).toHaveLength(3);
  });

  it('logs a failure to queue as a warning naming the sweep, and tries again next time', async () => {
    const warn = vi.fn();
    let calls = 0;
    const stop = startSweepScheduler({
      name: 'offers', firstAfterMs: 10, intervalMs: 100, logger: { warn } as unknown as Logger,
      enqueue: async () => {
        calls += 1;
        throw new Error('redis down');
      },
    });
    await vi.advanceTimersByTimeAsync(110);
    stop();
    expect(calls).toBe(2);
    expect(warn).toHaveBeenCalledWith({ err: expect.any(Error) }, 'could not queue the offers sweep');
  });
});
