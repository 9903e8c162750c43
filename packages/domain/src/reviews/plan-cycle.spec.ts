import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, englandBankHolidays, termDatesForYear } from '../index';
import { checkAssignment, conflictsOf } from './conflicts';
import { isSchoolDay, planReviewCycle, schoolDaysOfYear } from './plan-cycle';
import { crossPhaseGroups, groupsBy, groupsFromClusters } from './review-groups';
import type { CycleRules, ReviewGroup, ReviewLeader, ReviewSchool } from './types';

const school = (id: string, extra: Partial<ReviewSchool> = {}): ReviewSchool => ({ id, name: `School ${id}`, ...extra });
const head = (schoolId: string): ReviewLeader => ({ userId: `head-${schoolId}`, schoolId });

describe('schoolDaysOfYear', () => {
  const days = schoolDaysOfYear(2026);
  it('has no weekends, bank holidays or holidays', () => {
    const holidays = new Set([...englandBankHolidays(2026), ...englandBankHolidays(2027)]);
    const terms = termDatesForYear(2026).halfTerms;
    for (const day of days) {
      expect([0, 6]).not.toContain(dayOfWeek(day));
      expect(holidays.has(day)).toBe(false);
      expect(terms.some((t) => t.start <= day && day <= t.end)).toBe(true);
    }
    expect(days.length).toBeGreaterThan(180);
  });
  it.each([
    ['2026-12-25', false], // Christmas
    ['2027-05-03', false], // early May bank holiday
    ['2026-10-10', false], // a Saturday
    ['2026-10-14', true],
  ])('%s is a school day: %s', (day, expected) => expect(isSchoolDay(day)).toBe(expected));
});

describe('conflicts', () => {
  const a = school('a', { trust: 'Oak Trust', diocese: 'London' });
  const b = school('b', { trust: 'Oak Trust', diocese: 'Westminster' });
  it.each([
    ['own school, always', a, a, {}, ['own_school']],
    ['same trust when the rule is on', a, b, { sameTrust: true }, ['same_trust']],
    ['same trust ignored when the rule is off', a, b, {}, []],
    ['reviewed each other last cycle', a, b, { reviewedEachOtherLastCycle: true, lastCycle: [{ reviewerSchoolId: 'b', reviewedSchoolId: 'a' }] }, ['reviewed_each_other_last_cycle']],
    ['no school, no conflict', null, a, { sameTrust: true }, []],
  ])('%s', (_name, reviewer, host, rules, codes) => expect(conflictsOf(reviewer, host, rules).map((c) => c.code)).toEqual(codes));

  it('refuses a conflicted assignment without a reason, accepts it with one', () => {
    const refused = checkAssignment(a, a, {});
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: 'reason_needed', field: 'overrideReason' }] });
    expect(checkAssignment(a, a, {}, '  ')).toMatchObject({ ok: false });
    expect(checkAssignment(a, a, {}, 'The only trained lead in the group this year')).toMatchObject({ ok: true, value: [{ code: 'own_school' }] });
    expect(checkAssignment(a, b, {})).toEqual({ ok: true, value: [] });
  });
});

describe('review groups', () => {
  it('forms one group per cluster, a school in two clusters staying in the first', () => {
    expect(groupsFromClusters([{ id: 'c1', name: 'North', schoolIds: ['a', 'b'] }, { id: 'c2', name: 'South', schoolIds: ['b', 'c'] }])).toEqual([
      { id: 'c1', name: 'North', schoolIds: ['a', 'b'] },
      { id: 'c2', name: 'South', schoolIds: ['c'] },
    ]);
  });
  it('groups by area, splitting large areas evenly', () => {
    const schools = ['a', 'b', 'c', 'd', 'e'].map((id) => school(id, { area: id === 'e' ? 'Acton' : 'Ealing' }));
    expect(groupsBy(schools, 'area', 2).map((g) => [g.name, g.schoolIds])).toEqual([
      ['Area: Acton', ['e']],
      ['Area: Ealing (1)', ['a', 'c']],
      ['Area: Ealing (2)', ['b', 'd']],
    ]);
  });
  it('mixes phases in cross-phase groups', () => {
    const schools = [school('p1', { phase: 'primary' }), school('p2', { phase: 'primary' }), school('s1', { phase: 'secondary' }), school('s2', { phase: 'secondary' })];
    const groups = crossPhaseGroups(schools, 2);
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g.schoolIds.map((id) => schools.find((s) => s.id === id)!.phase)).size).toBe(2);
  });
});

describe('planReviewCycle', () => {
  const schools = ['a', 'b', 'c', 'd'].map((id) => school(id));
  const groups: ReviewGroup[] = [{ id: 'g', name: 'North cluster', schoolIds: ['a', 'b', 'c', 'd'] }];
  const leaders = schools.map((s) => head(s.id));

  it('reviews each school once in each of two years, with a lead from another school', () => {
    const plan = planReviewCycle(groups, schools, leaders, { firstAcademicYearStart: 2026 });
    expect(plan.problems).toEqual([]);
    expect(plan.reviews).toHaveLength(8);
    const leadsOf = (year: number) => plan.reviews.filter((r) => r.academicYearStart === year).map((r) => [r.schoolId, r.participants.find((p) => p.role === 'lead')!.schoolId]);
    expect(leadsOf(2026)).toEqual([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']]);
    // The next year the lead comes from further round the group.
    expect(leadsOf(2027)).toEqual([['a', 'c'], ['b', 'd'], ['c', 'a'], ['d', 'b']]);
  });

  it('keeps same-trust reviewers away when the partnership adds that rule', () => {
    const trusts = [school('a', { trust: 'T1' }), school('b', { trust: 'T1' }), school('c', { trust: 'T2' }), school('d', { trust: 'T2' })];
    const plan = planReviewCycle(groups, trusts, leaders, { firstAcademicYearStart: 2026, cycleYears: 1, sameTrust: true });
    for (const review of plan.reviews) {
      const host = trusts.find((s) => s.id === review.schoolId)!;
      for (const p of review.participants) expect(trusts.find((s) => s.id === p.schoolId)!.trust).not.toBe(host.trust);
    }
  });

  it('gives quality assurers the qa role and an officer without a school a place on a team', () => {
    const plan = planReviewCycle(groups, schools, [...leaders, { userId: 'officer', schoolId: null }], { firstAcademicYearStart: 2026, cycleYears: 1, qualityAssurers: ['qa-1'] });
    expect(plan.reviews.every((r) => r.participants.some((p) => p.role === 'qa' && p.userId === 'qa-1'))).toBe(true);
    expect(plan.reviews.some((r) => r.participants.some((p) => p.userId === 'officer'))).toBe(true);
  });

  it('names a school nobody can lead', () => {
    const plan = planReviewCycle([{ id: 'g', name: 'Alone', schoolIds: ['a'] }], [school('a')], [head('a')], { firstAcademicYearStart: 2026, cycleYears: 1 });
    expect(plan.problems[0]).toContain('nobody without a conflict can lead the review of School a');
  });

  it('puts visits on school days of the partnership calendar', () => {
    const plan = planReviewCycle(groups, schools, leaders, { firstAcademicYearStart: 2026 });
    for (const review of plan.reviews) expect(isSchoolDay(review.visitOn)).toBe(true);
  });
});

/** Generated clusters: 1 to 5 groups of 2 to 7 schools, each school with one to two leaders, some officers, random trusts. */
const partnership = fc
  .record({
    sizes: fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 1, maxLength: 5 }),
    extraLeaders: fc.array(fc.nat(100), { maxLength: 6 }),
    officers: fc.integer({ min: 0, max: 2 }),
    teamMembers: fc.integer({ min: 0, max: 3 }),
    cycleYears: fc.integer({ min: 1, max: 3 }),
    firstYear: fc.integer({ min: 2024, max: 2030 }),
    trusts: fc.array(fc.constantFrom('T1', 'T2', null), { minLength: 40, maxLength: 40 }),
  })
  .map(({ sizes, extraLeaders, officers, teamMembers, cycleYears, firstYear, trusts }) => {
    const schools: ReviewSchool[] = [];
    const groups: ReviewGroup[] = sizes.map((size, g) => {
      const ids = Array.from({ length: size }, (_, i) => `s${g}-${i}`);
      ids.forEach((id) => schools.push(school(id, { trust: trusts[schools.length % trusts.length] })));
      return { id: `g${g}`, name: `Cluster ${g}`, schoolIds: ids };
    });
    const leaders: ReviewLeader[] = schools.map((s) => head(s.id));
    extraLeaders.forEach((n, i) => leaders.push({ userId: `deputy-${i}`, schoolId: schools[n % schools.length]!.id, canLead: n % 2 === 0 }));
    for (let i = 0; i < officers; i++) leaders.push({ userId: `officer-${i}`, schoolId: null });
    const rules: CycleRules = { firstAcademicYearStart: firstYear, cycleYears, teamMembers };
    return { schools, groups, leaders, rules };
  });

describe('planReviewCycle properties', () => {
  it('reviews every school once a year, nobody reviews their own school, every participant has a role', () => {
    fc.assert(
      fc.property(partnership, ({ schools, groups, leaders, rules }) => {
        const plan = planReviewCycle(groups, schools, leaders, rules);
        expect(plan.problems).toEqual([]);
        for (let y = rules.firstAcademicYearStart; y < rules.firstAcademicYearStart + rules.cycleYears!; y++) {
          const ofYear = plan.reviews.filter((r) => r.academicYearStart === y);
          expect(ofYear.map((r) => r.schoolId).sort()).toEqual(schools.map((s) => s.id).sort());
          const withRole = new Set(ofYear.flatMap((r) => r.participants.map((p) => p.userId)));
          for (const leader of leaders) expect(withRole.has(leader.userId)).toBe(true);
        }
        for (const review of plan.reviews) {
          expect(review.participants.filter((p) => p.role === 'lead')).toHaveLength(1);
          for (const p of review.participants) expect(p.schoolId).not.toBe(review.schoolId);
          expect(new Set(review.participants.map((p) => p.userId)).size).toBe(review.participants.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never places a conflicted reviewer when same-trust is refused, and visits fall on school days', () => {
    fc.assert(
      fc.property(partnership, ({ schools, groups, leaders, rules }) => {
        const plan = planReviewCycle(groups, schools, leaders, { ...rules, sameTrust: true, cycleYears: 1 });
        const byId = new Map(schools.map((s) => [s.id, s]));
        for (const review of plan.reviews) {
          const host = byId.get(review.schoolId)!;
          for (const p of review.participants) expect(conflictsOf(p.schoolId ? byId.get(p.schoolId)! : null, host, { sameTrust: true })).toEqual([]);
          expect(isSchoolDay(review.visitOn)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
