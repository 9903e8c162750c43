import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter';
import { addDays, compareDates } from './iso-date';
import { termDateProblems, termOfHalfTerm, typicalTermDates, type HalfTerm } from './term-dates';

/** The refusals' sentences, in order. */
const sentences = (refusals: { message: string }[]) => refusals.map((r) => r.message);
import { dayOfWeek } from './weekdays';

const dates = (terms: HalfTerm[]) => terms.map((term) => [term.name, term.start, term.end]);

describe('typical term dates', () => {
  it('lays out 2023-24 with Easter on 31 March 2024', () =>
    expect(dates(typicalTermDates(2023))).toEqual([
      ['Autumn 1', '2023-09-06', '2023-10-27'],
      ['Autumn 2', '2023-11-06', '2023-12-20'],
      ['Spring 1', '2024-01-04', '2024-02-09'],
      ['Spring 2', '2024-02-19', '2024-03-22'],
      ['Summer 1', '2024-04-08', '2024-05-24'],
      ['Summer 2', '2024-06-03', '2024-07-22'],
    ]));

  it('lays out 2024-25 with Easter on 20 April 2025', () =>
    expect(dates(typicalTermDates(2024))).toEqual([
      ['Autumn 1', '2024-09-04', '2024-10-25'],
      ['Autumn 2', '2024-11-04', '2024-12-20'],
      ['Spring 1', '2025-01-06', '2025-02-14'],
      ['Spring 2', '2025-02-24', '2025-04-11'],
      ['Summer 1', '2025-04-28', '2025-05-23'],
      ['Summer 2', '2025-06-02', '2025-07-22'],
    ]));

  it('lays out 2025-26 with Easter on 5 April 2026', () =>
    expect(dates(typicalTermDates(2025))).toEqual([
      ['Autumn 1', '2025-09-03', '2025-10-24'],
      ['Autumn 2', '2025-11-03', '2025-12-19'],
      ['Spring 1', '2026-01-05', '2026-02-13'],
      ['Spring 2', '2026-02-23', '2026-03-27'],
      ['Summer 1', '2026-04-13', '2026-05-22'],
      ['Summer 2', '2026-06-01', '2026-07-22'],
    ]));

  it('lays out 2026-27 with Easter on 28 March 2027', () =>
    expect(dates(typicalTermDates(2026))).toEqual([
      ['Autumn 1', '2026-09-02', '2026-10-23'],
      ['Autumn 2', '2026-11-02', '2026-12-18'],
      ['Spring 1', '2027-01-04', '2027-02-12'],
      ['Spring 2', '2027-02-22', '2027-03-19'],
      ['Summer 1', '2027-04-05', '2027-05-28'],
      ['Summer 2', '2027-06-07', '2027-07-22'],
    ]));

  it.each(Array.from({ length: 60 }, (_, i) => 2000 + i))('gives %i six ordered, non-overlapping weekday-bounded half terms with Easter in the holiday', (year) => {
    const terms = typicalTermDates(year);
    expect(terms.map((term) => term.name)).toEqual(['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
    expect(termDateProblems(terms)).toEqual([]);
    for (const term of terms) {
      expect(compareDates(term.start, term.end)).toBeLessThan(0);
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(term.start));
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(term.end));
    }
    const easter = easterSunday(year + 1);
    expect(compareDates(terms[3]!.end, addDays(easter, -2))).toBeLessThan(0); // Good Friday is a holiday
    expect(compareDates(terms[4]!.start, addDays(easter, 1))).toBeGreaterThan(0); // and so is Easter Monday
    expect(terms[0]!.start.slice(5, 7)).toBe('09');
  });

  it('names the term each half term belongs to', () => {
    expect(termOfHalfTerm('Autumn 2')).toBe('autumn');
    expect(termOfHalfTerm('Spring 1')).toBe('spring');
    expect(termOfHalfTerm('Summer 2')).toBe('summer');
  });
});

describe('checking term dates an admin has entered', () => {
  it('accepts several years of dates', () => expect(termDateProblems([...typicalTermDates(2025), ...typicalTermDates(2026)])).toEqual([]));

  it('explains each problem in plain English', () =>
    expect(
      sentences(termDateProblems([
        { name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' },
        { name: 'Autumn 2', start: '2025-10-20', end: '2025-12-19' },
        { name: 'Spring 1', start: '2026-02-13', end: '2026-01-05' },
        { name: 'Summer 2', start: '2026-06-01', end: '2026-09-02' },
        { name: 'Spring 2', start: '2026-02-30', end: '2026-03-27' },
        { name: 'Autumn 1', start: '2025-09-01', end: '2025-09-02' },
        { name: 'Winter' as never, start: '2026-01-01', end: '2026-01-01' },
      ])),
    ).toEqual([
      'Spring 1 ends (2026-01-05) before it starts (2026-02-13).',
      'Summer 2 (2026-06-01 to 2026-09-02) runs across the end of an academic year on 31 August.',
      'Spring 2 needs real start and end dates written YYYY-MM-DD.',
      'A half term called "Winter" is not one of Autumn 1, Autumn 2, Spring 1, Spring 2, Summer 1, Summer 2.',
      'Autumn 1 appears more than once in 2025-26.',
      'Autumn 1 (2025-09-03 to 2025-10-24) overlaps Autumn 2 (2025-10-20 to 2025-12-19).',
    ]));
});
