import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { censusName, choosePupilFigure } from './pupil-figure';
import { PUPIL_COUNT_MAX, checkPupilCount, farFrom, pupilCountProblem } from './pupil-count';

describe('choosePupilFigure', () => {
  it.each([
    {
      name: 'the approved figure for the partnership’s census wins over the register',
      input: { feeCensus: 'october', approved: [{ census: '2026-10', pupils: 312 }], registerPupils: 280 },
      want: { pupils: 312, source: 'census', census: '2026-10', label: '312 pupils, October 2026 census' },
    },
    {
      name: 'the latest census of the right month',
      input: { feeCensus: 'october', approved: [{ census: '2025-10', pupils: 300 }, { census: '2026-10', pupils: 312 }, { census: '2027-01', pupils: 330 }], registerPupils: 280 },
      want: { pupils: 312, census: '2026-10' },
    },
    {
      name: 'of two figures for one census, the later approval',
      input: { approved: [{ census: '2026-10', pupils: 310, decidedAt: '2026-11-01T10:00:00Z' }, { census: '2026-10', pupils: 312, decidedAt: '2026-11-02T10:00:00Z' }], registerPupils: 1 },
      want: { pupils: 312 },
    },
    {
      name: 'a January partnership ignores October figures',
      input: { feeCensus: 'january', approved: [{ census: '2026-10', pupils: 312 }], registerPupils: 280 },
      want: { pupils: 280, source: 'register', census: null, label: '280 pupils, from the register (no census figure yet)' },
    },
    {
      name: 'the register when there is no approved figure',
      input: { feeCensus: null, approved: [], registerPupils: 1 },
      want: { pupils: 1, source: 'register', label: '1 pupil, from the register (no census figure yet)' },
    },
    {
      name: 'none at all',
      input: { approved: [], registerPupils: null },
      want: { pupils: null, source: 'none', census: null },
    },
  ])('$name', ({ input, want }) => {
    expect(choosePupilFigure(input)).toMatchObject(want);
  });

  it('names a census in words', () => {
    expect(censusName('2026-10')).toBe('October 2026 census');
    expect(censusName('2027-01')).toBe('January 2027 census');
  });

  it('always uses an approved figure of the right month when there is one, and says so', () => {
    const figure = fc.record({ year: fc.integer({ min: 2015, max: 2035 }), month: fc.constantFrom('01', '05', '10'), pupils: fc.integer({ min: 0, max: PUPIL_COUNT_MAX }) });
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }), fc.constantFrom('october', 'january', 'may'), fc.option(fc.integer({ min: 0, max: 5000 })), (figures, feeCensus, register) => {
        const approved = figures.map((f) => ({ census: `${f.year}-${f.month}`, pupils: f.pupils }));
        const month = { october: '10', january: '01', may: '05' }[feeCensus];
        const right = approved.filter((f) => f.census.endsWith(month));
        const chosen = choosePupilFigure({ feeCensus, approved, registerPupils: register });
        if (right.length) {
          expect(chosen.source).toBe('census');
          expect(chosen.census).toBe(right.map((f) => f.census).sort().at(-1));
          expect(chosen.label).toContain(censusName(chosen.census!));
        } else {
          expect(chosen.pupils).toBe(register);
          expect(chosen.census).toBeNull();
        }
      }),
    );
  });
});

describe('pupil count limits', () => {
  it.each([
    [0, null],
    [312, null],
    [10_000, null],
    [10_001, 'The number of pupils can be at most 10,000'],
    [-1, 'The number of pupils cannot be negative'],
    [31.5, 'The number of pupils is a whole number'],
    ['312', 'The number of pupils must be a number'],
    [Number.NaN, 'The number of pupils must be a number'],
    [null, 'The number of pupils must be a number'],
  ])('%s -> %s', (value, problem) => {
    expect(pupilCountProblem(value)).toBe(problem);
  });
});

describe('checkPupilCount', () => {
  it.each([
    { figure: 312, register: 300, lastYear: null, status: 'ok' },
    { figure: 420, register: 300, lastYear: null, status: 'needs-confirmation' }, // +120, 40%
    { figure: 130, register: 100, lastYear: null, status: 'ok' }, // 30%, but only 30 pupils
    { figure: 131, register: 100, lastYear: null, status: 'needs-confirmation' }, // 31 pupils and 31%
    { figure: 1240, register: 1200, lastYear: null, status: 'ok' }, // 40 pupils, but 3%
    { figure: 3120, register: 312, lastYear: null, status: 'needs-confirmation' }, // a slip of a digit
    { figure: 312, register: null, lastYear: 200, status: 'needs-confirmation' },
    { figure: 312, register: null, lastYear: null, status: 'ok' },
    { figure: 40, register: 0, lastYear: null, status: 'needs-confirmation' },
  ])('$figure against register $register and last year $lastYear: $status', ({ figure, register, lastYear, status }) => {
    const check = checkPupilCount(figure, { register, lastYear });
    expect(check.status).toBe(status);
    if (check.status === 'needs-confirmation') expect(check.reason).toMatch(/far from/);
  });

  it('never asks to confirm a figure equal to what is known, and far always means more than 30 pupils apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PUPIL_COUNT_MAX }), fc.integer({ min: 0, max: PUPIL_COUNT_MAX }), (a, b) => {
        expect(farFrom(a, a)).toBe(false);
        expect(checkPupilCount(a, { register: a, lastYear: a }).status).toBe('ok');
        // Far means more than 30 pupils apart, whichever way.
        if (farFrom(a, b)) expect(Math.abs(a - b)).toBeGreaterThan(30);
      }),
    );
  });
});
