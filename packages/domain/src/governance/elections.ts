import { createHash } from 'node:crypto';
import type { ElectedCandidate, ElectionCandidate, ElectionInput, ElectionResult, NominationCandidate, NominationRefusal, NominationRules, SeatReservation } from './types';

/** Whether a candidate fits a reservation: every list the reservation gives must include them. */
export function fitsReservation(candidate: Pick<ElectionCandidate, 'phase' | 'character' | 'area'>, reservation: SeatReservation): boolean {
  if (reservation.phases?.length && !reservation.phases.includes(candidate.phase)) return false;
  if (reservation.characters?.length && (candidate.character === null || !reservation.characters.includes(candidate.character))) return false;
  if (reservation.areas?.length && (candidate.area === null || !reservation.areas.includes(candidate.area))) return false;
  return true;
}

/** A candidate's place in a drawing of lots: the same seed always draws the same order, and nobody can choose it after the seed is fixed. */
export function lotNumber(seed: string, candidateId: string): string {
  return createHash('sha256').update(`${seed}\n${candidateId}`, 'utf8').digest('hex');
}

/**
 * Counts an election, one school one vote, each ballot naming up to
 * `maxChoices` different candidates (one vote each). Reserved seats are
 * filled first, each by a different candidate (the most constrained
 * reservation first, so a candidate who fits several does not block one that
 * fits only one), by the most votes among those who fit; the other seats then
 * go to the most votes among the rest. Equal votes are settled by the stated
 * rule: 'lot' (a seeded draw, repeatable) or 'longest_serving' (earliest
 * `servingSince`, then the draw). Ballots from schools outside the electorate,
 * second ballots from a school, and ballots with too many, repeated or unknown
 * choices are refused and not counted.
 */
export function countElection(input: ElectionInput): ElectionResult {
  const maxChoices = input.maxChoices ?? input.seats;
  const electorate = new Set(input.electorateSchoolIds);
  const candidates = new Map(input.candidates.map((c) => [c.candidateId, c]));
  const refusedBallots: ElectionResult['refusedBallots'] = [];
  const problems: string[] = [];
  const votedSchools = new Set<string>();
  const votes = new Map(input.candidates.map((c) => [c.candidateId, 0]));
  for (const ballot of input.ballots) {
    let reason: string | null = null;
    if (!electorate.has(ballot.schoolId)) reason = 'The school is not in the electorate.';
    else if (votedSchools.has(ballot.schoolId)) reason = 'The school has already voted.';
    else if (ballot.choices.length > maxChoices) reason = `The ballot names ${ballot.choices.length} candidates; at most ${maxChoices} may be chosen.`;
    else if (new Set(ballot.choices).size !== ballot.choices.length) reason = 'The ballot names a candidate more than once.';
    else if (ballot.choices.some((id) => !candidates.has(id))) reason = 'The ballot names someone who is not a candidate.';
    if (reason) {
      refusedBallots.push({ ballotId: ballot.id, reason });
      continue;
    }
    votedSchools.add(ballot.schoolId);
    for (const id of ballot.choices) votes.set(id, votes.get(id)! + 1);
  }

  const seed = input.tieBreak.seed ?? 'longest_serving';
  const serving = (c: ElectionCandidate) => c.servingSince ?? '9999-12-31';
  const tieOrder = (a: ElectionCandidate, b: ElectionCandidate) => {
    if (input.tieBreak.rule === 'longest_serving' && serving(a) !== serving(b)) return serving(a) < serving(b) ? -1 : 1;
    const [la, lb] = [lotNumber(seed, a.candidateId), lotNumber(seed, b.candidateId)];
    return la < lb ? -1 : la > lb ? 1 : 0;
  };
  const ranking = [...input.candidates].sort((a, b) => votes.get(b.candidateId)! - votes.get(a.candidateId)! || tieOrder(a, b));
  const rankOf = new Map(ranking.map((c, i) => [c.candidateId, i]));
  const elected: ElectedCandidate[] = [];
  const taken = new Set<string>();
  const tiesSettled: string[] = [];

  const choose = (pool: ElectionCandidate[], reservation: string | null) => {
    const [winner, runnerUp] = pool;
    if (!winner) return false;
    const winnerVotes = votes.get(winner.candidateId)!;
    if (runnerUp && votes.get(runnerUp.candidateId) === winnerVotes) {
      const how =
        input.tieBreak.rule === 'longest_serving' && serving(winner) !== serving(runnerUp) ? 'as the longer serving' : `by drawing lots (seed ${JSON.stringify(seed)})`;
      tiesSettled.push(`${winner.name} and ${runnerUp.name} had ${winnerVotes} vote${winnerVotes === 1 ? '' : 's'} each${reservation ? ` for the seat reserved for ${reservation}` : ''}; ${winner.name} was elected ${how}.`);
    }
    taken.add(winner.candidateId);
    elected.push({ candidateId: winner.candidateId, userId: winner.userId, name: winner.name, votes: winnerVotes, reservation });
    return true;
  };

  const reservations = [...(input.reservations ?? [])]
    .map((reservation, index) => ({ reservation, index, eligible: input.candidates.filter((c) => fitsReservation(c, reservation)).length }))
    .sort((a, b) => a.eligible - a.reservation.count - (b.eligible - b.reservation.count) || a.index - b.index);
  const reserved = reservations.reduce((sum, r) => sum + Math.max(0, r.reservation.count), 0);
  if (reserved > input.seats) problems.push(`${reserved} seats are reserved but only ${input.seats} are being elected; the reservations were filled in order until the seats ran out.`);
  for (const { reservation } of reservations) {
    for (let i = 0; i < reservation.count; i++) {
      if (elected.length >= input.seats) break;
      const pool = ranking.filter((c) => !taken.has(c.candidateId) && fitsReservation(c, reservation));
      if (!choose(pool, reservation.label)) {
        problems.push(`No candidate was left to fill the seat reserved for ${reservation.label}.`);
        break;
      }
    }
  }
  while (elected.length < input.seats) {
    if (!choose(ranking.filter((c) => !taken.has(c.candidateId)), null)) {
      const empty = input.seats - elected.length;
      problems.push(`There were not enough candidates: ${empty} seat${empty === 1 ? '' : 's'} left empty.`);
      break;
    }
  }
  elected.sort((a, b) => rankOf.get(a.candidateId)! - rankOf.get(b.candidateId)!);
  return {
    elected,
    tallies: ranking.map((c) => ({ candidateId: c.candidateId, votes: votes.get(c.candidateId)! })),
    tiesSettled,
    problems,
    refusedBallots,
  };
}

/** Why someone may not be nominated, or null when they may stand. */
export function nominationRefusal(candidate: NominationCandidate, rules: NominationRules): NominationRefusal | null {
  if (candidate.schoolId === null) return { code: 'not_member_school', message: 'Candidates must come from a member school.' };
  if (!candidate.schoolInGoodStanding) return { code: 'school_not_in_good_standing', message: 'The candidate\'s school is not a member in good standing.' };
  if (!rules.roles.includes(candidate.role)) return { code: 'role_not_eligible', message: `Only people with these roles may stand: ${rules.roles.join(', ')}.` };
  if (candidate.alreadyNominated) return { code: 'already_nominated', message: 'This person has already been nominated in this election.' };
  if (candidate.alreadyHolding && !rules.holdersMayStand) return { code: 'already_holding', message: 'This person already holds a seat on the body.' };
  if (rules.maxTerms !== undefined && candidate.termsServed >= rules.maxTerms) {
    return { code: 'term_limit', message: `This person has served ${candidate.termsServed} consecutive term${candidate.termsServed === 1 ? '' : 's'}, the most allowed.` };
  }
  return null;
}
