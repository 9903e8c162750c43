import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, compareDates, formatUkDate, fromDayNumber, isValidIsoDate, toDayNumber } from './iso-date';
import { dayOfWeek, lastWeekdayOnOrBefore, weekdayOnOrAfter, weekdayOnOrBefore } from './weekdays';

const anyDate = fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2150-12-31') }).map(fromDayNumber);

describe('ISO calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '1900-01-01', '2999-12-31'])('accepts the real date %s', (date) =>
    expect(isValidIsoDate(date)).toBe(true),
  );
  it.each(['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-01', '25-01-01', '0225-09-01', '2025-09-01T00:00', 20250901, null])(
    'rejects %s',
    (date) => expect(isValidIsoDate(date)).toBe(false),
  );

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2025-09-01', 20332],
  ])('numbers %s as day %i since 1 January 1970', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  it('round-trips every day number back to the same date', () =>
    fc.assert(fc.property(anyDate, (date) => fromDayNumber(toDayNumber(date)) === date)));

  it('moves by days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-09-15', 12, '2026-09-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
  ])('adds months to %s (+%i) keeping within short months: %s', (date, months, expected) =>
    expect(addMonthsClamped(date, months)).toBe(expected),
  );

  it('compares dates in calendar order', () => {
    expect(compareDates('2025-09-01', '2025-10-01')).toBe(-1);
    expect(compareDates('2025-09-01', '2025-09-01')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
  });

  it('refuses to compare something that is not a date', () => expect(() => compareDates('2025-02-30', '2025-03-01')).toThrow(RangeError));

  it('writes dates the way schools read them', () => {
    expect(formatUkDate('2027-08-31')).toBe('31 August 2027');
    expect(formatUkDate('2016-12-01')).toBe('1 December 2016');
  });
});

describe('weekdays', () => {
  it.each([
    ['1970-01-01', 4],
    ['2025-09-01', 1],
    ['2024-09-01', 0],
    ['2026-04-05', 0],
  ])('knows %s is weekday %i (0 = Sunday)', (date, weekday) => expect(dayOfWeek(date)).toBe(weekday));

  it('finds the next and previous given weekday, counting the day itself', () => {
    expect(weekdayOnOrAfter('2025-09-01', 3)).toBe('2025-09-03');
    expect(weekdayOnOrAfter('2025-09-03', 3)).toBe('2025-09-03');
    expect(weekdayOnOrBefore('2025-10-31', 1)).toBe('2025-10-27');
  });

  it('steps back from a weekend to the Friday', () => {
    expect(lastWeekdayOnOrBefore('2025-12-20')).toBe('2025-12-19');
    expect(lastWeekdayOnOrBefore('2025-12-21')).toBe('2025-12-19');
    expect(lastWeekdayOnOrBefore('2023-12-20')).toBe('2023-12-20');
  });
});
