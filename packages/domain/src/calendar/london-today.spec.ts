import { describe, expect, it } from 'vitest';
import { londonDateOfUnix, londonToday } from './london-today';

describe('londonToday', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already the next day in London
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT: still the same day
    ['2026-03-29T00:59:59Z', '2026-03-29'],
  ])('%s is %s in London', (instant, date) => {
    expect(londonToday(new Date(instant))).toBe(date);
  });
  it('reads Stripe timestamps in seconds', () => {
    expect(londonDateOfUnix(Date.UTC(2026, 6, 1, 23, 30) / 1000)).toBe('2026-07-02');
  });
});
