import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnnualReport, comparisonChart, compareRound, dataSetProblems, findStrengthsAndAreas, mapSubmissionCsv, markdownToHtml, matchSupport, needTargetDate, needTiming, participationPicture, suggestConcernStatus, validateSubmission, type Indicator } from '..';

const pct = (code: string, area: string, over: Partial<Indicator> = {}): Indicator => ({ code, name: code.toUpperCase(), definition: `share of pupils (${code})`, unit: 'percent', higherIsBetter: true, decimals: 1, min: 0, max: 100, area, ...over });
const SET = [pct('gld', 'early_years'), pct('phonics', 'phonics'), pct('absence', 'attendance', { higherIsBetter: false })];

describe('data set definitions', () => {
  it.each([
    [{ name: '', indicators: SET }, 'name'],
    [{ name: 'x', indicators: [] }, 'indicators'],
    [{ name: 'x', indicators: [pct('gld', 'a'), pct('gld', 'a')] }, 'indicators[1].code'],
    [{ name: 'x', indicators: [pct('Bad', 'a')] }, 'indicators[0].code'],
    [{ name: 'x', indicators: [pct('a', 'a', { max: 120 })] }, 'indicators[0].max'],
    [{ name: 'x', indicators: [pct('a', 'a', { unit: 'count', decimals: 1 })] }, 'indicators[0].decimals'],
  ])('refuses %o at %s', (set, field) => {
    expect(dataSetProblems(set as never).map((r) => r.field)).toContain(field);
  });
  it('accepts a good one', () => expect(dataSetProblems({ name: 'KS2', indicators: SET })).toEqual([]));
});

describe('validateSubmission', () => {
  it.each([
    [{ gld: 70, phonics: 80, absence: 4.5 }, null],
    [{ gld: 70, phonics: null, absence: '4.5' }, null],
    [{ gld: 170, phonics: 80, absence: 4 }, 'values.gld'],
    [{ gld: 70.25, phonics: 80, absence: 4 }, 'values.gld'],
    [{ gld: 'lots', phonics: 80, absence: 4 }, 'values.gld'],
    [{ phonics: 80, absence: 4 }, 'values.gld'],
    [{ gld: 1, phonics: 80, absence: 4, extra: 3 }, 'values.extra'],
  ])('%o → %s', (values, field) => {
    const r = validateSubmission(SET, values);
    if (field === null) expect(r.ok).toBe(true);
    else expect(!r.ok && r.refusals.map((x) => x.field)).toContain(field);
  });
  it('accepts any in-range value of the agreed precision (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
      const r = validateSubmission(SET, { gld: a / 10, phonics: b / 10, absence: null });
      return r.ok && r.value.gld === a / 10;
    }));
  });
});

describe('CSV import', () => {
  it('reads the one-school format and the many-school format', () => {
    expect(mapSubmissionCsv('indicator,value\ngld,71.5\nPHONICS,82\nabsence,\n', SET).rows[0]!.values).toEqual({ gld: '71.5', phonics: '82', absence: null });
    const many = mapSubmissionCsv('URN,School,gld,phonics,absence\n920001,Acton,70,80,5\nbad,x,1,2,3\n', SET);
    expect(many.rows).toEqual([{ row: 2, urn: '920001', values: { gld: '70', phonics: '80', absence: '5' } }]);
    expect(many.refusals.map((r) => r.field)).toEqual(['csv.row 3']);
  });
});

describe('compareRound', () => {
  const subs = [
    { schoolId: 'a', schoolName: 'A', values: { gld: 80, phonics: 90, absence: 3 } },
    { schoolId: 'b', schoolName: 'B', values: { gld: 60, phonics: 70, absence: 6 } },
    { schoolId: 'c', schoolName: 'C', values: { gld: 70, phonics: null, absence: 5 } },
    { schoolId: 'd', schoolName: 'D', values: { gld: 65, phonics: 75, absence: 4 } },
  ];
  const cmp = compareRound(SET, subs, [{ indicatorCode: 'gld', source: 'national', value: 67.7 }, { indicatorCode: 'phonics', source: 'la', value: 80 }]);
  it('ranks best first in the direction that is better, with quartiles and benchmarks', () => {
    expect(cmp[0]!.schools.map((s) => [s.schoolId, s.rank, s.quartile])).toEqual([['a', 1, 1], ['b', 4, 4], ['c', 2, 2], ['d', 3, 3]]);
    expect(cmp[2]!.schools.find((s) => s.schoolId === 'a')!.rank).toBe(1); // lowest absence is best
    expect(cmp[0]!.median).toBe(67.5);
    expect(cmp[0]!.schools[0]!.versus.national).toBe(12.3);
    expect(cmp[1]!.schools[2]).toMatchObject({ value: null, rank: null });
  });
  it('finds strengths and areas to develop', () => {
    const f = findStrengthsAndAreas(cmp);
    expect(f.find((x) => x.schoolId === 'a')!.strengths.map((s) => s.area)).toContain('phonics');
    expect(f.find((x) => x.schoolId === 'b')!.areasToDevelop.map((s) => s.area)).toContain('early_years');
  });
  it('charts with a text alternative', () => {
    const chart = comparisonChart(cmp[0]!);
    expect(chart.svg).toContain('role="img"');
    expect(chart.text).toContain('A 80.0%; C 70.0%');
  });
  it('ranks are a permutation consistent with the values (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }), (values) => {
      const [c] = compareRound([SET[0]!], values.map((v, i) => ({ schoolId: `s${i}`, schoolName: `S${i}`, values: { gld: v } })), []);
      return c!.schools.every((a) => c!.schools.every((b) => (a.value! > b.value! ? a.rank! < b.rank! : true) && a.quartile! >= 1 && a.quartile! <= 4)) && c!.schools.some((s) => s.rank === 1);
    }));
  });
});

describe('brokerage', () => {
  const halfTerms = [
    { start: '2026-09-02', end: '2026-10-23' }, { start: '2026-11-02', end: '2026-12-18' },
    { start: '2027-01-05', end: '2027-02-12' }, { start: '2027-02-22', end: '2027-03-26' },
  ];
  it.each([
    ['2026-09-10', '2027-01-13'],
    ['2026-12-01', '2027-03-23'],
    ['2026-10-27', '2027-02-22'],
    ['2027-03-01', '2027-05-31'],
  ])('a need found on %s is due by %s', (found, target) => expect(needTargetDate(found, halfTerms)).toBe(target));
  it('matches schools strong in the area first and never the school itself; the board always', () => {
    const m = matchSupport({ schoolId: 'a', area: 'phonics' }, [
      { kind: 'board', id: null, name: 'Board', strengths: [] },
      { kind: 'school', id: 'a', name: 'A', strengths: [{ area: 'phonics', source: 'data_round' }] },
      { kind: 'school', id: 'b', name: 'B', strengths: [{ area: 'phonics', source: 'data_round' }, { area: 'phonics', source: 'review' }] },
      { kind: 'school', id: 'c', name: 'C', strengths: [{ area: 'maths', source: 'data_round' }] },
      { kind: 'offer', id: 'o', name: 'Phonics training', strengths: [{ area: 'phonics', source: 'catalogue' }] },
    ]);
    expect(m.map((x) => x.candidate.name)).toEqual(['B', 'Phonics training', 'Board']);
  });
  it('times needs against their target', () => {
    expect(needTiming({ status: 'open', targetOn: '2027-01-10' }, '2027-01-11')).toBe('overdue');
    expect(needTiming({ status: 'closed', targetOn: '2027-01-10', deliveredOn: '2027-01-09' }, '2027-02-01')).toBe('met');
  });
});

describe('schools causing concern', () => {
  it.each([
    [[], 'none'],
    [[{ kind: 'inspection', value: '3', recordedOn: '2026-01-01', occurredOn: '2025-12-01' }], 'concern'],
    [[{ kind: 'inspection', value: '4', recordedOn: '2026-01-01' }], 'serious_concern'],
    [[{ kind: 'inspection', value: '3', recordedOn: '2026-01-01' }, { kind: 'finance', value: 'licensed_deficit', recordedOn: '2026-01-01' }], 'serious_concern'],
    [[{ kind: 'leadership_change', value: 'new_head', recordedOn: '2026-01-01' }], 'monitoring'],
    [[{ kind: 'data', value: 'well_below', recordedOn: '2025-01-01' }, { kind: 'data', value: 'in_line', recordedOn: '2026-01-01' }], 'none'],
  ])('%o suggests %s', (indicators, status) => {
    expect(suggestConcernStatus(indicators as never, '2026-12-05').status).toBe(status);
  });
});

describe('annual report', () => {
  it('assembles editable sections with figures and escapes HTML', () => {
    const sections = buildAnnualReport({
      partnershipName: 'Ealing <Learning>', academicYearStart: 2026, schools: 4,
      rounds: [{ name: 'Summer data', comparisons: compareRound(SET, [{ schoolId: 'a', schoolName: 'A', values: { gld: 70, phonics: 80, absence: 4 } }], [{ indicatorCode: 'gld', source: 'national', value: 67.7 }]) }],
      reviews: { completed: 1, planned: 3, schoolsReviewed: 1 },
      support: { needsFound: 2, closed: 1, metWithinTarget: 1, open: 1, overdue: 0, free: 1, charged: 1, chargedPence: 45000, impactNotes: ['Phonics up 12 points'] },
      concerns: { concern: 1, serious_concern: 1 },
      participation: participationPicture([{ schoolId: 'a', urn: '1', schoolName: 'A', meetingsAttended: 2, reviewsLed: 1, reviewsReceived: 1, supportGiven: 1, supportReceived: 0, cpdPlaces: 3, dataRoundsSubmitted: 1 }]),
    });
    expect(sections.map((s) => s.key)).toEqual(['summary', 'outcomes', 'peer_review', 'support', 'concerns', 'participation', 'priorities']);
    expect(sections[1]!.body).toContain('| GLD | 70.0% | – | 67.7% | 1 of 1 |');
    const html = markdownToHtml(`# T\n\n${sections[0]!.body}\n\n${sections[1]!.body}`);
    expect(html).toContain('&lt;Learning&gt;');
    expect(html).toContain('<table>');
  });
});
