import { describe, expect, it } from 'vitest';
import { PLANNER_MAX_GROUPS, applyPlannerOp, csvField, csvPounds, groupLabel, groupsFromSummary, plannerFromQuery, plannerToQuery, scenarioRequest, solvableComponents } from './planner-state.ts';
import type { FeeComponent } from './schedule.ts';

const EALING: FeeComponent[] = [
  { kind: 'base-fee', amountPence: 400_000, when: { phase: ['primary'] } },
  { kind: 'per-pupil', ratePence: 336, when: { phase: ['primary'] } },
  { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['special'] } },
  { kind: 'discount', code: 'federation', reason: 'second school', basisPoints: 1000 },
];

describe('the scenario planner’s address', () => {
  it('keeps two scenarios in the query string and reads them back', () => {
    const state = {
      a: { name: '60 primary and 14 high', schedule: 's1', groups: [{ label: '', phase: 'primary', pupils: '210', count: '60', category: '' }, { label: 'High schools', phase: 'secondary', pupils: '1,000', count: '14', category: 'full' }], solve: '2', target: '£450,000' },
      b: { name: 'Scenario B', schedule: 's2', groups: [{ label: '', phase: 'primary', pupils: '210', count: '50', category: '' }], solve: '', target: '' },
    };
    const query = plannerToQuery(state);
    expect(query.get('a.g1.label')).toBe('High schools');
    expect(query.get('compare')).toBe('1');
    expect(plannerFromQuery(new URLSearchParams(query.toString()))).toEqual(state);
  });

  it('adds, removes and compares', () => {
    const state = plannerFromQuery(new URLSearchParams('a.name=A&a.schedule=s1&a.g0.phase=primary&a.g0.pupils=210&a.g0.count=60'));
    expect(state.b).toBeNull();
    const added = applyPlannerOp(state, 'add-a');
    expect(added.a.groups).toHaveLength(2);
    expect(applyPlannerOp(added, 'remove-a-0').a.groups[0].pupils).toBe('');
    const compared = applyPlannerOp(state, 'compare');
    expect(compared.b).toMatchObject({ name: 'Scenario B', schedule: 's1', groups: state.a.groups });
    expect(applyPlannerOp(compared, 'stop-compare').b).toBeNull();
  });

  it('fills the groups from the API’s member groups, labelling a pupil band with its range', () => {
    const groups = groupsFromSummary([
      { phase: 'primary', pupils: 210, count: 2, category: 'full', pupilsMin: 210, pupilsMax: 210 },
      { phase: 'primary', pupils: 1205, count: 3, category: 'associate', pupilsMin: 1101, pupilsMax: 1300 },
      { phase: 'secondary', pupils: 1200, count: 1, category: 'full', pupilsMin: 1200, pupilsMax: 1200 },
    ]);
    expect(groups.map((g) => [g.phase, g.pupils, g.count, g.category, g.label])).toEqual([
      ['primary', '210', '2', 'full', ''],
      ['primary', '1205', '3', 'associate', 'Primary schools of 1,101 to 1,300 pupils, counted as 1,205 each'],
      ['secondary', '1200', '1', 'full', ''],
    ]);
    expect(groupLabel({ phase: 'primary', pupils: 210, count: 60 })).toBe('60 primary schools of 210 pupils');
  });

  it('keeps at most 50 groups from the address, as many as the API’s scenario holds', () => {
    const query = Array.from({ length: 60 }, (_, n) => `a.g${n}.phase=primary&a.g${n}.pupils=${100 + n}&a.g${n}.count=1`).join('&');
    expect(plannerFromQuery(new URLSearchParams(`a.name=A&${query}`)).a.groups).toHaveLength(PLANNER_MAX_GROUPS);
    expect(PLANNER_MAX_GROUPS).toBe(50);
  });
});

describe('reading a scenario', () => {
  it('offers the rates and fees that can be solved for, in words', () => {
    expect(solvableComponents(EALING).map((o) => o.text)).toEqual([
      '1. Base fee per school for primary schools, now £4,000.00',
      '2. Rate per pupil for primary schools, now £3.36',
      '3. Flat fee for special schools, now £4,500.00',
    ]);
  });

  it('turns the groups and the target into the API request', () => {
    const request = scenarioRequest(
      { name: 'A', schedule: 's1', groups: [{ label: '', phase: 'primary', pupils: '210', count: '60', category: '' }, { label: '', phase: 'secondary', pupils: '1,000', count: '14', category: 'full' }], solve: '2', target: '£450,000' },
      'a',
      EALING,
    );
    expect(request).toEqual({
      schools: [
        { phase: 'primary', pupils: 210, count: 60, label: '60 primary schools of 210 pupils' },
        { phase: 'secondary', pupils: 1000, count: 14, category: 'full', label: '14 secondary schools of 1,000 pupils' },
      ],
      solve: { componentIndex: 1, field: 'ratePence', targetPence: 45_000_000 },
      errors: {},
    });
  });

  it('says what is wrong, field by field', () => {
    const { errors } = scenarioRequest({ name: 'A', schedule: '', groups: [{ label: '', phase: 'castle', pupils: 'many', count: '0', category: '' }], solve: '4', target: '' }, 'a', EALING);
    expect(errors).toEqual({
      'a-schedule': 'Choose a fee schedule',
      'a-g0-phase': 'Choose the phase of group 1',
      'a-g0-pupils': 'Enter the number of pupils in each school of group 1 as a whole number, like 210',
      'a-g0-count': 'The number of schools in group 1 must be from 1 to 10,000',
      'a-solve': 'Choose a rate or fee of this schedule to solve for',
      'a-target': 'Enter the income to raise, like £4,000 or £3.36',
    });
  });
});

describe('CSV', () => {
  it('writes pounds as plain numbers and keeps formulas out', () => {
    expect(csvPounds(470_600)).toBe('4706.00');
    expect(csvPounds(-5)).toBe('-0.05');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('60 primary schools, 210 pupils')).toBe('"60 primary schools, 210 pupils"');
    expect(csvField(74)).toBe('74');
  });
});
