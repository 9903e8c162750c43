import { describe, expect, it } from 'vitest';
import { typicalTermDates, type HalfTerm } from './term-dates';
import { endOfTerm, halfTermOf, termDatesForYear } from './term-lookup';

/** Tower Hamlets-style published dates for 2025-26, differing from the typical ones. */
const published: HalfTerm[] = [
  { name: 'Autumn 1', start: '2025-09-02', end: '2025-10-17' },
  { name: 'Autumn 2', start: '2025-10-27', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-21' },
];

describe('halfTermOf', () => {
  it.each([
    ['2025-09-02', 'Autumn 1'],
    ['2025-10-17', 'Autumn 1'],
    ['2025-10-20', undefined],
    ['2025-10-27', 'Autumn 2'],
    ['2025-12-25', undefined],
    ['2026-03-01', 'Spring 2'],
    ['2026-04-06', undefined],
    ['2026-07-21', 'Summer 2'],
    ['2026-08-15', undefined],
  ])('puts %s in %s using published dates', (date, name) => expect(halfTermOf(date, published)?.name).toBe(name));

  it('uses typical dates for the academic year when none are given', () => {
    expect(halfTermOf('2024-03-25')).toBeUndefined(); // Holy Week 2024
    expect(halfTermOf('2024-03-22')?.name).toBe('Spring 2');
    expect(halfTermOf('2025-04-14')).toBeUndefined(); // Holy Week 2025
    expect(halfTermOf('2025-04-28')?.name).toBe('Summer 1');
    expect(halfTermOf('2027-03-22')).toBeUndefined();
  });

  it('hands back a copy, so editing the answer cannot change the calendar', () => {
    const found = halfTermOf('2025-09-10', published)!;
    found.end = '2099-01-01';
    expect(published[0]!.end).toBe('2025-10-17');
  });
});

describe('endOfTerm', () => {
  it.each([
    ['autumn', '2025-12-19'],
    ['spring', '2026-03-27'],
    ['summer', '2026-07-21'],
  ] as const)('ends the %s term of 2025-26 on %s from published dates', (term, date) => expect(endOfTerm(term, 2025, published)).toBe(date));

  it.each([
    [2023, 'autumn', '2023-12-20'],
    [2023, 'spring', '2024-03-22'],
    [2024, 'spring', '2025-04-11'],
    [2026, 'spring', '2027-03-19'],
    [2026, 'summer', '2027-07-22'],
  ] as const)('ends %i %s term on %s from typical dates', (year, term, date) => expect(endOfTerm(term, year, [])).toBe(date));

  it('falls back to typical dates for years the published list does not cover', () => expect(endOfTerm('autumn', 2026, published)).toBe('2026-12-18'));
});

describe('termDatesForYear', () => {
  it('says where the dates came from', () => {
    expect(termDatesForYear(2025, published).source).toBe('partnership');
    expect(termDatesForYear(2026, published).source).toBe('typical');
    expect(termDatesForYear(2025, published.slice(0, 2)).source).toBe('mixed');
  });

  it('fills the half terms an admin has not entered yet from typical dates', () =>
    expect(termDatesForYear(2025, published.slice(0, 2)).halfTerms).toEqual([...published.slice(0, 2), ...typicalTermDates(2025).slice(2)]));
});
