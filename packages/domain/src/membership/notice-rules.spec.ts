import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates, fromDayNumber, toDayNumber, typicalTermDates, type HalfTerm } from '../calendar';
import { noticeRuleProblems } from './notice-rule-checks';
import { describeNoticeRule, noticePeriodPhrase } from './notice-rule-wording';
import { deadlineDate, effectiveLeavingDate, type NoticeRule } from './notice-rules';
import { THE_PARTNERSHIP_NOTICE_RULE } from './published-notice-rules';

/** Published 2025-26 dates (autumn ends 19 December, spring 27 March, summer 21 July). */
const published2025: HalfTerm[] = [
  { name: 'Autumn 1', start: '2025-09-02', end: '2025-10-17' },
  { name: 'Autumn 2', start: '2025-10-27', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-21' },
];

describe("THE Partnership: withdraw at any time until 31 December 2016, then one year's notice", () => {
  it.each([
    ['2016-09-01', '2016-09-01'],
    ['2016-11-15', '2016-11-15'],
    ['2016-12-31', '2016-12-31'],
    ['2017-01-01', '2017-12-31'],
    ['2017-09-01', '2018-08-31'],
    ['2024-02-29', '2025-02-28'],
    ['2025-10-10', '2026-10-09'],
  ])('notice given on %s ends membership on %s', (given, leaving) => expect(effectiveLeavingDate(THE_PARTNERSHIP_NOTICE_RULE, given).date).toBe(leaving));

  it('tells a school in the any-time window that it leaves straight away', () =>
    expect(effectiveLeavingDate(THE_PARTNERSHIP_NOTICE_RULE, '2016-11-15').explanation).toBe(
      'Until 31 December 2016 a school may withdraw at any time. Notice given on 15 November 2016 takes effect straight away, so the membership ends on 15 November 2016.',
    ));

  it("tells a school after the window that one year's notice applies", () =>
    expect(effectiveLeavingDate(THE_PARTNERSHIP_NOTICE_RULE, '2017-01-01').explanation).toBe(
      "Schools could withdraw at any time only until 31 December 2016. One year's notice given on 1 January 2017 runs until 31 December 2017. The membership ends on that day, 31 December 2017.",
    ));

  it('describes the rule in one line', () =>
    expect(describeNoticeRule(THE_PARTNERSHIP_NOTICE_RULE)).toBe(
      "Schools may withdraw at any time until 31 December 2016. After that: one year's notice; membership ends when the notice runs out.",
    ));
});

describe('notice periods', () => {
  const year = (leaveAt: 'period-end' | 'end-of-term' | 'end-of-academic-year'): NoticeRule => ({ kind: 'period', months: 12, leaveAt });

  it.each([
    ['period-end', '2025-09-01', '2026-08-31'],
    ['period-end', '2025-01-15', '2026-01-14'],
    ['end-of-academic-year', '2025-09-01', '2026-08-31'],
    ['end-of-academic-year', '2025-09-02', '2027-08-31'],
    ['end-of-academic-year', '2025-01-15', '2026-08-31'],
    ['end-of-term', '2024-11-01', '2025-12-19'],
    ['end-of-term', '2025-01-15', '2026-03-27'],
    ['end-of-term', '2025-03-28', '2026-03-27'],
    ['end-of-term', '2025-03-29', '2026-07-21'],
    ['end-of-term', '2025-07-22', '2026-07-21'],
    ['end-of-term', '2025-07-23', '2026-08-31'],
    ['end-of-term', '2025-12-25', '2027-03-19'],
  ] as const)("one year's notice, leaving at %s: given %s, ends %s", (leaveAt, given, leaving) =>
    expect(effectiveLeavingDate(year(leaveAt), given, published2025).date).toBe(leaving),
  );

  it('explains leaving at the end of the academic year', () =>
    expect(effectiveLeavingDate(year('end-of-academic-year'), '2025-01-15').explanation).toBe(
      "One year's notice given on 15 January 2025 runs until 14 January 2026. Schools leave at the end of the academic year in which their notice runs out, so the membership ends on 31 August 2026, the end of the 2025-26 academic year.",
    ));

  it('explains leaving at the end of a term', () =>
    expect(effectiveLeavingDate(year('end-of-term'), '2025-01-15', published2025).explanation).toBe(
      "One year's notice given on 15 January 2025 runs until 14 January 2026. Schools leave at the end of the term in which their notice runs out, so the membership ends on 27 March 2026, the end of the spring term.",
    ));

  it('carries notice that runs out in the Christmas holidays on to the end of the spring term', () =>
    expect(effectiveLeavingDate(year('end-of-term'), '2024-12-25', published2025).explanation).toBe(
      "One year's notice given on 25 December 2024 runs until 24 December 2025. That is in the holidays, so the membership carries on to the end of the next term, the spring term, and ends on 27 March 2026.",
    ));

  it('ends notice that runs out in the summer holidays with the academic year', () =>
    expect(effectiveLeavingDate(year('end-of-term'), '2025-08-01', published2025).explanation).toBe(
      "One year's notice given on 1 August 2025 runs until 31 July 2026. That is in the summer holidays, after the last term of the year, so the membership ends on 31 August 2026, the end of the 2025-26 academic year.",
    ));

  it('says when typical term dates stand in for the partnership’s own', () => {
    expect(effectiveLeavingDate(year('end-of-term'), '2026-01-15').explanation).toMatch(/This uses typical term dates for 2026-27 because the partnership has not entered its own yet\.$/);
    expect(effectiveLeavingDate(year('end-of-term'), '2025-01-15', published2025.slice(0, 4)).explanation).toMatch(/Some 2025-26 term dates used here are typical dates/);
  });

  it.each([
    [1, "One month's notice"],
    [6, "Six months' notice"],
    [12, "One year's notice"],
    [18, "18 months' notice"],
    [24, "Two years' notice"],
  ])('words a %i-month period as "%s"', (months, phrase) => expect(noticePeriodPhrase(months)).toBe(phrase));

  it('lets a school leave the same day when no notice is needed', () =>
    expect(effectiveLeavingDate({ kind: 'period', months: 0, leaveAt: 'period-end' }, '2025-10-10')).toEqual({
      date: '2025-10-10',
      explanation: 'No notice period is needed, so the membership ends on the day notice is given, 10 October 2025.',
    }));

  it('follows six months’ notice to the end of the term', () =>
    expect(effectiveLeavingDate({ kind: 'period', months: 6, leaveAt: 'end-of-term' }, '2025-09-01', published2025).date).toBe('2026-03-27'));
});

describe('notice deadlines', () => {
  const autumn: NoticeRule = { kind: 'deadline', deadline: 'end-of-autumn-term', leaveAt: 'end-of-academic-year' };
  const spring: NoticeRule = { kind: 'deadline', deadline: '03-31', leaveAt: 'end-of-academic-year' };

  it.each([
    ['2025-09-01', '2026-08-31'],
    ['2025-12-18', '2026-08-31'],
    ['2025-12-19', '2026-08-31'],
    ['2025-12-20', '2027-08-31'],
    ['2026-08-31', '2027-08-31'],
    ['2026-09-01', '2027-08-31'],
  ])('by the end of the autumn term: notice given %s ends membership on %s', (given, leaving) =>
    expect(effectiveLeavingDate(autumn, given, published2025).date).toBe(leaving),
  );

  it.each([
    ['2025-10-01', '2026-08-31'],
    ['2026-03-30', '2026-08-31'],
    ['2026-03-31', '2026-08-31'],
    ['2026-04-01', '2027-08-31'],
    ['2026-08-31', '2027-08-31'],
    ['2026-09-01', '2027-08-31'],
  ])('by 31 March: notice given %s ends membership on %s', (given, leaving) => expect(effectiveLeavingDate(spring, given).date).toBe(leaving));

  it('explains notice given in time', () =>
    expect(effectiveLeavingDate(autumn, '2025-12-10', published2025).explanation).toBe(
      'Notice must be given by the end of the autumn term (19 December 2025) to leave at the end of that academic year. Notice given on 10 December 2025 is in time, so the membership ends on 31 August 2026, the end of the 2025-26 academic year.',
    ));

  it('explains notice given too late', () =>
    expect(effectiveLeavingDate(spring, '2026-04-01').explanation).toBe(
      'Notice must be given by 31 March 2026 to leave at the end of that academic year. Notice given on 1 April 2026 is after that date, so the membership carries on through the following academic year and ends on 31 August 2027, the end of the 2026-27 academic year.',
    ));

  it('uses the partnership’s own end of autumn term when it has one, and typical dates otherwise', () => {
    expect(deadlineDate('end-of-autumn-term', 2025, published2025)).toBe('2025-12-19');
    expect(deadlineDate('end-of-autumn-term', 2023)).toBe('2023-12-20');
  });

  it.each([
    ['10-31', 2025, '2025-10-31'],
    ['03-31', 2025, '2026-03-31'],
    ['02-29', 2023, '2024-02-29'],
    ['02-29', 2024, '2025-02-28'],
  ])('places a %s deadline in the academic year starting %i on %s', (deadline, year, date) => expect(deadlineDate(deadline, year)).toBe(date));

  it('describes deadline rules in one line', () =>
    expect(describeNoticeRule(spring)).toBe(
      'Membership renews each academic year unless notice is given by 31 March; notice given in time ends membership on 31 August that academic year, later notice a year after that.',
    ));
});

describe('checking notice rules an admin configures', () => {
  it.each([
    [{ kind: 'period', months: 12, leaveAt: 'period-end' }, []],
    [{ kind: 'period', months: 1.5, leaveAt: 'period-end' }, ['The notice period must be a whole number of months from 0 to 60.']],
    [{ kind: 'period', months: 120, leaveAt: 'whenever' }, ['The notice period must be a whole number of months from 0 to 60.', 'Say when a school leaves once its notice runs out: when the period ends, at the end of that term, or at the end of that academic year.']],
    [{ kind: 'deadline', deadline: '02-30', leaveAt: 'end-of-academic-year' }, ['The notice deadline must be the end of the autumn term or a day of the year written MM-DD, such as 03-31.']],
    [{ kind: 'deadline', deadline: 'end-of-autumn-term', leaveAt: 'period-end' }, ['With a notice deadline, schools leave at the end of the academic year.']],
    [{ kind: 'any-time-until', until: '2016-12-31', then: { kind: 'period', months: -1, leaveAt: 'period-end' } }, ['For notice given after 31 December 2016: The notice period must be a whole number of months from 0 to 60.']],
    [{ kind: 'any-time-until', until: '31/12/2016' }, ['The last day schools may withdraw at any time must be a real date written YYYY-MM-DD.', 'For notice given afterwards: A rule for notice given after that day is needed.']],
    [{ kind: 'never' }, ['A notice rule must be a notice period, a notice deadline, or withdrawal at any time until a date.']],
  ])('checks %j', (rule, problems) => expect(noticeRuleProblems(rule as NoticeRule)).toEqual(problems));

  it('refuses to work out a leaving date under a broken rule', () =>
    expect(() => effectiveLeavingDate({ kind: 'period', months: -1, leaveAt: 'period-end' }, '2025-01-01')).toThrow(/whole number of months/));
});

describe('properties of every notice rule', () => {
  const leaveAt = fc.constantFrom('period-end' as const, 'end-of-term' as const, 'end-of-academic-year' as const);
  const simpleRule: fc.Arbitrary<NoticeRule> = fc.oneof(
    fc.record({ kind: fc.constant('period' as const), months: fc.integer({ min: 0, max: 60 }), leaveAt }),
    fc.record({
      kind: fc.constant('deadline' as const),
      deadline: fc.oneof(
        fc.constant('end-of-autumn-term'),
        fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      ),
      leaveAt: fc.constant('end-of-academic-year' as const),
    }),
  );
  const anyDate = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
  const anyRule: fc.Arbitrary<NoticeRule> = fc.oneof(
    simpleRule,
    fc.record({ kind: fc.constant('any-time-until' as const), until: anyDate('2010-01-01', '2040-12-31'), then: simpleRule }),
  );
  const anyTerms = fc.oneof(fc.constant<HalfTerm[]>([]), fc.integer({ min: 2000, max: 2060 }).map((year) => [...typicalTermDates(year), ...typicalTermDates(year + 1)]));
  const noticeDate = anyDate('2000-01-01', '2060-12-31');

  it('never puts the leaving date before the day notice is given', () =>
    fc.assert(
      fc.property(anyRule, noticeDate, anyTerms, (rule, given, terms) => compareDates(effectiveLeavingDate(rule, given, terms).date, given) >= 0),
      { numRuns: 2000 },
    ));

  it('never lets later notice leave earlier', () =>
    fc.assert(
      fc.property(anyRule, noticeDate, fc.integer({ min: 0, max: 800 }), (rule, given, later) => {
        const laterDate = fromDayNumber(toDayNumber(given) + later);
        return compareDates(effectiveLeavingDate(rule, laterDate).date, effectiveLeavingDate(rule, given).date) >= 0;
      }),
      { numRuns: 1000 },
    ));

  it('always explains the date it gives', () =>
    fc.assert(
      fc.property(anyRule, noticeDate, (rule, given) => {
        const { date, explanation } = effectiveLeavingDate(rule, given);
        return explanation.length > 0 && explanation.includes(String(Number(date.slice(8)))) && !/undefined|NaN/.test(explanation);
      }),
    ));
});
