import { createHash } from 'node:crypto';
import type { Ballot, BallotRefusal, ElectorateEntry, MotionChoice, MotionOptions, MotionResult, Proxy, SchoolVote, TallyEntry } from './types';

/** The context a ballot is judged in: the electorate frozen when the poll opened, the ballots accepted so far, and the proxies. */
export interface BallotContext {
  electorate: readonly ElectorateEntry[];
  accepted: readonly Ballot[];
  proxies: readonly Proxy[];
  options: MotionOptions;
}

export interface BallotAttempt {
  schoolId: string;
  castByUserId: string;
  /** ISO instant. */
  castAt: string;
}

const instant = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO date-time, got ${JSON.stringify(iso)}`);
  return ms;
};

/**
 * The proxy in force for a school at an instant for this meeting: granted by
 * then and not revoked by then; the latest granted wins if there are several.
 */
export function proxyInForce(proxies: readonly Proxy[], schoolId: string, meetingId: string, at: string): Proxy | undefined {
  const when = instant(at);
  return proxies
    .filter((p) => p.grantorSchoolId === schoolId && p.meetingId === meetingId && instant(p.grantedAt) <= when && (!p.revokedAt || instant(p.revokedAt) > when))
    .sort((a, b) => instant(b.grantedAt) - instant(a.grantedAt))[0];
}

/** The user who may vote for a school under a proxy, or null when the holder cannot be found. */
function proxyVoter(proxy: Proxy, electorate: readonly ElectorateEntry[], options: MotionOptions): string | null {
  if (proxy.holder.type === 'chair') return options.chairUserId ?? null;
  const holderSchoolId = proxy.holder.schoolId;
  return electorate.find((entry) => entry.schoolId === holderSchoolId)?.voterUserId ?? null;
}

/**
 * Why a ballot would be refused, or null when it may be cast. One school, one
 * vote: only schools in the frozen electorate vote, each through its
 * designated voter or the holder of its proxy for this meeting, while the
 * poll is open, once (or again before the close when changes are allowed).
 */
export function ballotRefusal(attempt: BallotAttempt, context: BallotContext): BallotRefusal | null {
  const { electorate, accepted, proxies, options } = context;
  const at = instant(attempt.castAt);
  if (at < instant(options.opensAt)) return { code: 'poll_not_open', message: 'Voting has not opened yet.' };
  if (at >= instant(options.closesAt)) return { code: 'poll_closed', message: 'Voting has closed.' };
  const entry = electorate.find((e) => e.schoolId === attempt.schoolId);
  if (!entry) return { code: 'not_in_electorate', message: 'This school is not in the electorate for this vote (only voting members when the poll opened may vote).' };
  const proxy = proxyInForce(proxies, attempt.schoolId, options.meetingId, attempt.castAt);
  const proxiesVote = options.proxiesCountForVote ?? true;
  const mayVote = attempt.castByUserId === entry.voterUserId || (proxiesVote && proxy !== undefined && proxyVoter(proxy, electorate, options) === attempt.castByUserId);
  if (!mayVote) return { code: 'not_designated_voter_or_proxy', message: `Only ${entry.schoolName}'s designated voter, or the holder of its proxy, may vote for it.` };
  if (!options.allowChangeBeforeClose && accepted.some((b) => b.schoolId === attempt.schoolId)) {
    return { code: 'already_voted', message: `${entry.schoolName} has already voted.` };
  }
  return null;
}

/**
 * A secret ballot's receipt: SHA-256 (hex) of the ballot id, the choice and a
 * salt published with the result. The ballot id is told only to the voter, so
 * the voter can recompute and find their receipt while nobody else can link
 * a receipt to a school.
 */
export function tallyReceipt(ballotId: string, choice: MotionChoice, salt: string): string {
  return createHash('sha256').update(`${ballotId}\n${choice}\n${salt}`, 'utf8').digest('hex');
}

/** Checks a published secret tally: the totals agree with the receipts, and (if given) a voter's own receipt is there with their choice. */
export function verifyTally(result: Pick<MotionResult, 'for' | 'against' | 'abstain' | 'receipts'>, own?: { ballotId: string; choice: MotionChoice; salt: string }): boolean {
  if (!result.receipts) return false;
  const count = (choice: MotionChoice) => result.receipts!.filter((r) => r.choice === choice).length;
  if (count('for') !== result.for || count('against') !== result.against || count('abstain') !== result.abstain) return false;
  if (!own) return true;
  const receipt = tallyReceipt(own.ballotId, own.choice, own.salt);
  return result.receipts.some((r) => r.receipt === receipt && r.choice === own.choice);
}

/**
 * Counts a motion, one school one vote. Ballots are taken in the order cast;
 * refused ones are listed with the reason and not counted; when changes are
 * allowed a school's later ballot replaces its earlier one. Abstentions are
 * recorded but are not votes cast: a simple majority needs more for than
 * against; two thirds needs for to be at least two thirds of for + against.
 * An even split under a simple majority is settled by the stated rule (the
 * chair's casting vote, or the motion falls). A motion with no votes cast falls.
 */
export function countMotion(electorate: readonly ElectorateEntry[], ballots: readonly Ballot[], proxies: readonly Proxy[], options: MotionOptions): MotionResult {
  if (options.secret && !options.receiptSalt) throw new RangeError('A secret ballot needs a receipt salt');
  const voters = [...new Map(electorate.map((entry) => [entry.schoolId, entry])).values()];
  const ordered = [...ballots].sort((a, b) => instant(a.castAt) - instant(b.castAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const accepted = new Map<string, Ballot>();
  const refused: MotionResult['refused'] = [];
  for (const ballot of ordered) {
    const refusal = ballotRefusal(ballot, { electorate: voters, accepted: [...accepted.values()], proxies, options });
    if (refusal) refused.push({ ballotId: ballot.id, refusal });
    else accepted.set(ballot.schoolId, ballot);
  }
  const counted = [...accepted.values()];
  const tally = (choice: MotionChoice) => counted.filter((b) => b.choice === choice).length;
  const [votesFor, against, abstain] = [tally('for'), tally('against'), tally('abstain')];
  const cast = votesFor + against;
  const tie = options.majority === 'simple' && cast > 0 && votesFor === against;
  let carried: boolean;
  if (cast === 0) carried = false;
  else if (options.majority === 'two_thirds') carried = votesFor * 3 >= cast * 2;
  else if (tie) carried = options.tieBreak === 'chair_casting_vote' && (options.chairCastingVote ?? 'against') === 'for';
  else carried = votesFor > against;

  const voterOf = new Map(voters.map((entry) => [entry.schoolId, entry.voterUserId]));
  const byProxy = counted.filter((b) => b.castByUserId !== voterOf.get(b.schoolId)).length;
  const votes: SchoolVote[] = voters.map((entry) => {
    const ballot = accepted.get(entry.schoolId);
    return {
      schoolId: entry.schoolId,
      schoolUrn: entry.schoolUrn,
      schoolName: entry.schoolName,
      choice: ballot?.choice ?? null,
      proxyUserId: ballot && ballot.castByUserId !== entry.voterUserId ? ballot.castByUserId : null,
    };
  });
  const receipts: TallyEntry[] | null = options.secret
    ? counted.map((b) => ({ receipt: tallyReceipt(b.id, b.choice, options.receiptSalt!), choice: b.choice })).sort((a, b) => (a.receipt < b.receipt ? -1 : 1))
    : null;
  const notVoted = voters.length - counted.length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  let explanation = `${carried ? 'Carried' : 'Fallen'}: ${votesFor} for, ${against} against, ${plural(abstain, 'abstention', 'abstentions')}; ${plural(notVoted, 'school', 'schools')} did not vote.`;
  explanation += options.majority === 'two_thirds' ? ' Two thirds of the votes cast were needed.' : ' A simple majority of the votes cast was needed.';
  if (tie) explanation += options.tieBreak === 'chair_casting_vote' ? ` The votes were tied; the chair's casting vote was ${options.chairCastingVote ?? 'against'}.` : ' The votes were tied, so the motion falls.';
  if (cast === 0) explanation += ' No votes were cast for or against.';
  return {
    outcome: carried ? 'carried' : 'fallen',
    for: votesFor,
    against,
    abstain,
    notVoted,
    electorate: voters.length,
    byProxy,
    tie,
    tieSettledBy: tie ? options.tieBreak : null,
    votes: options.secret ? null : votes,
    schoolsVoted: voters.filter((entry) => accepted.has(entry.schoolId)).map((entry) => entry.schoolId),
    receipts,
    refused,
    explanation,
  };
}

/**
 * A general meeting that was not quorate decides nothing: the votes are still published, but the
 * outcome is 'not_quorate' whatever the count, and the explanation says why first.
 */
export function decidedWithQuorum(result: MotionResult, quorum: { met: boolean; explanation: string } | null): MotionResult {
  if (!quorum || quorum.met) return result;
  return { ...result, outcome: 'not_quorate', explanation: `Not decided: the meeting was not quorate (${quorum.explanation.replace(/\.$/, '')}). ${result.explanation}` };
}
