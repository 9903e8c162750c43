import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorumMet, quorumRequired } from './quorum';
import { ATTENDANCE_STATUSES, type AttendanceEntry, type QuorumRule, type QuorumSeat } from './types';

const seats: QuorumSeat[] = [
  { key: 'chair', voting: 'voting', isChair: true },
  { key: 's1', voting: 'voting' },
  { key: 's2', voting: 'voting' },
  { key: 's3', voting: 'voting' },
  { key: 's4', voting: 'voting' },
  { key: 's5', voting: 'voting' },
  { key: 'la', voting: 'non_voting' },
  { key: 'obs', voting: 'observer' },
];
const at = (seatKey: string | null, status: AttendanceEntry['status'], proxyHolderSeatKey?: string): AttendanceEntry => ({ seatKey, status, ...(proxyHolderSeatKey ? { proxyHolderSeatKey } : {}) });
const half: QuorumRule = { type: 'fraction', numerator: 1, denominator: 2 };

describe('quorumRequired', () => {
  it.each([
    [{ type: 'count', n: 4 } as QuorumRule, 10, 4],
    [{ type: 'fraction', numerator: 1, denominator: 2 } as QuorumRule, 6, 3],
    [{ type: 'fraction', numerator: 1, denominator: 2 } as QuorumRule, 7, 4],
    [{ type: 'fraction', numerator: 2, denominator: 3 } as QuorumRule, 9, 6],
    [{ type: 'fraction', numerator: 1, denominator: 3 } as QuorumRule, 10, 4],
    [{ type: 'fraction', numerator: 1, denominator: 3 } as QuorumRule, 0, 1],
  ])('needs for %o of %i voting seats: %i', (rule, n, required) => expect(quorumRequired(rule, n)).toBe(required));

  it('refuses a fraction over zero', () => expect(() => quorumRequired({ type: 'fraction', numerator: 1, denominator: 0 }, 4)).toThrow(RangeError));
});

describe('quorumMet', () => {
  it('counts voting seats present or with a deputy standing in', () => {
    const result = quorumMet(half, seats, [at('chair', 'present'), at('s1', 'deputy'), at('s2', 'present'), at('s3', 'apologies'), at('la', 'present')]);
    expect(result).toMatchObject({ met: true, required: 3, counted: 3, votingSeats: 6, countedSeatKeys: ['chair', 's1', 's2'], chairPresent: true });
    expect(result.explanation).toBe('Quorate: 3 of 6 voting seats present (3 needed).');
  });

  it.each([
    ['non-voting and observer seats', [at('chair', 'present'), at('s1', 'present'), at('la', 'present'), at('obs', 'present')]],
    ['people in attendance without a seat', [at('chair', 'present'), at('s1', 'present'), at(null, 'in_attendance'), at(null, 'in_attendance')]],
    ['seats marked in attendance', [at('chair', 'present'), at('s1', 'present'), at('s2', 'in_attendance')]],
    ['apologies and absence', [at('chair', 'present'), at('s1', 'present'), at('s2', 'apologies'), at('s3', 'absent')]],
  ])('does not count %s', (_, attendance) => expect(quorumMet(half, seats, attendance)).toMatchObject({ met: false, counted: 2 }));

  it('counts a proxy for presence only when the rule says so, and only when its holder is there', () => {
    const attendance = [at('chair', 'present'), at('s1', 'present'), at('s2', 'apologies', 's1'), at('s3', 'absent', 's4')];
    expect(quorumMet(half, seats, attendance)).toMatchObject({ met: false, counted: 2 });
    const withProxies = quorumMet({ ...half, proxiesCountForPresence: true }, seats, attendance);
    expect(withProxies).toMatchObject({ met: true, counted: 3, countedSeatKeys: ['chair', 's1', 's2'] });
    expect(withProxies.explanation).toBe('Quorate: 3 of 6 voting seats present (3 needed), including 1 by proxy.');
  });

  it('needs the chair in person when the rule says so', () => {
    const attendance = [at('chair', 'deputy'), at('s1', 'present'), at('s2', 'present'), at('s3', 'present')];
    const result = quorumMet({ type: 'count', n: 3, mustIncludeChair: true }, seats, attendance);
    expect(result).toMatchObject({ met: false, counted: 4, chairPresent: false });
    expect(result.explanation).toBe('Not quorate: 4 of 6 voting seats present (3 needed); the chair must be present and is not.');
    expect(quorumMet({ type: 'count', n: 3, mustIncludeChair: true }, seats, [...attendance.slice(1), at('chair', 'present')]).met).toBe(true);
  });
});

const attendanceArb = fc.array(
  fc.record({ seat: fc.constantFrom(null, ...seats.map((s) => s.key)), status: fc.constantFrom(...ATTENDANCE_STATUSES), proxy: fc.option(fc.constantFrom(...seats.map((s) => s.key)), { nil: undefined }) }),
  { maxLength: 12 },
).map((rows) => rows.map((r) => at(r.seat, r.status, r.proxy)));
const ruleArb: fc.Arbitrary<QuorumRule> = fc.oneof(
  fc.record({ type: fc.constant('count' as const), n: fc.integer({ min: 1, max: 8 }), mustIncludeChair: fc.boolean(), proxiesCountForPresence: fc.boolean() }),
  fc.record({ type: fc.constant('fraction' as const), numerator: fc.integer({ min: 1, max: 3 }), denominator: fc.integer({ min: 3, max: 4 }), mustIncludeChair: fc.boolean(), proxiesCountForPresence: fc.boolean() }),
);

describe('quorum properties', () => {
  it('never counts more than the voting seats, nor a non-voting seat', () =>
    fc.assert(
      fc.property(ruleArb, attendanceArb, (rule, attendance) => {
        const result = quorumMet(rule, seats, attendance);
        expect(result.counted).toBeLessThanOrEqual(result.votingSeats);
        expect(result.countedSeatKeys.every((k) => !['la', 'obs'].includes(k))).toBe(true);
      }),
    ));

  it('is not changed by anyone in attendance as a non-member', () =>
    fc.assert(fc.property(ruleArb, attendanceArb, (rule, attendance) => {
      expect(quorumMet(rule, seats, [...attendance, at(null, 'in_attendance')])).toEqual(quorumMet(rule, seats, attendance));
    })));

  it('only gets more quorate when someone else turns up', () =>
    fc.assert(
      fc.property(ruleArb, attendanceArb, fc.constantFrom(...seats.map((s) => s.key)), (rule, attendance, seat) => {
        const before = quorumMet(rule, seats, attendance);
        const after = quorumMet(rule, seats, [...attendance, at(seat, 'present')]);
        expect(after.counted).toBeGreaterThanOrEqual(before.counted);
        if (before.met) expect(after.met).toBe(true);
      }),
    ));

  it('does not depend on the order attendance was recorded in', () =>
    fc.assert(fc.property(ruleArb, attendanceArb, (rule, attendance) => {
      expect(quorumMet(rule, seats, [...attendance].reverse()).met).toBe(quorumMet(rule, seats, attendance).met);
    })));
});
