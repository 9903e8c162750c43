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
