import { AppError } from './app-error';
import { LoginRateLimiter } from './login-rate-limiter';

/**
 * Sliding-window limits for sign-up and for creating partnerships, in memory per API process
 * like the sign-in limiter (docs/architecture.md): behind several processes, add a limit at
 * the load balancer too. Every attempt counts, successful or not.
 */
export class AttemptLimiter {
  private readonly windows: LoginRateLimiter;

  constructor(
    private readonly perKey: number,
    windowMs: number,
    private readonly what: string,
  ) {
    this.windows = new LoginRateLimiter(perKey, windowMs);
  }

  /** Counts one attempt against every key, or throws 429 (with Retry-After's figure in the message) when one is spent. */
  attempt(keys: { key: string; limit: number }[]): void {
    const wait = this.windows.retryAfter(keys);
    if (wait > 0) {
      const minutes = Math.max(1, Math.ceil(wait / 60));
      throw new AppError('rate_limited', 429, `Too many ${this.what} from here. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
    }
    this.windows.fail(keys);
  }
}

const HOUR = 60 * 60 * 1000;

/** Three sign-ups an hour per e-mail address; an IP address (a school office, say) gets five times that. */
export const signupLimiter = () => new AttemptLimiter(3, HOUR, 'sign-up attempts');
export const signupKeys = (ip: string, email: string) => [
  { key: `ip:${ip}`, limit: 5 },
  { key: `email:${email}`, limit: 1 },
];

/** Ten attempts an hour per person to create a partnership; five times that per IP address. */
export const tenantCreationLimiter = () => new AttemptLimiter(10, HOUR, 'attempts to create a partnership');
export const tenantCreationKeys = (ip: string, userId: string) => [
  { key: `ip:${ip}`, limit: 5 },
  { key: `user:${userId}`, limit: 1 },
];
