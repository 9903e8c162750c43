import { describe, expect, it } from 'vitest';
import { termDateProblems, typicalTermDates } from '../calendar';
import { quoteFee, validateFeeSchedule } from '../fees';
import { noticeRuleProblems } from '../membership';
import { PARTNERSHIP_TEMPLATE_CODES, PARTNERSHIP_TEMPLATES, startingFeeYear, templateSetup } from './partnership-templates';

const partnership = { name: 'Newham Schools Partnership', areas: ['Newham'] };

describe.each(PARTNERSHIP_TEMPLATE_CODES)('template %s', (code) => {
  const setup = templateSetup(code, partnership, '2026-11-25');

  it('pre-fills categories with unique codes, one voting category at least, limited to its own areas where it says', () => {
    expect(setup.categories.length).toBeGreaterThanOrEqual(2);
    expect(new Set(setup.categories.map((c) => c.code)).size).toBe(setup.categories.length);
    for (const c of setup.categories) expect(c.code).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    expect(setup.categories.some((c) => c.votingRights)).toBe(true);
    expect(setup.categories[0]!.eligibleLocalAuthorities).toEqual(['Newham']);
    expect(setup.categories.map((c) => c.position)).toEqual(setup.categories.map((_, i) => i));
  });

  it('has a usable notice rule', () => expect(noticeRuleProblems(setup.noticeRule)).toEqual([]));

  it('starts a fee schedule the engine accepts, for the current academic year, priced in whole pence', () => {
    const result = validateFeeSchedule(setup.feeSchedule);
    expect(result.ok ? [] : result.refusals).toEqual([]);
    expect(setup.feeSchedule.period).toMatchObject({ kind: 'academic-year', start: '2026-09-01', end: '2027-08-31' });
    expect(setup.feeSchedule.name).toContain('Newham Schools Partnership');
    const quote = quoteFee(setup.feeSchedule, { phase: 'primary', pupils: 420, category: setup.categories[0]!.code });
    expect(quote.totalPence).toBeGreaterThan(0);
    expect(Number.isInteger(quote.totalPence)).toBe(true);
  });

  it('fills typical term dates for the current and next academic years', () => {
    expect(setup.calendars.map((c) => c.academicYearStart)).toEqual([2026, 2027]);
    for (const c of setup.calendars) {
      expect(c.halfTerms).toEqual(typicalTermDates(c.academicYearStart));
      expect(termDateProblems(c.halfTerms)).toEqual([]);
    }
  });

  it('does not share mutable data between partnerships', () => {
    setup.categories[0]!.includes.push('changed');
    expect(templateSetup(code, partnership, '2026-11-25').categories[0]!.includes).not.toContain('changed');
  });
});

describe('templates', () => {
  it('are the three the issue names', () => expect(PARTNERSHIP_TEMPLATES.map((t) => t.code)).toEqual(['schools-led-company', 'council-led-board', 'membership-association']));

  it('the council-led board prices a 1 FE primary as Ealing scenario 1 (£4,706)', () => {
    const { feeSchedule } = templateSetup('council-led-board', partnership, '2026-11-25');
    expect(quoteFee(feeSchedule, { phase: 'primary', pupils: 210 }).totalPence).toBe(470_600);
  });

  it('the schools-led company charges £5 per pupil', () => {
    const { feeSchedule } = templateSetup('schools-led-company', partnership, '2026-11-25');
    expect(quoteFee(feeSchedule, { phase: 'primary', pupils: 420 }).totalPence).toBe(210_000);
  });

  it.each([
    ['2026-09-01', 2026],
    ['2027-05-31', 2026],
    ['2027-06-01', 2027],
    ['2027-08-31', 2027],
  ])('a partnership created on %s starts pricing the academic year from %i', (today, year) => expect(startingFeeYear(today)).toBe(year));
});
