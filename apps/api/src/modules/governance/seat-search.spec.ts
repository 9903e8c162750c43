import { describe, expect, it } from 'vitest';
import type { SeatDto } from './governance.dto';
import { searchSeats } from './seat-search';

const seat = (id: string, label: string, holder: SeatDto['holder'] = null): SeatDto => ({ id, rule: 'r1', ruleKind: 'school_representative', label, voting: 'voting', holder });
const SEATS = [
  seat('r1:school:920001', 'Member school: Acton Vale Primary School', { userId: 'u1', name: 'Asha Patel', schoolUrn: '920001' }),
  seat('r1:school:920002', 'Member school: Brentside High School'),
  seat('r2:person:u3', 'Independent chair', { userId: 'u3', name: 'Chris Okafor', schoolUrn: null }),
];
const ids = (q: string | undefined) => searchSeats(SEATS, q).map((s) => s.id);

describe('searchSeats', () => {
  it.each([
    ['', ['r1:school:920001', 'r1:school:920002', 'r2:person:u3']],
    ['   ', ['r1:school:920001', 'r1:school:920002', 'r2:person:u3']],
    ['acton', ['r1:school:920001']],
    ['BRENTSIDE', ['r1:school:920002']],
    ['920002', ['r1:school:920002']],
    ['92000', ['r1:school:920001', 'r1:school:920002']],
    ['okafor', ['r2:person:u3']],
    ['asha', ['r1:school:920001']],
    ['chair', ['r2:person:u3']],
    ['member school', ['r1:school:920001', 'r1:school:920002']],
    ['nothing', []],
  ])('%j finds %j', (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('keeps every seat when there is no search', () => {
    expect(searchSeats(SEATS, undefined)).toBe(SEATS);
    expect(searchSeats(SEATS, null)).toBe(SEATS);
  });
});
