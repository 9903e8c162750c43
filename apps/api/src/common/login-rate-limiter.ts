/**
 * Failed sign-ins per IP address and per e-mail address in a sliding window.
 * In-memory, so per API process: behind a load balancer, put a shared limit at the edge
 * too (docs/architecture.md). A successful sign-in clears the e-mail's count.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

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
