/** One API call made while rendering a page: when it started and ended (performance.now()). */
export interface ApiCall {
  start: number;
  end: number;
}

/**
 * How many rounds of API calls a page render took: the longest chain of calls in which each
 * started only after the one before it had ended. Calls that overlap count as one round, so
 * a page that asks for everything at once after the session is 2 rounds (the session, then
 * the rest); each `await` that waits for one answer before asking the next adds a round.
 */
export function apiRounds(calls: readonly ApiCall[]): number {
  const sorted = [...calls].sort((a, b) => a.end - b.end || a.start - b.start);
  const chain: number[] = [];
  let longest = 0;
  for (let i = 0; i < sorted.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.end <= sorted[i]!.start && chain[j]! > before) before = chain[j]!;
    }
    chain[i] = before + 1;
    if (chain[i]! > longest) longest = chain[i]!;
  }
  return longest;
}

/** The Server-Timing entry for a page's API calls, e.g. `api;desc="4 calls in 2 rounds";dur=12.3`. */
export function apiServerTiming(calls: readonly ApiCall[]): string {
  const rounds = apiRounds(calls);
  const span = calls.length ? Math.max(...calls.map((c) => c.end)) - Math.min(...calls.map((c) => c.start)) : 0;
  const noun = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `api;desc="${noun(calls.length, 'call')} in ${noun(rounds, 'round')}";dur=${span.toFixed(1)}`;
}

/** The rounds figure back out of a Server-Timing header (for tests and benchmarks); null when absent. */
export function roundsFromServerTiming(header: string | null | undefined): { calls: number; rounds: number } | null {
  const match = /api;desc="(\d+) calls? in (\d+) rounds?"/.exec(header ?? '');
  return match ? { calls: Number(match[1]), rounds: Number(match[2]) } : null;
}
