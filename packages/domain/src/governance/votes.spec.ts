import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, ElectorateEntry, MotionChoice, MotionOptions, Proxy } from './types';
import { ballotRefusal, countMotion, decidedWithQuorum, proxyInForce, tallyReceipt, verifyTally } from './votes';

const electorate: ElectorateEntry[] = ['a', 'b', 'c', 'd', 'e'].map((s) => ({ schoolId: s, schoolUrn: `10000${s.charCodeAt(0) - 96}`, schoolName: `School ${s.toUpperCase()}`, voterUserId: `v-${s}` }));
const options: MotionOptions = {
  meetingId: 'agm',
  majority: 'simple',
  tieBreak: 'motion_falls',
  chairUserId: 'chair',
  secret: false,
  allowChangeBeforeClose: false,
  opensAt: '2026-12-01T18:00:00Z',
  closesAt: '2026-12-01T19:00:00Z',
};
let n = 0;
const ballot = (schoolId: string, choice: MotionChoice, castByUserId = `v-${schoolId}`, minute = 10): Ballot => ({
  id: `ballot-${++n}`,
  schoolId,
  castByUserId,
  choice,
  castAt: `2026-12-01T18:${String(minute).padStart(2, '0')}:00Z`,
});
const proxy = (grantor: string, holder: Proxy['holder'], extra: Partial<Proxy> = {}): Proxy => ({ grantorSchoolId: grantor, holder, meetingId: 'agm', grantedAt: '2026-11-20T09:00:00Z', ...extra });
const ctx = (accepted: Ballot[] = [], proxies: Proxy[] = [], opts: Partial<MotionOptions> = {}) => ({ electorate, accepted, proxies, options: { ...options, ...opts } });

describe('ballotRefusal', () => {
  const attempt = (schoolId: string, castByUserId: string, castAt = '2026-12-01T18:30:00Z') => ({ schoolId, castByUserId, castAt });

  it('lets a school\'s designated voter vote once while the poll is open', () => expect(ballotRefusal(attempt('a', 'v-a'), ctx())).toBeNull());

  it.each([
    ['before the poll opens', attempt('a', 'v-a', '2026-12-01T17:59:59Z'), ctx(), 'poll_not_open'],
    ['at the close', attempt('a', 'v-a', '2026-12-01T19:00:00Z'), ctx(), 'poll_closed'],
    ['a school outside the electorate (a category without votes)', attempt('z', 'v-z'), ctx(), 'not_in_electorate'],
    ['someone voting for another school', attempt('a', 'v-b'), ctx(), 'not_designated_voter_or_proxy'],
    ['a second ballot', attempt('a', 'v-a'), ctx([ballot('a', 'for')]), 'already_voted'],
    ['a revoked proxy', attempt('a', 'v-b'), ctx([], [proxy('a', { type: 'school', schoolId: 'b' }, { revokedAt: '2026-12-01T18:00:00Z' })]), 'not_designated_voter_or_proxy'],
    ['a proxy for another meeting', attempt('a', 'v-b'), ctx([], [proxy('a', { type: 'school', schoolId: 'b' }, { meetingId: 'egm' })]), 'not_designated_voter_or_proxy'],
  ])('refuses %s', (_, a, context, code) => expect(ballotRefusal(a, context)?.code).toBe(code));

  it('lets the holder of a proxy vote for the school that appointed them, and the chair hold proxies', () => {
    expect(ballotRefusal(attempt('a', 'v-b'), ctx([], [proxy('a', { type: 'school', schoolId: 'b' })]))).toBeNull();
    expect(ballotRefusal(attempt('a', 'chair'), ctx([], [proxy('a', { type: 'chair' })]))).toBeNull();
    expect(ballotRefusal(attempt('a', 'v-a'), ctx([], [proxy('a', { type: 'chair' })]))).toBeNull();
  });

  it('refuses a proxy vote when proxies count for presence only', () =>
    expect(ballotRefusal(attempt('a', 'v-b'), ctx([], [proxy('a', { type: 'school', schoolId: 'b' })], { proxiesCountForVote: false }))?.code).toBe('not_designated_voter_or_proxy'));

  it('allows a changed vote before the close only when the poll allows it', () =>
    expect(ballotRefusal(attempt('a', 'v-a'), ctx([ballot('a', 'for')], [], { allowChangeBeforeClose: true }))).toBeNull());

  it('finds the latest proxy in force', () => {
    const proxies = [proxy('a', { type: 'chair' }), proxy('a', { type: 'school', schoolId: 'c' }, { grantedAt: '2026-11-25T09:00:00Z' })];
    expect(proxyInForce(proxies, 'a', 'agm', '2026-12-01T18:30:00Z')?.holder).toEqual({ type: 'school', schoolId: 'c' });
    expect(proxyInForce(proxies, 'a', 'agm', '2026-11-21T18:30:00Z')?.holder).toEqual({ type: 'chair' });
  });
});

describe('countMotion', () => {
  it('counts one vote per school, with a proxy vote counted for the school that gave it and abstentions left out of the majority', () => {
    const ballots = [ballot('a', 'for'), ballot('b', 'for'), ballot('c', 'against', 'v-b'), ballot('d', 'abstain'), ballot('z', 'against', 'v-z')];
    const result = countMotion(electorate, ballots, [proxy('c', { type: 'school', schoolId: 'b' })], options);
    expect(result).toMatchObject({ outcome: 'carried', for: 2, against: 1, abstain: 1, notVoted: 1, electorate: 5, byProxy: 1, tie: false, tieSettledBy: null, receipts: null });
    expect(result.votes!.map((v) => [v.schoolId, v.choice, v.proxyUserId])).toEqual([
      ['a', 'for', null],
      ['b', 'for', null],
      ['c', 'against', 'v-b'],
      ['d', 'abstain', null],
      ['e', null, null],
    ]);
    expect(result.refused.map((r) => r.refusal.code)).toEqual(['not_in_electorate']);
    expect(result.explanation).toBe('Carried: 2 for, 1 against, 1 abstention; 1 school did not vote. A simple majority of the votes cast was needed.');
  });

  it('refuses a second ballot from the same school, or counts the later one when changes are allowed', () => {
    const ballots = [ballot('a', 'for', 'v-a', 10), ballot('a', 'against', 'v-a', 20)];
    expect(countMotion(electorate, ballots, [], options)).toMatchObject({ for: 1, against: 0, refused: [{ ballotId: ballots[1]!.id, refusal: { code: 'already_voted' } }] });
    expect(countMotion(electorate, ballots, [], { ...options, allowChangeBeforeClose: true })).toMatchObject({ for: 0, against: 1, refused: [] });
  });

  it.each([
    ['motion_falls', undefined, 'fallen'],
    ['chair_casting_vote', undefined, 'fallen'],
    ['chair_casting_vote', 'for', 'carried'],
  ] as const)('settles a tie by %s (casting vote %s): %s', (tieBreak, chairCastingVote, outcome) => {
    const result = countMotion(electorate, [ballot('a', 'for'), ballot('b', 'against'), ballot('c', 'abstain')], [], { ...options, tieBreak, ...(chairCastingVote ? { chairCastingVote } : {}) });
    expect(result).toMatchObject({ outcome, tie: true, tieSettledBy: tieBreak });
  });

  it.each([
    [4, 2, 'carried'],
    [3, 2, 'fallen'],
    [2, 1, 'carried'],
  ])('needs two thirds of votes cast under a two-thirds majority: %i for, %i against is %s', (f, a, outcome) => {
    const schools = Array.from({ length: f + a }, (_, i) => ({ schoolId: `s${i}`, schoolUrn: String(200000 + i), schoolName: `S${i}`, voterUserId: `u${i}` }));
    const ballots = schools.map((s, i) => ({ id: `x${i}`, schoolId: s.schoolId, castByUserId: s.voterUserId, choice: (i < f ? 'for' : 'against') as MotionChoice, castAt: '2026-12-01T18:30:00Z' }));
    expect(countMotion(schools, ballots, [], { ...options, majority: 'two_thirds' }).outcome).toBe(outcome);
  });

  it('lets a motion with no votes for or against fall', () => expect(countMotion(electorate, [ballot('a', 'abstain')], [], { ...options, tieBreak: 'chair_casting_vote', chairCastingVote: 'for' })).toMatchObject({ outcome: 'fallen', tie: false }));

  it('publishes a secret ballot as receipts that add up, with nobody\'s choice named', () => {
    const ballots = [ballot('a', 'for'), ballot('b', 'against'), ballot('c', 'for')];
    const result = countMotion(electorate, ballots, [], { ...options, secret: true, receiptSalt: 'pepper' });
    expect(result.votes).toBeNull();
    expect(result.schoolsVoted).toEqual(['a', 'b', 'c']);
    expect(result.receipts).toHaveLength(3);
    expect(JSON.stringify(result)).not.toContain(ballots[0]!.id);
    expect(verifyTally(result)).toBe(true);
    expect(verifyTally(result, { ballotId: ballots[1]!.id, choice: 'against', salt: 'pepper' })).toBe(true);
    expect(verifyTally(result, { ballotId: ballots[1]!.id, choice: 'for', salt: 'pepper' })).toBe(false);
    expect(verifyTally({ ...result, for: 3 })).toBe(false);
    expect(() => countMotion(electorate, ballots, [], { ...options, secret: true })).toThrow(/salt/);
  });

  it('makes receipts from the ballot id, choice and salt', () => {
    expect(tallyReceipt('b1', 'for', 's')).toMatch(/^[0-9a-f]{64}$/);
    expect(tallyReceipt('b1', 'for', 's')).toBe(tallyReceipt('b1', 'for', 's'));
    expect(tallyReceipt('b1', 'for', 's')).not.toBe(tallyReceipt('b1', 'against', 's'));
    expect(tallyReceipt('b1', 'for', 's')).not.toBe(tallyReceipt('b1', 'for', 't'));
  });
});

const attemptArb = fc.record({
  school: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z'),
  by: fc.constantFrom('v-a', 'v-b', 'v-c', 'v-d', 'v-e', 'v-z', 'chair'),
  choice: fc.constantFrom<MotionChoice>('for', 'against', 'abstain'),
  minute: fc.integer({ min: 0, max: 70 }),
});
const proxiesArb = fc.array(
  fc.record({ grantor: fc.constantFrom('a', 'b', 'c', 'd', 'e'), holder: fc.constantFrom<Proxy['holder']>({ type: 'chair' }, { type: 'school', schoolId: 'a' }, { type: 'school', schoolId: 'b' }), revoked: fc.boolean() }),
  { maxLength: 4 },
).map((rows) => rows.map((r) => proxy(r.grantor, r.holder, r.revoked ? { revokedAt: '2026-12-01T18:20:00Z' } : {})));
const toBallots = (rows: { school: string; by: string; choice: MotionChoice; minute: number }[]) =>
  rows.map((r, i): Ballot => ({ id: `p${i}`, schoolId: r.school, castByUserId: r.by, choice: r.choice, castAt: new Date(Date.parse('2026-12-01T17:55:00Z') + r.minute * 60_000).toISOString() }));

describe('voting properties', () => {
  it('never counts more than one vote per school in the electorate, and every ballot is either counted or refused', () =>
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 20 }), proxiesArb, fc.boolean(), (rows, proxies, allowChange) => {
        const ballots = toBallots(rows);
        const result = countMotion(electorate, ballots, proxies, { ...options, allowChangeBeforeClose: allowChange });
        const counted = result.for + result.against + result.abstain;
        expect(counted + result.notVoted).toBe(electorate.length);
        expect(new Set(result.schoolsVoted).size).toBe(counted);
        expect(result.schoolsVoted.every((s) => electorate.some((e) => e.schoolId === s))).toBe(true);
        if (!allowChange) expect(counted + result.refused.length).toBe(ballots.length);
      }),
    ));

  it('gives the same result however the ballots are listed', () =>
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 20 }), proxiesArb, (rows, proxies) => {
        const ballots = toBallots(rows);
        const { refused: _a, ...one } = countMotion(electorate, ballots, proxies, options);
        const { refused: _b, ...other } = countMotion(electorate, [...ballots].reverse(), proxies, options);
        expect(other).toEqual(one);
      }),
    ));

  it('counts abstentions without changing the outcome', () =>
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 20 }), (rows) => {
        const ballots = toBallots(rows);
        const withAbstentions = countMotion(electorate, ballots, [], options);
        const without = countMotion(electorate, ballots.filter((b) => b.choice !== 'abstain'), [], options);
        if (withAbstentions.refused.length === 0) expect(withAbstentions.outcome).toBe(without.outcome);
      }),
    ));

  it('makes a secret tally that always verifies', () =>
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 20 }), fc.string(), (rows, salt) => {
        const result = countMotion(electorate, toBallots(rows), [], { ...options, secret: true, receiptSalt: `s${salt}` });
        expect(verifyTally(result)).toBe(true);
      }),
    ));
});

describe('decidedWithQuorum', () => {
  const carried = countMotion(electorate, [ballot('a', 'for')], [], options);

  it('decides nothing at a meeting that was not quorate, whatever the votes', () => {
    expect(carried.outcome).toBe('carried');
    const result = decidedWithQuorum(carried, { met: false, explanation: 'Not quorate: 1 of 3 needed.' });
    expect(result.outcome).toBe('not_quorate');
    expect(result.explanation).toMatch(/^Not decided: the meeting was not quorate \(Not quorate: 1 of 3 needed\)\. Carried/);
    expect(result.for).toBe(1);
  });

  it.each([[{ met: true, explanation: 'Quorate.' }], [null]])('keeps the count when quorate or when there is no rule (%o)', (quorum) => {
    expect(decidedWithQuorum(carried, quorum)).toEqual(carried);
  });
});
