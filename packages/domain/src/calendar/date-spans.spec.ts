import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, daysInPeriod, periodEndAfterMonths, wholeMonthsBetween } from './date-spans';
import { compareDates, fromDayNumber, toDayNumber } from './iso-date';

const anyDate = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);

describe('days between dates', () => {
  it('counts calendar days, ignoring clock changes', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2); // over the spring clock change
    expect(daysBetween('2025-09-01', '2025-08-31')).toBe(-1);
  });

  it.each([
    ['2025-09-01', '2026-08-31', 365],
    ['2023-09-01', '2024-08-31', 366],
    ['2017-04-01', '2017-08-31', 153],
    ['2025-09-01', '2025-09-01', 1],
  ])('counts both ends from %s to %s: %i days', (start, end, days) => expect(daysInPeriod(start, end)).toBe(days));

  it('refuses a period that ends before it starts', () => expect(() => daysInPeriod('2025-09-02', '2025-09-01')).toThrow(/before it starts/));
});

describe('whole months', () => {
  it.each([
    ['2025-09-01', '2026-08-31', 12],
    ['2025-09-01', '2026-03-31', 7],
    ['2026-04-01', '2026-08-31', 5],
    ['2017-04-01', '2017-08-31', 5],
    ['2025-09-15', '2025-10-14', 1],
    ['2025-09-15', '2025-10-13', 0],
    ['2025-01-31', '2025-02-28', 1],
    ['2024-02-29', '2025-02-28', 12],
    ['2025-09-01', '2025-09-01', 0],
  ])('finds the complete months from %s to %s: %i', (start, end, months) => expect(wholeMonthsBetween(start, end)).toBe(months));

  it.each([
    ['2025-09-01', 12, '2026-08-31'],
    ['2025-01-15', 12, '2026-01-14'],
    ['2025-03-01', 1, '2025-03-31'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-03-01', 12, '2025-02-28'],
    ['2025-09-01', 0, '2025-08-31'],
  ])('ends a period starting %s of %i months on %s', (start, months, end) => expect(periodEndAfterMonths(start, months)).toBe(end));

  it('agrees with periodEndAfterMonths: the period of N months holds exactly N whole months', () =>
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (start, months) => wholeMonthsBetween(start, periodEndAfterMonths(start, months)) === months),
    ));

  it('never ends a period of one month or more before it starts', () =>
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (start, months) => compareDates(periodEndAfterMonths(start, months), start) >= 0)));
});
