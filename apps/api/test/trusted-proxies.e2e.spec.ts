import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 13: the API believed X-Forwarded-For from anyone, so one client could claim a new
// address on every request and walk around every per-address limit. Now only the proxies named
// in TRUSTED_PROXIES are believed.
let direct: TestApp;
let behindProxy: TestApp;
beforeAll(async () => {
  direct = await startTestApp('proxies_direct', { trustedProxies: null });
  behindProxy = await startTestApp('proxies_behind', { trustedProxies: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await direct?.close();
  await behindProxy?.close();
});

const failSignIn = (t: TestApp, i: number) =>
  fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
    body: JSON.stringify({ email: `spoofer.${i}@nowhere.test`, password: 'wrong-password' }),
  }).then((res) => res.status);

/**
 * One client spends an address's free failures (25: five times LOGIN_RATE_LIMIT), each naming a
 * new account and claiming a new address, then sends five more at once. Where all of them count
 * against one address they are slowed down, and a client with three attempts already waiting is
 * refused (429); where each claimed address counts apart, none is.
 */
async function burstAfterFailures(t: TestApp): Promise<number[]> {
  for (let i = 0; i < 26; i++) expect(await failSignIn(t, i)).toBe(401);
  return Promise.all([26, 27, 28, 29, 30].map((i) => failSignIn(t, i)));
}

describe('client addresses', () => {
  it('does not believe X-Forwarded-For when no proxy is configured: the connecting address is slowed down', async () => {
    const statuses = await burstAfterFailures(direct);
    expect(statuses).toContain(429);
  }, 60_000);

  it('believes X-Forwarded-For from a configured proxy: each claimed address counts apart', async () => {
    const statuses = await burstAfterFailures(behindProxy);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  }, 60_000);

  it('refuses an unknown TRUSTED_PROXIES entry at start', async () => {
    const { parseEnv } = await import('@partnerships/config');
    expect(() => parseEnv({ TRUSTED_PROXIES: 'everyone!' })).toThrow(/TRUSTED_PROXIES/);
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.0/8, loopback' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', 'loopback']);
  });
});
