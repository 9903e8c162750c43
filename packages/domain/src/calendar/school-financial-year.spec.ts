import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './iso-date';
import { daysInPeriod } from './date-spans';
import { schoolFinancialYearOf, splitBySchoolFinancialYear } from './school-financial-year';

describe("the school's own financial year", () => {
  it.each([
    ['2025-09-01', 'academy', '2025-26 academy financial year', '2025-09-01'],
    ['2026-03-31', 'academy', '2025-26 academy financial year', '2025-09-01'],
    ['2026-03-31', 'maintained', '2025-26 financial year', '2025-04-01'],
    ['2026-04-01', 'maintained', '2026-27 financial year', '2026-04-01'],
  ] as const)('puts %s for an %s school in the %s', (date, kind, label, start) => {
    const year = schoolFinancialYearOf(date, kind);
    expect(year.label).toBe(label);
    expect(year.start).toBe(start);
  });
});

describe('splitting a period across the school’s financial years', () => {
  it('splits an academic year for a maintained school 7/12 and 5/12', () =>
    expect(splitBySchoolFinancialYear({ start: '2025-09-01', end: '2026-08-31' }, 'maintained')).toEqual([
      {
        financialYear: { startYear: 2025, start: '2025-04-01', end: '2026-03-31', label: '2025-26 financial year' },
        start: '2025-09-01',
        end: '2026-03-31',
        days: 212,
        wholeMonths: 7,
        share: { numerator: 7, denominator: 12, basis: 'months' },
      },
      {
        financialYear: { startYear: 2026, start: '2026-04-01', end: '2027-03-31', label: '2026-27 financial year' },
        start: '2026-04-01',
        end: '2026-08-31',
        days: 153,
        wholeMonths: 5,
        share: { numerator: 5, denominator: 12, basis: 'months' },
      },
    ]));

  it('keeps an academic year whole for an academy', () => {
    const parts = splitBySchoolFinancialYear({ start: '2025-09-01', end: '2026-08-31' }, 'academy');
    expect(parts).toHaveLength(1);
    expect(parts[0]!.share).toEqual({ numerator: 12, denominator: 12, basis: 'months' });
  });

  it('splits a council financial year for an academy 5/12 and 7/12', () =>
    expect(splitBySchoolFinancialYear({ start: '2025-04-01', end: '2026-03-31' }, 'academy').map((part) => [part.financialYear.label, part.share.numerator, part.share.denominator])).toEqual([
      ['2024-25 academy financial year', 5, 12],
      ['2025-26 academy financial year', 7, 12],
    ]));

  it("splits THE Partnership's pro-rata period 1 April–31 August 2017 for a maintained school into one part", () =>
    expect(splitBySchoolFinancialYear({ start: '2017-04-01', end: '2017-08-31' }, 'maintained').map((part) => part.share)).toEqual([
      { numerator: 5, denominator: 5, basis: 'months' },
    ]));

  it('shares by days when the period does not start and end on month boundaries', () =>
    expect(splitBySchoolFinancialYear({ start: '2026-03-16', end: '2026-04-15' }, 'maintained').map((part) => [part.start, part.end, part.share])).toEqual([
      ['2026-03-16', '2026-03-31', { numerator: 16, denominator: 31, basis: 'days' }],
      ['2026-04-01', '2026-04-15', { numerator: 15, denominator: 31, basis: 'days' }],
    ]));

  it('covers several years when the period is long', () =>
    expect(splitBySchoolFinancialYear({ start: '2024-09-01', end: '2027-08-31' }, 'maintained').map((part) => part.share.numerator)).toEqual([7, 12, 12, 5]));

  const anyPeriod = fc
    .tuple(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }), fc.integer({ min: 0, max: 2000 }))
    .map(([start, length]) => ({ start: fromDayNumber(start), end: fromDayNumber(start + length) }));
  const anyKind = fc.constantFrom('academy' as const, 'maintained' as const);

  it('always sums to the whole period: shares, days, and contiguous parts', () =>
    fc.assert(
      fc.property(anyPeriod, anyKind, (period, kind) => {
        const parts = splitBySchoolFinancialYear(period, kind);
        const denominator = parts[0]!.share.denominator;
        expect(parts.reduce((sum, part) => sum + part.share.numerator, 0)).toBe(denominator);
        expect(parts.every((part) => part.share.denominator === denominator)).toBe(true);
        expect(parts.reduce((sum, part) => sum + part.days, 0)).toBe(daysInPeriod(period.start, period.end));
        expect(parts[0]!.start).toBe(period.start);
        expect(parts.at(-1)!.end).toBe(period.end);
        parts.slice(1).forEach((part, i) => expect(part.start).toBe(addDays(parts[i]!.end, 1)));
      }),
    ));

  it('always sums to twelve months for any whole year starting on the 1st of a month', () =>
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2060 }), fc.integer({ min: 1, max: 12 }), anyKind, (year, month, kind) => {
        const start = `${year}-${String(month).padStart(2, '0')}-01`;
        const end = addDays(`${year + 1}-${String(month).padStart(2, '0')}-01`, -1);
        const parts = splitBySchoolFinancialYear({ start, end }, kind);
        return parts.reduce((sum, part) => sum + part.share.numerator, 0) === 12 && parts[0]!.share.basis === 'months';
      }),
    ));
});
