import { describe, expect, it } from 'vitest';
import { digestOf, LruCache } from './preview-cache';

describe('LruCache (the fee preview’s kept totals)', () => {
  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a key’s value without growing', () => {
    const cache = new LruCache<string>(2);
    cache.set('a', 'old');
    cache.set('a', 'new');
    expect(cache.get('a')).toBe('new');
    expect(cache.size).toBe(1);
  });
});

describe('digestOf', () => {
  it('is the same for the same document and differs for any change to it', () => {
    const document = { name: 'Fees', components: [{ kind: 'per-pupil', ratePence: 500 }] };
    expect(digestOf(document)).toBe(digestOf(structuredClone(document)));
    expect(digestOf({ ...document, components: [{ kind: 'per-pupil', ratePence: 501 }] })).not.toBe(digestOf(document));
  });
});
