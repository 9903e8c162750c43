import { describe, expect, it } from 'vitest';
import { academicYearOf, financialYearOf, yearLabel } from './school-years';

describe('academic year (1 September to 31 August)', () => {
  it.each([
    ['2025-09-01', 2025, '2025-26'],
    ['2026-08-31', 2025, '2025-26'],
    ['2025-08-31', 2024, '2024-25'],
    ['2026-01-15', 2025, '2025-26'],
    ['2016-12-31', 2016, '2016-17'],
  ])('puts %s in the year starting %i, labelled %s', (date, startYear, label) =>
    expect(academicYearOf(date)).toEqual({ startYear, start: `${startYear}-09-01`, end: `${startYear + 1}-08-31`, label }),
  );
});

describe('financial year (1 April to 31 March)', () => {
  it.each([
    ['2025-04-01', 2025, '2025-26 financial year'],
    ['2026-03-31', 2025, '2025-26 financial year'],
    ['2025-03-31', 2024, '2024-25 financial year'],
    ['2017-04-01', 2017, '2017-18 financial year'],
  ])('puts %s in the year starting %i, labelled "%s"', (date, startYear, label) =>
    expect(financialYearOf(date)).toEqual({ startYear, start: `${startYear}-04-01`, end: `${startYear + 1}-03-31`, label }),
  );
});

describe('year labels', () => {
  it.each([
    [2025, '2025-26'],
    [1999, '1999-00'],
    [2009, '2009-10'],
    [2099, '2099-00'],
  ])('labels the year starting %i as %s', (year, label) => expect(yearLabel(year)).toBe(label));
});
