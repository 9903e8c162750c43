import { createHash } from 'node:crypto';

/**
 * A small least-recently-used map for the fee preview (issue 14). The fee editor asks for the
 * same preview on every render, and pricing every member school again each time is what made
 * it slow at 10,000 members. Entries are found only by a key built from everything the answer
 * depends on (the schedule's document, the previous period's, and the version of the members'
 * data read in the same request), never by time, so a change to any of them is a different key
 * and the next request works the answer out afresh; old entries simply fall out. Bounded, so a
 * long-running server's memory stays bounded. Per process: each API process keeps its own.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A short, stable digest of a JSON value (a schedule's document), for a cache key. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
