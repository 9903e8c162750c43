import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupMembers, SCENARIO_MAX_GROUPS, type MemberToGroup } from './member-groups';

const school = (phase: string, pupils: number | null, category = 'full'): MemberToGroup => ({ phase, pupils, category });

describe('groupMembers', () => {
  it('gives exact groups by phase, pupils and category when they fit, phases in order then smallest first', () => {
    const answer = groupMembers([school('secondary', 1000), school('primary', 210), school('primary', 210), school('primary', 420), school('primary', 210, 'associate'), school('special', null)]);
    expect(answer).toEqual({
      exact: true,
      schools: 6,
      groups: [
        { phase: 'primary', category: 'associate', pupils: 210, count: 1, pupilsMin: 210, pupilsMax: 210 },
        { phase: 'primary', category: 'full', pupils: 210, count: 2, pupilsMin: 210, pupilsMax: 210 },
        { phase: 'primary', category: 'full', pupils: 420, count: 1, pupilsMin: 420, pupilsMax: 420 },
        { phase: 'secondary', category: 'full', pupils: 1000, count: 1, pupilsMin: 1000, pupilsMax: 1000 },
        { phase: 'special', category: 'full', pupils: 0, count: 1, pupilsMin: 0, pupilsMax: 0 },
      ],
    });
  });

  it('answers nothing for no members', () => {
    expect(groupMembers([])).toEqual({ groups: [], exact: true, schools: 0 });
  });

  it('bands many sizes into at most the cap, keeping every school and every pupil', () => {
    // 260 primaries of 101..360 pupils: 260 exact groups, banded into 25 bands of 10-11 schools.
    const members = Array.from({ length: 260 }, (_, i) => school('primary', 101 + i));
    const answer = groupMembers(members);
    expect(answer.exact).toBe(false);
    expect(answer.groups.length).toBeLessThanOrEqual(SCENARIO_MAX_GROUPS);
    expect(answer.groups.reduce((a, g) => a + g.count, 0)).toBe(260);
    expect(answer.groups.reduce((a, g) => a + g.count * g.pupils, 0)).toBe(members.reduce((a, m) => a + m.pupils!, 0));
    expect(answer.groups[0]).toMatchObject({ phase: 'primary', pupilsMin: 101 });
    expect(answer.groups.at(-1)).toMatchObject({ pupilsMax: 360 });
    for (const g of answer.groups) expect(g.pupils).toBeGreaterThanOrEqual(g.pupilsMin), expect(g.pupils).toBeLessThanOrEqual(g.pupilsMax);
  });

  it('splits a band with a fractional mean into n at the floor and r at the floor plus one', () => {
    // 3 sizes, cap 2: one band of 3 schools, 10 + 11 + 13 = 34 pupils -> 2 at 11, 1 at 12.
    const answer = groupMembers([school('primary', 10), school('primary', 11), school('primary', 13)], 2);
    expect(answer.groups).toEqual([
      { phase: 'primary', category: 'full', pupils: 11, count: 2, pupilsMin: 10, pupilsMax: 13 },
      { phase: 'primary', category: 'full', pupils: 12, count: 1, pupilsMin: 10, pupilsMax: 13 },
    ]);
  });

  it('keeps within the cap with more phase-and-category pairs than it holds', () => {
    const members = Array.from({ length: 120 }, (_, i) => school(i % 2 ? 'primary' : 'secondary', 100 + i, `cat-${i % 60}`));
    const answer = groupMembers(members, 50);
    expect(answer.exact).toBe(false);
    expect(answer.groups.length).toBeLessThanOrEqual(50);
    expect(answer.groups.reduce((a, g) => a + g.count, 0)).toBe(120);
  });

  it('property: never more groups than the cap, every school counted once, pupils kept while bands fit', () => {
    const phase = fc.constantFrom('primary', 'secondary', 'special', 'nursery');
    const member = fc.record({ phase, pupils: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), category: fc.constantFrom('full', 'associate', 'partner') });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 400 }), fc.integer({ min: 24, max: 60 }), (members, cap) => {
        const answer = groupMembers(members, cap);
        expect(answer.groups.length).toBeLessThanOrEqual(cap);
        expect(answer.schools).toBe(members.length);
        expect(answer.groups.reduce((a, g) => a + g.count, 0)).toBe(members.length);
        // 12 pairs at most here, so bands always fit: every phase-and-category's pupils are kept exactly.
        const key = (p: string, c: string) => `${p}/${c}`;
        const want = new Map<string, number>();
        for (const m of members) want.set(key(m.phase, m.category), (want.get(key(m.phase, m.category)) ?? 0) + (m.pupils ?? 0));
        const got = new Map<string, number>();
        for (const g of answer.groups) got.set(key(g.phase, g.category), (got.get(key(g.phase, g.category)) ?? 0) + g.pupils * g.count);
        expect(got).toEqual(want);
        if (answer.exact) expect(answer.groups.every((g) => g.pupilsMin === g.pupils && g.pupilsMax === g.pupils)).toBe(true);
      }),
    );
  });
});
