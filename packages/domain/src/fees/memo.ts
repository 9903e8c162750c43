/**
 * A small bounded cache for values that depend only on a schedule's dates
 * (which days are charged, how they split across a school's financial year,
 * the wording of those days). Quoting a borough asks the same questions
 * thousands of times, so the answer is worked out once and shared; the key
 * is built from the values themselves, never from object identity, so a
 * schedule edited in place can never be answered from a stale entry. The
 * cache is simply emptied when full, which keeps a long-running server's
 * memory bounded.
 */
export function boundedMemo<V>(limit: number): (key: string, make: () => V) => V {
  const cache = new Map<string, V>();
  return (key, make) => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    if (cache.size >= limit) cache.clear();
    const value = make();
    cache.set(key, value);
    return value;
  };
}
