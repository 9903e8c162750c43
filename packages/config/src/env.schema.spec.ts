import { describe, expect, it } from 'vitest';
import { InvalidEnvironmentError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('fills defaults for an empty environment (embedded mode)', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.API_PORT).toBe(3001);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad variable at once, naming each', () => {
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const problems = (error as InvalidEnvironmentError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^REDIS_URL:/m);
    }
  });

  it('refuses production without a database', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });
});
