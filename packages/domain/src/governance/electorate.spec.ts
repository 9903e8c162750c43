import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electorateFor } from './electorate';
import type { GovernancePerson, GovernanceSchool } from './types';

const school = (id: string, votes = true): GovernanceSchool => ({ id, urn: `1000${id}`, name: `School ${id}`, phase: 'primary', type: 'community', character: null, area: null, categoryCode: votes ? 'full' : 'associate', votes, clusterBodyIds: [] });
const head = (userId: string, schoolId: string, name = userId): GovernancePerson => ({ userId, name, schoolId, role: 'headteacher' });

describe('electorateFor', () => {
  it('gives each voting member school one voter: the one it names, else its headteacher', () => {
    const result = electorateFor(
      [school('01'), school('02'), school('03', false), school('04')],
      [head('h1', '01'), head('h2', '02'), head('h3', '03'), { userId: 'sbm', name: 'SBM', schoolId: '04', role: 'business-manager' }],
      [{ schoolId: '02', userId: 'chair-of-governors' }],
    );
    expect(result.electorate.map((e) => [e.schoolId, e.voterUserId])).toEqual([
      ['01', 'h1'],
      ['02', 'chair-of-governors'],
    ]);
    expect(result.withoutVoter).toEqual([{ schoolId: '04', schoolName: 'School 04' }]);
  });

  it('picks one of two co-headteachers the same way every time', () => {
    const people = [head('z', '01', 'Zoe'), head('a', '01', 'Amir')];
    expect(electorateFor([school('01')], people).electorate[0]!.voterUserId).toBe('a');
    expect(electorateFor([school('01')], [...people].reverse()).electorate[0]!.voterUserId).toBe('a');
  });

  it('never includes a school without votes, nor a school twice', () =>
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: fc.constantFrom('01', '02', '03', '04'), votes: fc.boolean(), hasHead: fc.boolean() }), { maxLength: 4, selector: (r) => r.id }), (rows) => {
        const schools = rows.map((r) => school(r.id, r.votes));
        const result = electorateFor(schools, rows.filter((r) => r.hasHead).map((r) => head(`h${r.id}`, r.id)));
        const ids = result.electorate.map((e) => e.schoolId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length + result.withoutVoter.length).toBe(rows.filter((r) => r.votes).length);
        for (const id of ids) expect(schools.find((s) => s.id === id)!.votes).toBe(true);
      }),
    ));
});
