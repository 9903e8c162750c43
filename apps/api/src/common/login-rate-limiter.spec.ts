import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('allows attempts up to the limit, then asks to wait until the window passes', () => {
    const limiter = new LoginRateLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter(['ip:1'], 1000 + i)).toBe(0);
      limiter.fail(['ip:1'], 1000 + i);
    }
    expect(limiter.retryAfter(['ip:1'], 2000)).toBe(59);
    expect(limiter.retryAfter(['ip:1'], 61_001)).toBe(0);
  });

  it('clears an e-mail address after a successful sign-in', () => {
    const limiter = new LoginRateLimiter(1);
    limiter.fail(['email:a']);
    limiter.clear('email:a');
    expect(limiter.retryAfter(['email:a'])).toBe(0);
  });
});

describe('LoginRateLimiter.keys', () => {
  it('gives an address five times the allowance of one e-mail address', () => {
    const limiter = new LoginRateLimiter(2);
    const keys = LoginRateLimiter.keys('10.0.0.1', 'a@school.test');
    limiter.fail(keys);
    limiter.fail(keys);
    expect(limiter.retryAfter(keys)).toBeGreaterThan(0);
    const other = LoginRateLimiter.keys('10.0.0.1', 'b@school.test');
    for (let i = 0; i < 8; i++) limiter.fail(other.slice(0, 1));
    expect(limiter.retryAfter(LoginRateLimiter.keys('10.0.0.1', 'c@school.test'))).toBeGreaterThan(0);
  });
});

describe('LoginRateLimiter slowdown (issue 13: no lock-out)', () => {
  const options = { baseMs: 100, maxMs: 1000, maxWaitingPerClient: 2 };

  it('is free for the first failures, then doubles per failure up to the ceiling', () => {
    const limiter = new LoginRateLimiter(3, 60_000, options);
    const keys = LoginRateLimiter.keys('10.0.0.1', 'a@school.test');
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      delays.push(limiter.delayMs(keys, 1000 + i));
      limiter.fail(keys, 1000 + i);
    }
    expect(delays).toEqual([0, 0, 0, 100, 200, 400, 800, 1000, 1000, 1000]);
    expect(limiter.delayMs(keys, 61_100)).toBe(0);
  });

  it('slows another client signing in to the attacked address but never refuses it', async () => {
    const limiter = new LoginRateLimiter(1, 60_000, { baseMs: 5, maxMs: 20, maxWaitingPerClient: 1 });
    for (let i = 0; i < 20; i++) limiter.fail(LoginRateLimiter.keys('203.0.113.7', 'head@school.test'));
    const outcome = await limiter.slowed('ip:10.0.0.1', LoginRateLimiter.keys('10.0.0.1', 'head@school.test'), async () => 'signed in');
    expect(outcome).toEqual({ refused: false, value: 'signed in' });
  });

  it('refuses a client that sends slowed attempts in parallel beyond its allowance', async () => {
    const limiter = new LoginRateLimiter(1, 60_000, options);
    const keys = LoginRateLimiter.keys('203.0.113.7', 'head@school.test');
    limiter.fail(keys);
    const outcomes = await Promise.all([1, 2, 3].map(() => limiter.slowed('ip:203.0.113.7', keys, async () => 'tried')));
    expect(outcomes.filter((o) => o.refused)).toHaveLength(1);
    // Someone else is not held up by that client's queue.
    expect(await limiter.slowed('ip:10.0.0.1', LoginRateLimiter.keys('10.0.0.1', 'head@school.test'), async () => 'ok')).toEqual({ refused: false, value: 'ok' });
  });
});

describe('LoginRateLimiter memory', () => {
  it('forgets keys whose failures have all expired', () => {
    const limiter = new LoginRateLimiter(3, 1000);
    for (let i = 0; i < 1000; i++) limiter.fail([`email:${i}@x.test`], 0);
    limiter.fail(['email:late@x.test'], 5000);
    const failures = (limiter as unknown as { failures: Map<string, number[]> }).failures;
    for (let i = 0; i < 999; i++) limiter.fail(['email:late@x.test'], 5000);
    expect(failures.size).toBe(1);
  });
});
