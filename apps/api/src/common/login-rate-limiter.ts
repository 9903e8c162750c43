/** How sign-in attempts are slowed down after failures. */
export interface SlowdownOptions {
  /** The first delay, once a key's free failures are spent; each further failure doubles it. */
  baseMs: number;
  /** No single attempt waits longer than this, however many failures: nobody is ever locked out. */
  maxMs: number;
  /** A client (IP address) with this many attempts already waiting is refused (a flood, not a person). */
  maxWaitingPerClient: number;
}

export const DEFAULT_SLOWDOWN: SlowdownOptions = { baseMs: 250, maxMs: 10_000, maxWaitingPerClient: 3 };

/**
 * Failed sign-ins per IP address and per e-mail address in a sliding window.
 * In-memory, so per API process: behind a load balancer, put a shared limit at the edge
 * too (docs/architecture.md). A successful sign-in clears the e-mail's count.
 *
 * Sign-in uses `delayMs`: once a key's free failures are spent, every attempt through it waits,
 * twice as long after each further failure, up to `maxMs`, and is then judged on its password.
 * So wrong passwords typed by someone else slow a school's sign-in down but never refuse the
 * right one (a lock-out would let anyone shut a school out of its account with ten guesses).
 * Sign-up and partnership creation use `retryAfter` (a hard window; see AttemptLimiter).
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly waiting = new Map<string, number>();
  private failsSinceSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly slowdown: SlowdownOptions = DEFAULT_SLOWDOWN,
  ) {}

  /**
   * How long the next attempt through these keys must wait: 0 while each key has fewer recent
   * failures than `limit` times its allowance, then `baseMs` doubled per failure beyond, at most `maxMs`.
   */
  delayMs(keys: { key: string; limit: number }[], now = Date.now()): number {
    let delay = 0;
    for (const { key, limit } of keys) {
      const beyond = this.recent(key, now).length - this.limit * limit;
      if (beyond >= 0) delay = Math.max(delay, Math.min(this.slowdown.maxMs, this.slowdown.baseMs * 2 ** Math.min(beyond, 30)));
    }
    return delay;
  }

  /**
   * Waits out the delay for these keys, then runs the attempt. A client that already has
   * `maxWaitingPerClient` attempts waiting gets false (and nothing runs): attempts sent in
   * parallel would otherwise all wait side by side and escape the slowdown.
   */
  async slowed<T>(client: string, keys: { key: string; limit: number }[], attempt: () => Promise<T>): Promise<{ refused: true } | { refused: false; value: T }> {
    const delay = this.delayMs(keys);
    if (delay === 0) return { refused: false, value: await attempt() };
    const waiting = this.waiting.get(client) ?? 0;
    if (waiting >= this.slowdown.maxWaitingPerClient) return { refused: true };
    this.waiting.set(client, waiting + 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, delay));
    } finally {
      const left = (this.waiting.get(client) ?? 1) - 1;
      if (left <= 0) this.waiting.delete(client);
      else this.waiting.set(client, left);
    }
    return { refused: false, value: await attempt() };
  }

  /** An address may serve a whole school office: it gets five times an e-mail address's allowance. */
  static keys(ip: string, email: string): { key: string; limit: number }[] {
    return [
      { key: `ip:${ip}`, limit: 5 },
      { key: `email:${email}`, limit: 1 },
    ];
  }

  /** Seconds to wait, or 0 when another attempt is allowed. */
  retryAfter(keys: (string | { key: string; limit: number })[], now = Date.now()): number {
    let wait = 0;
    for (const entry of keys) {
      const { key, limit } = typeof entry === 'string' ? { key: entry, limit: 1 } : entry;
      const recent = this.recent(key, now);
      if (recent.length >= this.limit * limit) wait = Math.max(wait, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: (string | { key: string })[], now = Date.now()): void {
    // Keys are cheap to invent (any e-mail address): forget the ones whose failures have all expired.
    if (++this.failsSinceSweep >= 1000) {
      this.failsSinceSweep = 0;
      for (const [key, times] of this.failures) if (times.every((t) => t <= now - this.windowMs)) this.failures.delete(key);
    }
    for (const entry of keys) {
      const key = typeof entry === 'string' ? entry : entry.key;
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
