import { expect } from 'vitest';

/** Polls `probe` every 100 ms until it gives something truthy, or fails after `timeoutMs` naming what it waited for. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Expects the answer's status (showing the body when it differs) and returns its JSON body, if any. */
export async function json(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? JSON.parse(text) : undefined;
}
