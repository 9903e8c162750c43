import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../schools/phase';
import { resolveSeats, seatChanges } from './resolve-seats';
import type { GovernancePerson, GovernanceSchool, SeatFacts, SeatHolding, SeatRule } from './types';

const school = (id: string, urn: string, extra: Partial<GovernanceSchool> = {}): GovernanceSchool => ({
  id,
  urn,
  name: `School ${id}`,
  phase: 'primary',
  type: 'community',
  character: null,
  area: 'Acton',
  categoryCode: 'full',
  votes: true,
  clusterBodyIds: [],
  ...extra,
});

const schools: GovernanceSchool[] = [
  school('s1', '100001', { clusterBodyIds: ['c1'] }),
  school('s2', '100002', { clusterBodyIds: ['c1'], phase: 'secondary', type: 'academy' }),
  school('s3', '100003', { clusterBodyIds: ['c2'], phase: 'special', categoryCode: 'associate', votes: false }),
];
const people: GovernancePerson[] = [
  { userId: 'u1', name: 'Ann Head', schoolId: 's1', role: 'headteacher' },
  { userId: 'u2', name: 'Ben Head', schoolId: 's2', role: 'headteacher' },
  { userId: 'u2b', name: 'Bea Bursar', schoolId: 's2', role: 'business-manager' },
  { userId: 'u9', name: 'Dee Director', schoolId: null, role: 'officer' },
];
const facts: SeatFacts = { schools, people };

describe('resolveSeats', () => {
  it('gives each member school in the scope a seat held by its headteacher, vacant when it has none', () => {
    const rules: SeatRule[] = [{ id: 'r1', kind: 'school_representative', scope: { type: 'partnership' }, voting: 'voting', label: 'Headteacher' }];
    expect(resolveSeats(rules, facts).map((s) => [s.key, s.label, s.holder?.userId ?? null])).toEqual([
      ['r1:school:100001', 'Headteacher: School s1', 'u1'],
      ['r1:school:100002', 'Headteacher: School s2', 'u2'],
      ['r1:school:100003', 'Headteacher: School s3', null],
    ]);
  });

  it.each([
    [{ type: 'cluster', bodyId: 'c1' } as const, ['100001', '100002']],
    [{ type: 'category', category: 'associate' } as const, ['100003']],
    [{ type: 'phase', phase: 'secondary' } as const, ['100002']],
  ])('limits a school representative rule to its scope %o', (scope, urns) => {
    const seats = resolveSeats([{ id: 'r', kind: 'school_representative', scope, voting: 'voting', label: 'Rep' }], facts);
    expect(seats.map((s) => s.key)).toEqual(urns.map((urn) => `r:school:${urn}`));
  });

  it('lets a named deputy stand in for the headteacher, on the same seat', () => {
    const seats = resolveSeats([{ id: 'r1', kind: 'school_representative', scope: { type: 'cluster', bodyId: 'c1' }, voting: 'voting', label: 'Rep' }], {
      ...facts,
      deputies: [{ schoolId: 's2', userId: 'u7', name: 'Deputy Dan' }],
    });
    expect(seats[1]).toMatchObject({ key: 'r1:school:100002', holder: { userId: 'u7', name: 'Deputy Dan', schoolUrn: '100002', standingIn: true } });
  });

  it('uses another school role when the rule says so', () => {
    const seats = resolveSeats([{ id: 'r', kind: 'school_representative', scope: { type: 'partnership' }, role: 'business-manager', voting: 'non_voting', label: 'SBM' }], facts);
    expect(seats.map((s) => s.holder?.userId ?? null)).toEqual([null, 'u2b', null]);
    expect(seats.every((s) => s.voting === 'non_voting')).toBe(true);
  });

  it('seats the chair of each cluster, vacant for a cluster without one', () => {
    const seats = resolveSeats([{ id: 'r', kind: 'office_holder', office: 'chair', bodyKind: 'cluster', voting: 'voting', label: 'Cluster chair' }], {
      ...facts,
      bodies: [
        { id: 'c1', kind: 'cluster', name: 'Acton' },
        { id: 'c2', kind: 'cluster', name: 'Southall' },
        { id: 'b', kind: 'board', name: 'Board' },
      ],
      officeHolders: [
        { bodyId: 'c1', bodyKind: 'cluster', office: 'chair', userId: 'u1' },
        { bodyId: 'c1', bodyKind: 'cluster', office: 'vice_chair', userId: 'u2' },
        { bodyId: 'b', bodyKind: 'board', office: 'chair', userId: 'u9' },
      ],
    });
    expect(seats.map((s) => [s.key, s.label, s.holder?.name ?? null, s.holder?.schoolUrn ?? null])).toEqual([
      ['r:office:c1', 'Cluster chair: Acton', 'Ann Head', '100001'],
      ['r:office:c2', 'Cluster chair: Southall', null, null],
    ]);
  });

  it('seats everyone with a role at schools of a kind', () => {
    const rule: SeatRule = { id: 'r', kind: 'role_at_schools', role: 'headteacher', phases: ['special', 'secondary'], voting: 'voting', label: 'Head' };
    expect(resolveSeats([rule], facts).map((s) => s.key)).toEqual(['r:person:u2']);
    const byType: SeatRule = { id: 'r', kind: 'role_at_schools', role: 'headteacher', schoolTypes: ['community'], voting: 'voting', label: 'Head' };
    expect(resolveSeats([byType], facts).map((s) => s.key)).toEqual(['r:person:u1']);
  });

  it('seats appointees up to the maximum', () => {
    const seats = resolveSeats([{ id: 'la', kind: 'appointed', max: 2, voting: 'non_voting', label: 'LA officer' }], {
      ...facts,
      appointees: [
        { ruleId: 'la', userId: 'a1', name: 'One' },
        { ruleId: 'la', userId: 'a2', name: 'Two' },
        { ruleId: 'la', userId: 'a3', name: 'Three' },
        { ruleId: 'other', userId: 'a4', name: 'Four' },
      ],
    });
    expect(seats.map((s) => [s.key, s.holder?.name])).toEqual([
      ['la:appointee:a1', 'One'],
      ['la:appointee:a2', 'Two'],
    ]);
  });

  it('fills elected seats with the winners and shows the rest vacant', () => {
    const seats = resolveSeats([{ id: 'e', kind: 'elected', seats: 3, voting: 'voting', label: 'Elected member' }], {
      ...facts,
      electionWinners: [{ ruleId: 'e', userId: 'u2', name: 'Ben Head' }],
    });
    expect(seats.map((s) => [s.key, s.holder?.schoolUrn ?? null])).toEqual([
      ['e:elected:u2', '100002'],
      ['e:vacant:2', null],
      ['e:vacant:3', null],
    ]);
  });

  it('seats ex officio holders by tenant role or title, vacant when nobody holds it', () => {
    const byRole = resolveSeats([{ id: 'x', kind: 'ex_officio', tenantRole: 'officer', voting: 'observer', label: 'Officer' }], facts);
    expect(byRole.map((s) => [s.key, s.holder?.name, s.voting])).toEqual([['x:person:u9', 'Dee Director', 'observer']]);
    const byTitle = resolveSeats([{ id: 'x', kind: 'ex_officio', title: 'Executive Director', voting: 'non_voting', label: 'ED' }], {
      ...facts,
      exOfficio: [{ userId: 'u9', name: 'Dee Director', title: 'Executive Director' }],
    });
    expect(byTitle.map((s) => s.key)).toEqual(['x:person:u9']);
    expect(resolveSeats([{ id: 'x', kind: 'ex_officio', title: 'Mayor', voting: 'non_voting', label: 'Mayor' }], facts)).toEqual([
      { key: 'x:vacant', ruleId: 'x', label: 'Mayor', voting: 'non_voting', holder: null, schoolId: null },
    ]);
  });
});

describe('seatChanges', () => {
  const rule: SeatRule = { id: 'r1', kind: 'school_representative', scope: { type: 'partnership' }, voting: 'voting', label: 'Head' };

  it('begins every holding the first time', () => {
    expect(seatChanges([], resolveSeats([rule], facts), '2026-09-01')).toEqual({
      end: [],
      begin: [
        { seatKey: 'r1:school:100001', userId: 'u1', startsOn: '2026-09-01', endsOn: null },
        { seatKey: 'r1:school:100002', userId: 'u2', startsOn: '2026-09-01', endsOn: null },
      ],
    });
  });

  it('ends the old head and begins the new one when a head changes, leaving the rest alone', () => {
    const current: SeatHolding[] = [
      { seatKey: 'r1:school:100001', userId: 'u1', startsOn: '2025-09-01', endsOn: null },
      { seatKey: 'r1:school:100002', userId: 'old', startsOn: '2025-09-01', endsOn: null },
      { seatKey: 'r1:school:100002', userId: 'older', startsOn: '2024-09-01', endsOn: '2025-08-31' },
    ];
    expect(seatChanges(current, resolveSeats([rule], facts), '2026-01-05')).toEqual({
      end: [{ seatKey: 'r1:school:100002', userId: 'old', endsOn: '2026-01-04' }],
      begin: [{ seatKey: 'r1:school:100002', userId: 'u2', startsOn: '2026-01-05', endsOn: null }],
    });
  });

  it('ends a holding when its seat falls vacant or disappears', () => {
    const current: SeatHolding[] = [{ seatKey: 'gone', userId: 'u1', startsOn: '2026-01-05', endsOn: null }];
    expect(seatChanges(current, [], '2026-01-05').end).toEqual([{ seatKey: 'gone', userId: 'u1', endsOn: '2026-01-05' }]);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const schoolArb = fc.record({
  urn: fc.integer({ min: 100000, max: 100040 }).map(String),
  phase: fc.constantFrom(...PHASES),
  cluster: fc.constantFrom('c1', 'c2'),
  hasHead: fc.boolean(),
  hasDeputy: fc.boolean(),
});
const factsArb = fc.uniqueArray(schoolArb, { selector: (s) => s.urn, maxLength: 15 }).map((rows): SeatFacts => ({
  schools: rows.map((r) => school(`s${r.urn}`, r.urn, { phase: r.phase, clusterBodyIds: [r.cluster] })),
  people: rows.filter((r) => r.hasHead).map((r) => ({ userId: `h${r.urn}`, name: `Head ${r.urn}`, schoolId: `s${r.urn}`, role: 'headteacher' })),
  deputies: rows.filter((r) => r.hasDeputy).map((r) => ({ schoolId: `s${r.urn}`, userId: `d${r.urn}`, name: `Deputy ${r.urn}` })),
}));
const rulesArb: fc.Arbitrary<SeatRule[]> = fc.constant([
  { id: 'all', kind: 'school_representative', scope: { type: 'partnership' }, voting: 'voting', label: 'Rep' },
  { id: 'c1', kind: 'school_representative', scope: { type: 'cluster', bodyId: 'c1' }, voting: 'voting', label: 'Rep' },
  { id: 'sp', kind: 'role_at_schools', role: 'headteacher', phases: ['special'], voting: 'non_voting', label: 'Special' },
]);

function apply(current: SeatHolding[], changes: ReturnType<typeof seatChanges>): SeatHolding[] {
  const ended = current.map((h) => {
    const end = changes.end.find((e) => e.seatKey === h.seatKey && e.userId === h.userId && h.endsOn === null);
    return end ? { ...h, endsOn: end.endsOn } : h;
  });
  return [...ended, ...changes.begin];
}

describe('seat properties', () => {
  it('gives every school in scope exactly one seat, with unique keys, whatever the facts', () =>
    fc.assert(
      fc.property(factsArb, rulesArb, (f, rules) => {
        const seats = resolveSeats(rules, f);
        expect(new Set(seats.map((s) => s.key)).size).toBe(seats.length);
        expect(seats.filter((s) => s.ruleId === 'all')).toHaveLength(f.schools.length);
        for (const seat of seats.filter((s) => s.ruleId === 'all')) {
          const urn = seat.key.split(':')[2]!;
          const expected = f.deputies!.some((d) => d.schoolId === `s${urn}`) || f.people.some((p) => p.schoolId === `s${urn}`);
          expect(seat.holder !== null).toBe(expected);
        }
      }),
    ));

  it('resolves the same facts to the same seats (order of the input does not matter)', () =>
    fc.assert(
      fc.property(factsArb, rulesArb, (f, rules) => {
        const shuffled = { ...f, schools: [...f.schools].reverse(), people: [...f.people].reverse() };
        expect(resolveSeats(rules, shuffled)).toEqual(resolveSeats(rules, f));
      }),
    ));

  it('is idempotent: after applying the changes there is nothing left to change, and each seat has one current holder', () =>
    fc.assert(
      fc.property(factsArb, factsArb, rulesArb, (before, after, rules) => {
        let history = apply([], seatChanges([], resolveSeats(rules, before), '2026-09-01'));
        const resolved = resolveSeats(rules, after);
        history = apply(history, seatChanges(history, resolved, '2027-01-04'));
        expect(seatChanges(history, resolved, '2027-01-04')).toEqual({ end: [], begin: [] });
        const current = history.filter((h) => h.endsOn === null);
        expect(new Set(current.map((h) => h.seatKey)).size).toBe(current.length);
        expect(current.length).toBe(resolved.filter((s) => s.holder).length);
      }),
    ));
});
