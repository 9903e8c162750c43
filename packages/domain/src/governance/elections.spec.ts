import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../schools/phase';
import { countElection, fitsReservation, lotNumber, nominationRefusal } from './elections';
import type { ElectionBallot, ElectionCandidate, ElectionInput, NominationCandidate } from './types';

const cand = (id: string, extra: Partial<ElectionCandidate> = {}): ElectionCandidate => ({
  candidateId: id,
  userId: `u-${id}`,
  name: `Candidate ${id.toUpperCase()}`,
  schoolId: `s-${id}`,
  phase: 'primary',
  character: null,
  area: 'North',
  ...extra,
});
const schools = Array.from({ length: 20 }, (_, i) => `school${i}`);
/** Ballots from distinct schools: each entry is the list of choices of one school. */
const ballots = (...choices: string[][]): ElectionBallot[] => choices.map((c, i) => ({ id: `b${i}`, schoolId: schools[i]!, choices: c }));
const base = (extra: Partial<ElectionInput>): ElectionInput => ({ seats: 2, candidates: [], ballots: [], electorateSchoolIds: schools, tieBreak: { rule: 'lot', seed: 'agm-2026' }, ...extra });

describe('countElection', () => {
  it('elects the most votes when nothing is reserved', () => {
    const result = countElection(base({ candidates: [cand('a'), cand('b'), cand('c')], ballots: ballots(['a', 'b'], ['a', 'c'], ['b'], ['a']) }));
    expect(result.elected.map((e) => [e.candidateId, e.votes, e.reservation])).toEqual([
      ['a', 3, null],
      ['b', 2, null],
    ]);
    expect(result.tallies).toEqual([
      { candidateId: 'a', votes: 3 },
      { candidateId: 'b', votes: 2 },
      { candidateId: 'c', votes: 1 },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('fills seats reserved by phase, character and area first, then the rest by votes', () => {
    const candidates = [
      cand('p1', { phase: 'primary' }),
      cand('p2', { phase: 'primary' }),
      cand('p3', { phase: 'primary', area: 'South' }),
      cand('sec', { phase: 'secondary' }),
      cand('spe', { phase: 'special' }),
      cand('rc', { phase: 'primary', character: 'Roman Catholic' }),
    ];
    const result = countElection(
      base({
        seats: 5,
        maxChoices: 5,
        candidates,
        reservations: [
          { label: 'secondary schools', count: 1, phases: ['secondary'] },
          { label: 'special schools', count: 1, phases: ['special'] },
          { label: 'church schools', count: 1, characters: ['Church of England', 'Roman Catholic'] },
          { label: 'the South', count: 1, areas: ['South'] },
        ],
        ballots: ballots(['p1', 'p2'], ['p1', 'p2'], ['p1', 'p2', 'sec'], ['p1', 'p2', 'rc'], ['p3', 'spe', 'p1']),
      }),
    );
    expect(result.elected[0]).toMatchObject({ candidateId: 'p1', votes: 5, reservation: null });
    expect(new Map(result.elected.slice(1).map((e) => [e.candidateId, [e.votes, e.reservation]]))).toEqual(
      new Map([
        ['sec', [1, 'secondary schools']],
        ['spe', [1, 'special schools']],
        ['rc', [1, 'church schools']],
        ['p3', [1, 'the South']],
      ]),
    );
    // p2 had 4 votes but the reserved seats come first.
    expect(result.elected.some((e) => e.candidateId === 'p2')).toBe(false);
  });

  it('fills the most constrained reservation first so a candidate who fits two does not block one who fits one', () => {
    const candidates = [cand('x', { phase: 'special', area: 'East' }), cand('y', { phase: 'special', area: 'West' })];
    const result = countElection(
      base({
        candidates,
        ballots: ballots(['x'], ['x'], ['y']),
        reservations: [
          { label: 'special schools', count: 1, phases: ['special'] },
          { label: 'the East', count: 1, areas: ['East'] },
        ],
      }),
    );
    expect(result.elected.map((e) => [e.candidateId, e.reservation])).toEqual([
      ['x', 'the East'],
      ['y', 'special schools'],
    ]);
  });

  it('reports a reservation nobody can fill, and seats left empty', () => {
    const result = countElection(base({ seats: 3, candidates: [cand('a')], ballots: ballots(['a']), reservations: [{ label: 'special schools', count: 1, phases: ['special'] }] }));
    expect(result.elected.map((e) => e.candidateId)).toEqual(['a']);
    expect(result.problems).toEqual(['No candidate was left to fill the seat reserved for special schools.', 'There were not enough candidates: 2 seats left empty.']);
  });

  it('settles a tie by a seeded draw that is the same every time', () => {
    const input = base({ seats: 1, candidates: [cand('a'), cand('b')], ballots: ballots(['a'], ['b']) });
    const first = countElection(input);
    expect(countElection({ ...input, candidates: [...input.candidates].reverse() })).toEqual(first);
    const winner = lotNumber('agm-2026', 'a') < lotNumber('agm-2026', 'b') ? 'a' : 'b';
    expect(first.elected[0]!.candidateId).toBe(winner);
    expect(first.tiesSettled).toHaveLength(1);
    expect(first.tiesSettled[0]).toMatch(/had 1 vote each; Candidate [AB] was elected by drawing lots \(seed "agm-2026"\)\.$/);
  });

  it('settles a tie for the longest serving', () => {
    const result = countElection(
      base({
        seats: 1,
        tieBreak: { rule: 'longest_serving' },
        candidates: [cand('new', { servingSince: null }), cand('old', { servingSince: '2019-09-01' }), cand('mid', { servingSince: '2022-09-01' })],
        ballots: ballots(['new'], ['old'], ['mid']),
      }),
    );
    expect(result.elected[0]!.candidateId).toBe('old');
    expect(result.tiesSettled).toEqual(['Candidate OLD and Candidate MID had 1 vote each; Candidate OLD was elected as the longer serving.']);
  });

  it.each([
    ['a school outside the electorate', { id: 'x', schoolId: 'elsewhere', choices: ['a'] }, 'The school is not in the electorate.'],
    ['too many choices', { id: 'x', schoolId: 'school1', choices: ['a', 'b', 'c'] }, 'The ballot names 3 candidates; at most 2 may be chosen.'],
    ['a repeated choice', { id: 'x', schoolId: 'school1', choices: ['a', 'a'] }, 'The ballot names a candidate more than once.'],
    ['an unknown candidate', { id: 'x', schoolId: 'school1', choices: ['zz'] }, 'The ballot names someone who is not a candidate.'],
    ['a second ballot from a school', { id: 'x', schoolId: 'school0', choices: ['b'] }, 'The school has already voted.'],
  ])('refuses %s', (_, bad, reason) => {
    const result = countElection(base({ candidates: [cand('a'), cand('b'), cand('c')], ballots: [...ballots(['a']), bad] }));
    expect(result.refusedBallots).toEqual([{ ballotId: 'x', reason }]);
    expect(result.tallies.reduce((sum, t) => sum + t.votes, 0)).toBe(1);
  });

  it('matches reservations on every list given', () => {
    expect(fitsReservation(cand('a', { phase: 'special', area: 'East' }), { label: 'x', count: 1, phases: ['special'], areas: ['East'] })).toBe(true);
    expect(fitsReservation(cand('a', { phase: 'special', area: 'West' }), { label: 'x', count: 1, phases: ['special'], areas: ['East'] })).toBe(false);
    expect(fitsReservation(cand('a'), { label: 'x', count: 1, characters: ['Jewish'] })).toBe(false);
  });
});

describe('nominationRefusal', () => {
  const ok: NominationCandidate = { userId: 'u', schoolId: 's', role: 'headteacher', schoolInGoodStanding: true, alreadyHolding: false, termsServed: 1 };
  const rules = { roles: ['headteacher'], maxTerms: 2 };

  it('accepts an eligible headteacher', () => expect(nominationRefusal(ok, rules)).toBeNull());
  it.each([
    [{ schoolId: null }, 'not_member_school'],
    [{ schoolInGoodStanding: false }, 'school_not_in_good_standing'],
    [{ role: 'staff' }, 'role_not_eligible'],
    [{ alreadyNominated: true }, 'already_nominated'],
    [{ alreadyHolding: true }, 'already_holding'],
    [{ termsServed: 2 }, 'term_limit'],
  ] as const)('refuses %o: %s', (change, code) => expect(nominationRefusal({ ...ok, ...change }, rules)?.code).toBe(code));
  it('lets a holder stand when the rules allow it', () => expect(nominationRefusal({ ...ok, alreadyHolding: true }, { ...rules, holdersMayStand: true })).toBeNull());
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const candidatesArb = fc
  .array(fc.record({ phase: fc.constantFrom(...PHASES.slice(0, 4), 'special' as const), area: fc.constantFrom('North', 'South'), serving: fc.option(fc.constantFrom('2018-09-01', '2020-09-01'), { nil: null }) }), {
    minLength: 1,
    maxLength: 9,
  })
  .map((rows) => rows.map((r, i) => cand(`c${i}`, { phase: r.phase, area: r.area, servingSince: r.serving })));
const electionArb = candidatesArb.chain((candidates) =>
  fc.record({
    candidates: fc.constant(candidates),
    seats: fc.integer({ min: 1, max: 6 }),
    choices: fc.array(fc.uniqueArray(fc.constantFrom(...candidates.map((c) => c.candidateId)), { maxLength: 2 }), { maxLength: 20 }),
    reserveSpecial: fc.integer({ min: 0, max: 2 }),
    rule: fc.constantFrom<ElectionInput['tieBreak']>({ rule: 'lot', seed: 's1' }, { rule: 'lot', seed: 's2' }, { rule: 'longest_serving' }),
  }),
);
const toInput = (e: { candidates: ElectionCandidate[]; seats: number; choices: string[][]; reserveSpecial: number; rule: ElectionInput['tieBreak'] }): ElectionInput =>
  base({
    seats: e.seats,
    maxChoices: 2,
    candidates: e.candidates,
    ballots: ballots(...e.choices),
    reservations: e.reserveSpecial ? [{ label: 'special schools', count: e.reserveSpecial, phases: ['special'] }] : [],
    tieBreak: e.rule,
  });

describe('election properties', () => {
  it('fills min(seats, candidates) seats with different people', () =>
    fc.assert(
      fc.property(electionArb, (e) => {
        const result = countElection(toInput(e));
        expect(result.elected).toHaveLength(Math.min(e.seats, e.candidates.length));
        expect(new Set(result.elected.map((x) => x.candidateId)).size).toBe(result.elected.length);
      }),
    ));

  it('honours a reservation whenever enough candidates fit it', () =>
    fc.assert(
      fc.property(electionArb, (e) => {
        const result = countElection(toInput(e));
        const fitting = e.candidates.filter((c) => c.phase === 'special').length;
        const wanted = Math.min(e.reserveSpecial, fitting, e.seats);
        const special = result.elected.filter((x) => e.candidates.find((c) => c.candidateId === x.candidateId)!.phase === 'special');
        expect(special.length).toBeGreaterThanOrEqual(wanted);
      }),
    ));

  it('never leaves an open seat to someone with fewer votes than a candidate left out', () =>
    fc.assert(
      fc.property(electionArb, (e) => {
        const result = countElection(toInput(e));
        const out = result.tallies.filter((t) => !result.elected.some((x) => x.candidateId === t.candidateId));
        const best = Math.max(-1, ...out.map((t) => t.votes));
        for (const seat of result.elected.filter((x) => x.reservation === null)) expect(seat.votes).toBeGreaterThanOrEqual(best);
      }),
    ));

  it('is deterministic whatever the order of candidates and ballots', () =>
    fc.assert(
      fc.property(electionArb, (e) => {
        const input = toInput(e);
        const again = countElection({ ...input, candidates: [...input.candidates].reverse(), ballots: [...input.ballots].reverse() });
        expect(again).toEqual(countElection(input));
      }),
    ));
});
