import type { AttendanceEntry, AttendanceStatus, QuorumResult, QuorumRule, QuorumSeat } from './types';

const COUNTS_AS_PRESENT: ReadonlySet<AttendanceStatus> = new Set(['present', 'deputy']);

/** Voting seats needed for a quorum: a count, or a fraction of the voting seats rounded up (at least one). */
export function quorumRequired(rule: QuorumRule, votingSeats: number): number {
  if (rule.type === 'count') return Math.max(1, Math.ceil(rule.n));
  if (!(rule.denominator > 0) || rule.numerator < 0) throw new RangeError('A quorum fraction needs a positive denominator and a numerator of zero or more');
  // Whole-number arithmetic, so 2/3 of 9 is exactly 6, not 6.000000001 rounded up to 7.
  return Math.max(1, Math.ceil((votingSeats * rule.numerator) / rule.denominator - 1e-9));
}

/**
 * Whether a meeting is quorate. Only voting seats count: a seat counts when
 * its holder is present or a deputy stands in for it; apologies, absence and
 * people in attendance who hold no seat never count. An absent seat whose
 * proxy is carried by a seat that counts is counted too, but only when the
 * rule says proxies count for presence. Pass the seats that are filled (a
 * vacant seat has nobody to attend). With `mustIncludeChair`, the chair must
 * be there in person.
 */
export function quorumMet(rule: QuorumRule, seats: readonly QuorumSeat[], attendance: readonly AttendanceEntry[]): QuorumResult {
  const voting = seats.filter((seat) => seat.voting === 'voting');
  const votingKeys = new Set(voting.map((seat) => seat.key));
  const bySeat = new Map<string, AttendanceEntry>();
  for (const entry of attendance) {
    if (entry.seatKey === null || !votingKeys.has(entry.seatKey)) continue;
    const earlier = bySeat.get(entry.seatKey);
    // If a seat is marked twice, being there wins over not being there.
    if (!earlier || (!COUNTS_AS_PRESENT.has(earlier.status) && COUNTS_AS_PRESENT.has(entry.status))) bySeat.set(entry.seatKey, entry);
  }
  const inPerson = new Set([...bySeat.values()].filter((entry) => COUNTS_AS_PRESENT.has(entry.status)).map((entry) => entry.seatKey!));
  const counted = new Set(inPerson);
  if (rule.proxiesCountForPresence) {
    for (const entry of attendance) {
      if (entry.seatKey === null || !votingKeys.has(entry.seatKey) || inPerson.has(entry.seatKey)) continue;
      if (entry.proxyHolderSeatKey && inPerson.has(entry.proxyHolderSeatKey)) counted.add(entry.seatKey);
    }
  }
  const chairSeat = seats.find((seat) => seat.isChair);
  const chairPresent = chairSeat !== undefined && bySeatStatus(attendance, chairSeat.key) === 'present';
  const required = quorumRequired(rule, voting.length);
  const enough = counted.size >= required;
  const met = enough && (!rule.mustIncludeChair || chairPresent);
  const countedSeatKeys = voting.map((seat) => seat.key).filter((key) => counted.has(key));
  const seatsWord = (n: number) => `${n} voting seat${n === 1 ? '' : 's'}`;
  let explanation = `${met ? 'Quorate' : 'Not quorate'}: ${counted.size} of ${seatsWord(voting.length)} present (${required} needed)`;
  if (rule.proxiesCountForPresence && counted.size > inPerson.size) explanation += `, including ${counted.size - inPerson.size} by proxy`;
  if (rule.mustIncludeChair && !chairPresent) explanation += '; the chair must be present and is not';
  return { met, required, counted: counted.size, votingSeats: voting.length, countedSeatKeys, chairPresent, explanation: `${explanation}.` };
}

function bySeatStatus(attendance: readonly AttendanceEntry[], seatKey: string): AttendanceStatus | undefined {
  const entries = attendance.filter((entry) => entry.seatKey === seatKey);
  return entries.find((entry) => entry.status === 'present')?.status ?? entries[0]?.status;
}
