import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  type AttendanceEntry,
  type Ballot,
  ballotRefusal,
  countMotion,
  type ElectorateEntry,
  type MotionOptions,
  type Proxy,
  quorumMet,
  decidedWithQuorum,
  type QuorumSeat,
  tallyReceipt,
} from '@partnerships/domain';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import type { TenantContext } from '../../common/request-context';
import { isUniqueViolation, likePattern } from '../../common/sql-text';
import { pageFrom, windowOf } from '../../common/pagination';
import { offsetOf } from '../../common/pagination.dto';
import { ElectorateRepository, type VotingSchool } from './electorate.repository';
import type {
  BallotReceiptDto,
  CastBallotDto,
  CloseMotionDto,
  CreateMotionDto,
  MotionDetailDto,
  MotionDto,
  MotionListDto,
  MotionListQueryDto,
  MotionResultDto,
  ProxyListDto,
  ProxyListQueryDto,
  SchoolVoterListDto,
  SchoolVoterListQueryDto,
  ElectoratePageQueryDto,
} from './general-meetings.dto';
import { ELECTORATE_PAGE_SIZE } from './general-meetings.dto';
import { refused } from './general-meetings.errors';
import { type MeetingForVote, type Motion, MotionRepository, type MotionSummary, type StoredMotionResult } from './motion.repository';
import { proxyDto } from './proxy-dto';
import { type ProxyAppointment, ProxyRepository } from './proxy.repository';
import type { CreatedDto } from '../../common/created.dto';

/** How many schools that joined or left since a poll opened its notice names (then how many more). */
const CHANGES_NAMED = 10;
/** Far enough ahead to stand for "until the poll is closed at the meeting". */
const NO_CLOSE = '9999-12-31T00:00:00.000Z';

/** Who is acting and in which partnership (from a tenant route or the school portal). */
export interface VoteActor {
  tenantId: string;
  userId: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The domain's view of a proxy row. */
export function toDomainProxy(p: ProxyAppointment): Proxy {
  return {
    grantorSchoolId: p.fromSchoolId,
    holder: p.holderKind === 'chair' ? { type: 'chair' } : { type: 'school', schoolId: p.holderSchoolId! },
    meetingId: p.meetingId,
    grantedAt: new Date(p.appointedAt).toISOString(),
    revokedAt: iso(p.revokedAt),
  };
}

/**
 * Motions at general meetings, one school one vote. The poll's electorate is frozen when it
 * opens (member schools whose category carries votes, each with its designated voter);
 * ballots are judged by the domain's `ballotRefusal` and counted by `countMotion`; the unique
 * index on (motion, school) settles concurrent ballots. A secret ballot's choice is stored
 * apart from who cast it, and no route shows which school chose what.
 */
@Injectable()
export class MotionsService {
  constructor(private readonly db: Database) {}

  private inTenant<T>(actor: VoteActor, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.inTenant(actor.tenantId, { userId: actor.userId }, work);
  }

  private actorOf(ctx: TenantContext): VoteActor {
    return { tenantId: ctx.tenant.id, userId: ctx.user.id };
  }

  async list(ctx: TenantContext, query: MotionListQueryDto): Promise<MotionListDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const motions = await new MotionRepository(em).list({ meetingId: query.meetingId, status: query.status });
      return { items: await Promise.all(motions.map((m) => this.toDto(em, m))) };
    });
  }

  async create(ctx: TenantContext, dto: CreateMotionDto): Promise<CreatedDto> {
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : null;
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (opensAt && closesAt && closesAt <= opensAt) throw invalid([{ field: 'closesAt', message: 'Voting must close after it opens' }]);
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const motions = new MotionRepository(em);
      const meeting = await motions.meeting(dto.meetingId);
      if (!meeting) throw invalid([{ field: 'meetingId', message: 'Choose one of the partnership’s meetings' }]);
      if (meeting.bodyKind !== 'general_meeting') throw invalid([{ field: 'meetingId', message: `${meeting.bodyName} is not a general meeting: motions are put to general meetings of members` }]);
      if (meeting.status === 'cancelled') throw invalid([{ field: 'meetingId', message: 'That meeting has been cancelled' }]);
      const id = await motions.create({
        meetingId: dto.meetingId,
        title: dto.title,
        text: dto.text?.trim() ?? '',
        ballot: dto.ballot ?? 'named',
        majority: dto.majority ?? 'simple',
        tieRule: dto.tieRule ?? 'motion_falls',
        chairCastingVote: null,
        opensAt,
        closesAt,
        createdBy: ctx.user.id,
      });
      return { id };
    });
  }

  async detail(ctx: TenantContext, id: string, page: ElectoratePageQueryDto = { page: 1, pageSize: ELECTORATE_PAGE_SIZE }): Promise<MotionDetailDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const motions = new MotionRepository(em);
      const summary = isUuid(id) ? await motions.findSummary(id) : null;
      if (!summary) throw notFound('motion');
      const electorate = await motions.electorate(id);
      return {
        ...(await this.toDto(em, summary)),
        electorateSchools: electorate
          .slice(offsetOf(page), offsetOf(page) + page.pageSize)
          .map((e) => ({ urn: e.urn, name: e.name, category: e.category, voterName: e.voterName, voted: e.voted })),
        electoratePage: page.page,
        electoratePageSize: page.pageSize,
        electorateChangedSince: summary.status === 'open' ? await this.changedSince(em, electorate) : null,
      };
    });
  }

  /** Tells the people running an open poll that the voting members have changed since it opened (the poll keeps its electorate). */
  private async changedSince(em: EntityManager, frozen: { schoolId: string; name: string }[]): Promise<string | null> {
    const now = await new ElectorateRepository(em).listVotingMembers();
    const frozenIds = new Set(frozen.map((e) => e.schoolId));
    const nowIds = new Set(now.map((s) => s.schoolId));
    const joined = now.filter((s) => !frozenIds.has(s.schoolId)).map((s) => s.name);
    const left = frozen.filter((e) => !nowIds.has(e.schoolId)).map((e) => e.name);
    if (joined.length === 0 && left.length === 0) return null;
    // The first few by name, then how many more: 10,000 schools joining would otherwise be a 200 KB sentence.
    const named = (names: string[]) => (names.length <= CHANGES_NAMED ? names.join(', ') : `${names.slice(0, CHANGES_NAMED).join(', ')} and ${names.length - CHANGES_NAMED} other schools`);
    const parts = [joined.length ? `${named(joined)} ${joined.length === 1 ? 'has' : 'have'} become a voting member` : '', left.length ? `${named(left)} no longer ${left.length === 1 ? 'votes' : 'vote'}` : ''];
    return `Since this poll opened, ${parts.filter(Boolean).join('; ')}. The poll keeps the electorate it opened with.`;
  }

  /** Opens the poll: the electorate is frozen now and never changes afterwards. */
  async open(ctx: TenantContext, id: string): Promise<MotionDetailDto> {
    await this.inTenant(this.actorOf(ctx), async (em) => {
      const motions = new MotionRepository(em);
      const motion = isUuid(id) ? await motions.lockForUpdate(id) : null;
      if (!motion) throw notFound('motion');
      if (motion.status !== 'draft') throw conflict(motion.status === 'open' ? 'The poll is already open.' : 'The poll has closed; a closed motion cannot be reopened.');
      const voters = await new ElectorateRepository(em).listVotingMembers();
      if (voters.length === 0) throw conflict('No member school has a category that carries votes, so nobody could vote. Give a category voting rights first.');
      const opensAt = motion.opensAt && motion.opensAt > new Date() ? motion.opensAt : new Date();
      await motions.open(id, voters.map((v) => ({ schoolId: v.schoolId, voterUserId: v.voterUserId, category: v.category })), ctx.user.id, opensAt);
    });
    return this.detail(ctx, id);
  }

  /** Closes the poll and counts it with the domain's `countMotion`; the result is kept with the motion. */
  async close(ctx: TenantContext, id: string, dto: CloseMotionDto): Promise<MotionDetailDto> {
    await this.inTenant(this.actorOf(ctx), async (em) => {
      const motions = new MotionRepository(em);
      const motion = isUuid(id) ? await motions.lockForUpdate(id) : null;
      if (!motion) throw notFound('motion');
      if (motion.status !== 'open') throw conflict(motion.status === 'draft' ? 'The poll has not been opened.' : 'The poll has already been closed and counted.');
      const meeting = (await motions.meeting(motion.meetingId))!;
      if (motion.ballot === 'secret') await motions.rewriteSecretChoices(id);
      const result = await this.count(em, motion, meeting, dto.chairCastingVote ?? null);
      await motions.close(id, ctx.user.id, dto.chairCastingVote ?? null, result);
    });
    return this.detail(ctx, id);
  }

  private async count(em: EntityManager, motion: Motion, meeting: MeetingForVote, castingVote: 'for' | 'against' | null): Promise<StoredMotionResult> {
    const motions = new MotionRepository(em);
    const electorate = await this.electorateEntries(motions, motion.id);
    const cast = await motions.ballots(motion.id);
    const proxies = (await new ProxyRepository(em).list({ meetingId: motion.meetingId, includeRevoked: true })).map(toDomainProxy);
    const now = new Date();
    const closesAt = motion.closesAt && motion.closesAt < now ? motion.closesAt : now;
    const secret = motion.ballot === 'secret';
    let ballots: Ballot[];
    if (secret) {
      // Who voted and what was chosen are kept apart, and the count needs only the totals: the
      // choices (in receipt order) are paired with the cast ballots (in school order), a pairing
      // that means nothing, so the domain can check every ballot and compute the receipts.
      const choices = await motions.secretChoices(motion.id);
      if (choices.length !== cast.length) throw new Error(`Motion ${motion.id}: ${cast.length} ballots but ${choices.length} secret choices`);
      ballots = cast.map((b, i) => ({ id: choices[i]!.id, schoolId: b.schoolId, castByUserId: b.castByUserId, castAt: new Date(b.castAt).toISOString(), choice: choices[i]!.choice }));
    } else {
      ballots = cast.map((b) => ({ id: b.id, schoolId: b.schoolId, castByUserId: b.castByUserId, castAt: new Date(b.castAt).toISOString(), choice: b.choice! }));
    }
    const options = this.options(motion, meeting, { closesAt: new Date(closesAt.getTime() + 1).toISOString(), castingVote });
    const quorum = this.quorum(meeting, electorate, cast, proxies);
    const result = decidedWithQuorum(countMotion(electorate, ballots, proxies, options), quorum);
    return { ...result, countedAt: now.toISOString(), quorum };
  }

  /** Quorum from the schools whose ballots are in, when the general meeting has a quorum rule. */
  private quorum(meeting: MeetingForVote, electorate: ElectorateEntry[], cast: { schoolId: string; viaProxyId: string | null }[], proxies: Proxy[]) {
    if (!meeting.quorumRule) return null;
    const seats: QuorumSeat[] = electorate.map((e) => ({ key: e.schoolId, voting: 'voting' }));
    const bySchool = new Map(cast.map((b) => [b.schoolId, b]));
    const attendance: AttendanceEntry[] = electorate.map((e) => {
      const ballot = bySchool.get(e.schoolId);
      if (!ballot) return { seatKey: e.schoolId, status: 'absent' };
      if (!ballot.viaProxyId) return { seatKey: e.schoolId, status: 'present' };
      const proxy = proxies.find((p) => p.grantorSchoolId === e.schoolId && !p.revokedAt) ?? proxies.find((p) => p.grantorSchoolId === e.schoolId);
      // A school represented by proxy is present only if the rule says proxies count for presence:
      // through the holder school's seat, or (for the chair, who is there to vote) directly.
      if (proxy?.holder.type === 'school') return { seatKey: e.schoolId, status: 'absent', proxyHolderSeatKey: proxy.holder.schoolId };
      return { seatKey: e.schoolId, status: meeting.quorumRule!.proxiesCountForPresence ? 'present' : 'absent' };
    });
    const q = quorumMet(meeting.quorumRule, seats, attendance);
    return { met: q.met, explanation: q.explanation };
  }

  private options(motion: Motion, meeting: MeetingForVote, at: { closesAt?: string; castingVote?: 'for' | 'against' | null } = {}): MotionOptions {
    return {
      meetingId: motion.meetingId,
      majority: motion.majority,
      tieBreak: motion.tieRule,
      chairCastingVote: at.castingVote ?? motion.chairCastingVote ?? undefined,
      chairUserId: meeting.chairUserId,
      secret: motion.ballot === 'secret',
      allowChangeBeforeClose: false,
      opensAt: new Date(motion.opensAt ?? motion.electorateFrozenAt ?? motion.createdAt).toISOString(),
      closesAt: at.closesAt ?? (motion.closesAt ? new Date(motion.closesAt).toISOString() : NO_CLOSE),
      receiptSalt: motion.receiptSalt,
    };
  }

  private async electorateEntries(motions: MotionRepository, motionId: string): Promise<ElectorateEntry[]> {
    return (await motions.electorate(motionId)).map((e) => ({ schoolId: e.schoolId, schoolUrn: e.urn, schoolName: e.name, voterUserId: e.voterUserId ?? '' }));
  }

  /** Proxies appointed for the partnership's meetings (active first), for the people running them. */
  async proxies(ctx: TenantContext, query: ProxyListQueryDto): Promise<ProxyListDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => ({
      items: (await new ProxyRepository(em).list({ meetingId: query.meetingId, includeRevoked: true })).map(proxyDto),
    }));
  }

  /** Each member school's designated voter (the headteacher unless the school named another) and whether its category votes. */
  async voters(ctx: TenantContext, query: SchoolVoterListQueryDto): Promise<SchoolVoterListDto> {
    return this.inTenant(this.actorOf(ctx), async (em) =>
      pageFrom(query, await new ElectorateRepository(em).pageMembers(windowOf(query), likePattern(query.q)), (s) => ({
        school: { urn: s.urn, name: s.name },
        category: s.categoryName,
        votes: s.votes,
        voter: s.voterUserId ? { userId: s.voterUserId, name: s.voterName ?? '' } : null,
        named: s.voterNamed,
      })),
    );
  }

  /** A ballot from a tenant route (a chair holding proxies, or a voter who also has a role in the partnership). */
  castFromTenant(ctx: TenantContext, id: string, dto: CastBallotDto): Promise<BallotReceiptDto> {
    return this.cast(this.actorOf(ctx), id, dto.schoolUrn, dto.choice);
  }

  /**
   * Casts a school's ballot. Refusals (409/403, the domain's sentence) change nothing: the poll
   * is not open, the school is not in the frozen electorate (or its category has no votes), the
   * person is not its designated voter or the holder of its proxy, or it has already voted (the
   * unique index decides between two concurrent requests).
   */
  async cast(actor: VoteActor, id: string, schoolUrn: string, choice: 'for' | 'against' | 'abstain'): Promise<BallotReceiptDto> {
    const receipt = await this.castIn(actor, id, schoolUrn, choice);
    if (receipt.receipt !== null) await this.separateSecretChoices(actor, id);
    return receipt;
  }

  /**
   * A secret choice is written in the ballot's transaction (so a ballot is never in without its
   * choice); then, in a transaction of its own, the poll's choices are written again so none
   * shares a transaction id or insertion order with the ballot naming the school. The count
   * does the same, so a failure here leaves nothing that lasts past the close.
   */
  private async separateSecretChoices(actor: VoteActor, id: string): Promise<void> {
    try {
      await this.inTenant(actor, async (em) => {
        const motions = new MotionRepository(em);
        if ((await motions.lockForUpdate(id))?.status === 'open') await motions.rewriteSecretChoices(id);
      });
    } catch {
      // The ballot stands; the count rewrites the choices again.
    }
  }

  private async castIn(actor: VoteActor, id: string, schoolUrn: string, choice: 'for' | 'against' | 'abstain'): Promise<BallotReceiptDto> {
    return this.inTenant(actor, async (em) => {
      const motions = new MotionRepository(em);
      const motion = isUuid(id) ? await motions.findForBallot(id) : null;
      if (!motion) throw notFound('motion');
      if (motion.status === 'draft') throw refused('poll_not_open', 'Voting has not opened yet.');
      if (motion.status === 'closed') throw refused('poll_closed', 'Voting has closed.');
      const school = await new ElectorateRepository(em).findByUrn(schoolUrn);
      const meeting = (await motions.meeting(motion.meetingId))!;
      const electorate = await this.electorateEntries(motions, motion.id);
      if (!school) throw refused('not_in_electorate', 'That school is not a member of this partnership, so it cannot vote.', 'schoolUrn');
      if (!electorate.some((e) => e.schoolId === school.schoolId)) throw this.notInElectorate(school);
      const proxies = (await new ProxyRepository(em).list({ meetingId: motion.meetingId, includeRevoked: true })).map(toDomainProxy);
      const already = await motions.hasVoted(motion.id, school.schoolId);
      const castAt = new Date().toISOString();
      const accepted: Ballot[] = already ? [{ id: 'earlier', schoolId: school.schoolId, castByUserId: '', choice: 'abstain', castAt }] : [];
      const refusal = ballotRefusal({ schoolId: school.schoolId, castByUserId: actor.userId, castAt }, { electorate, accepted, proxies, options: this.options(motion, meeting) });
      if (refusal) throw refused(refusal.code, refusal.message, refusal.code === 'already_voted' ? undefined : 'schoolUrn');
      const entry = electorate.find((e) => e.schoolId === school.schoolId)!;
      const viaProxy = actor.userId === entry.voterUserId ? null : ((await new ProxyRepository(em).activeFor(motion.meetingId, school.schoolId))?.id ?? null);
      const secret = motion.ballot === 'secret';
      try {
        await motions.insertBallot({ motionId: motion.id, schoolId: school.schoolId, castByUserId: actor.userId, viaProxyId: viaProxy, choice: secret ? null : choice });
      } catch (error) {
        if (isUniqueViolation(error, 'motion_ballots_school_key')) throw refused('already_voted', `${school.name} has already voted.`);
        throw error;
      }
      let ballotId: string | null = null;
      let receipt: string | null = null;
      if (secret) {
        ballotId = randomUUID();
        receipt = tallyReceipt(ballotId, choice, motion.receiptSalt);
        await motions.insertSecretChoice(ballotId, motion.id, choice, receipt);
      }
      return {
        motionId: motion.id,
        school: { urn: school.urn, name: school.name },
        byProxy: viaProxy !== null,
        castAt,
        choice: secret ? null : choice,
        ballotId,
        receipt,
        message: secret
          ? `${school.name}’s secret ballot is in. Keep your ballot id: when the result is published you can find your receipt among the counted ones.`
          : `${school.name} voted ${choice === 'abstain' ? 'to abstain' : choice}.`,
      };
    });
  }

  private notInElectorate(school: VotingSchool) {
    if (!school.votes) return refused('category_without_votes', `${school.name} is a ${school.categoryName.toLowerCase()}: that category does not carry votes at general meetings.`, 'schoolUrn');
    return refused('not_in_electorate', `${school.name} is not in the electorate for this vote (only voting members when the poll opened may vote).`, 'schoolUrn');
  }

  /** A motion as every route shows it; a secret ballot's result never says who chose what. */
  async toDto(em: EntityManager, m: MotionSummary): Promise<MotionDto> {
    return {
      id: m.id,
      meetingId: m.meetingId,
      bodyName: m.bodyName,
      meetingStartsAt: new Date(m.meetingStartsAt).toISOString(),
      title: m.title,
      text: m.text,
      ballot: m.ballot,
      majority: m.majority,
      tieRule: m.tieRule,
      status: m.status,
      opensAt: iso(m.opensAt),
      closesAt: iso(m.closesAt),
      electorateFrozenAt: iso(m.electorateFrozenAt),
      closedAt: iso(m.closedAt),
      electorate: m.electorate,
      voted: m.voted,
      result: m.result ? await this.resultDto(em, m) : null,
    };
  }

  private async resultDto(em: EntityManager, m: Motion): Promise<MotionResultDto> {
    const r = m.result!;
    const schools = new Map((await new MotionRepository(em).electorate(m.id)).map((e) => [e.schoolId, e]));
    const secret = m.ballot === 'secret';
    return {
      outcome: r.outcome,
      for: r.for,
      against: r.against,
      abstain: r.abstain,
      notVoted: r.notVoted,
      electorate: r.electorate,
      byProxy: r.byProxy,
      tie: r.tie,
      tieSettledBy: r.tieSettledBy,
      explanation: r.explanation,
      votes: secret || !r.votes ? null : r.votes.map((v) => ({ schoolUrn: v.schoolUrn, schoolName: v.schoolName, choice: v.choice, byProxy: v.proxyUserId !== null })),
      schoolsVoted: r.schoolsVoted.map((id) => schools.get(id)).filter((s) => s !== undefined).map((s) => ({ urn: s.urn, name: s.name })),
      receipts: secret ? (r.receipts ?? []) : null,
      receiptSalt: secret ? m.receiptSalt : null,
      quorum: r.quorum ?? null,
      countedAt: r.countedAt,
    };
  }
}
