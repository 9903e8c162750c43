import { describe, expect, it } from 'vitest';
import { apiRounds, apiServerTiming, roundsFromServerTiming, type ApiCall } from './api-rounds.ts';

const call = (start: number, end: number): ApiCall => ({ start, end });

describe('apiRounds', () => {
  it.each<[string, ApiCall[], number]>([
    ['no calls', [], 0],
    ['one call', [call(0, 5)], 1],
    ['parallel calls', [call(0, 5), call(1, 4), call(2, 9)], 1],
    ['a then b', [call(0, 5), call(6, 9)], 2],
    ['b starting the moment a ends', [call(0, 5), call(5, 9)], 2],
    ['the session, then three at once', [call(0, 5), call(6, 10), call(6, 12), call(7, 8)], 2],
    ['the session, the layout and a page that waited for it', [call(0, 5), call(6, 10), call(11, 12)], 3],
    ['a page whose call overlaps the layout but follows the session', [call(0, 5), call(6, 10), call(8, 12)], 2],
    ['mixed: a short chain beside a long call', [call(0, 2), call(3, 4), call(5, 6), call(0, 20)], 3],
    ['order given does not matter', [call(11, 12), call(0, 5), call(6, 10)], 3],
  ])('%s', (_, calls, rounds) => {
    expect(apiRounds(calls)).toBe(rounds);
  });
});

describe('apiServerTiming', () => {
  it('names the calls, the rounds and the span', () => {
    expect(apiServerTiming([call(10, 15), call(16, 22.34), call(16, 20)])).toBe('api;desc="3 calls in 2 rounds";dur=12.3');
    expect(apiServerTiming([call(0, 1)])).toBe('api;desc="1 call in 1 round";dur=1.0');
    expect(apiServerTiming([])).toBe('api;desc="0 calls in 0 rounds";dur=0.0');
  });

  it('reads back', () => {
    expect(roundsFromServerTiming('api;desc="4 calls in 2 rounds";dur=12.3')).toEqual({ calls: 4, rounds: 2 });
    expect(roundsFromServerTiming('x;dur=1, api;desc="1 call in 1 round";dur=1.0')).toEqual({ calls: 1, rounds: 1 });
    expect(roundsFromServerTiming(null)).toBeNull();
  });
});
