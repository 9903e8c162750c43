import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { isUniqueViolation } from '../../common/sql-text';
import type { AuthedContext } from '../../common/request-context';
import { type SchoolAccess, schoolFor } from '../school-portal/school-access';
import { ElectionRepository } from './election.repository';
import { candidateDto, ElectionsService, reservationView } from './elections.service';
import { ElectorateRepository, type VotingSchool } from './electorate.repository';
import type {
  AppointProxyDto,
  BallotReceiptDto,
  ElectionReceiptDto,
  NameVoterDto,
  ProxyDto,
  SchoolCastBallotDto,
  SchoolElectionBallotDto,
  SchoolElectionDto,
  SchoolMotionDto,
  SchoolNominateDto,
  SchoolPartnershipVotesDto,
  SchoolVoterDto,
  SchoolVotesDto,
  VotingForDto,
} from './general-meetings.dto';
import { MotionRepository } from './motion.repository';
import { MotionsService } from './motions.service';
import { proxyDto } from './proxy-dto';
import { ProxyRepository } from './proxy.repository';
import type { CreatedDto } from '../../common/created.dto';

/** Results stay on a school's list this long after a poll closes. */
const RECENT_DAYS = 60;
const HEAD_ONLY = ['headteacher'] as const;

interface Partnership {
  tenantId: string;
  slug: string;
  name: string;
}

/**
 * The school's side of general meetings: what its people can vote in (in every partnership
 * where it is a member), casting its ballot or a ballot it holds as proxy, naming its voter,
 * and appointing or revoking its proxy for a meeting (the headteacher). `SchoolPeopleGuard`
 * has already answered 404 to anyone who does not act for the school.
 */
@Injectable()
export class SchoolVotesService {
  constructor(
    private readonly db: Database,
    private readonly motions: MotionsService,
    private readonly elections: ElectionsService,
  ) {}

  private async schoolAndPartnerships(ctx: AuthedContext, urn: string, needs?: readonly string[], doing?: string): Promise<{ school: SchoolAccess; partnerships: Partnership[] }> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const school = await schoolFor(em, ctx, urn, needs as never, doing);
      return { school, partnerships: await new ElectorateRepository(em).partnershipsOf(school.id) };
    });
  }

  /** The partnership (among the school's) where `find` finds the thing, or 404. */
  private async locate(ctx: AuthedContext, urn: string, id: string, what: string, find: (em: EntityManager) => Promise<unknown>, needs?: readonly string[], doing?: string) {
    if (!isUuid(id)) throw notFound(what);
    const { school, partnerships } = await this.schoolAndPartnerships(ctx, urn, needs, doing);
    for (const partnership of partnerships) {
      if (await this.db.inTenant(partnership.tenantId, { userId: ctx.user.id }, find)) return { school, partnership };
    }
    throw notFound(what);
  }

  async votes(ctx: AuthedContext, urn: string): Promise<SchoolVotesDto> {
    const { school, partnerships } = await this.schoolAndPartnerships(ctx, urn);
    const items: SchoolPartnershipVotesDto[] = [];
    for (const partnership of partnerships) {
      items.push(await this.db.inTenant(partnership.tenantId, { userId: ctx.user.id }, (em) => this.partnershipVotes(em, ctx, school, partnership)));
    }
    return { items };
  }

  private async partnershipVotes(em: EntityManager, ctx: AuthedContext, school: SchoolAccess, partnership: Partnership): Promise<SchoolPartnershipVotesDto> {
    const userId = ctx.user.id;
    const electorate = new ElectorateRepository(em);
    const me = (await electorate.findBySchoolId(school.id))!;
    const proxies = new ProxyRepository(em);
    const active = await proxies.list({});
    const motionRepo = new MotionRepository(em);
    const motions: SchoolMotionDto[] = [];
    for (const m of await motionRepo.listOpenAndRecent(RECENT_DAYS)) {
      if (m.status === 'draft') continue;
      const frozen = await motionRepo.electorate(m.id);
      const own = frozen.find((e) => e.schoolId === school.id);
      const meeting = (await motionRepo.meeting(m.meetingId))!;
      const open = m.status === 'open' && (!m.opensAt || new Date(m.opensAt) <= new Date()) && (!m.closesAt || new Date(m.closesAt) > new Date());
      const youMayVoteFor: VotingForDto[] = [];
      if (open) {
        if (own && own.voterUserId === userId) youMayVoteFor.push({ school: { urn: own.urn, name: own.name }, asProxy: false, voted: own.voted });
        for (const p of active.filter((p) => p.meetingId === m.meetingId)) {
          const from = frozen.find((e) => e.schoolId === p.fromSchoolId);
          if (!from || from.voterUserId === userId) continue;
          const holds = p.holderKind === 'chair' ? meeting.chairUserId === userId : frozen.find((e) => e.schoolId === p.holderSchoolId)?.voterUserId === userId;
          if (holds) youMayVoteFor.push({ school: { urn: from.urn, name: from.name }, asProxy: true, voted: from.voted });
        }
      }
      motions.push({
        id: m.id,
        title: m.title,
        text: m.text,
        bodyName: m.bodyName,
        meetingStartsAt: new Date(m.meetingStartsAt).toISOString(),
        status: m.status,
        ballot: m.ballot,
        opensAt: m.opensAt ? new Date(m.opensAt).toISOString() : null,
        closesAt: m.closesAt ? new Date(m.closesAt).toISOString() : null,
        schoolInElectorate: Boolean(own),
        schoolVoted: Boolean(own?.voted),
        youMayVoteFor,
        whyNot: own ? null : this.whyNot(me, 'poll'),
        result: m.status === 'closed' ? (await this.motions.toDto(em, m)).result : null,
      });
    }
    const electionRepo = new ElectionRepository(em);
    const elections: SchoolElectionDto[] = [];
    for (const e of await electionRepo.listOpenAndRecent(RECENT_DAYS)) {
      const frozen = e.status === 'nominations' ? [] : await electionRepo.electorate(e.id);
      const own = frozen.find((x) => x.schoolId === school.id);
      const youMayVoteFor: VotingForDto[] = [];
      if (e.status === 'voting') {
        if (own && own.voterUserId === userId) youMayVoteFor.push({ school: { urn: own.urn, name: own.name }, asProxy: false, voted: own.voted });
        if (e.meetingId) {
          const chair = await electionRepo.meetingChair(e.meetingId);
          for (const p of active.filter((p) => p.meetingId === e.meetingId)) {
            const from = frozen.find((x) => x.schoolId === p.fromSchoolId);
            if (!from || from.voterUserId === userId) continue;
            const holds = p.holderKind === 'chair' ? chair === userId : frozen.find((x) => x.schoolId === p.holderSchoolId)?.voterUserId === userId;
            if (holds) youMayVoteFor.push({ school: { urn: from.urn, name: from.name }, asProxy: true, voted: from.voted });
          }
        }
      }
      elections.push({
        id: e.id,
        title: e.title,
        bodyName: e.bodyName,
        status: e.status,
        seats: e.seats,
        maxChoices: e.maxChoices ?? e.seats,
        reservations: e.reservations.map(reservationView),
        nominationsCloseAt: e.nominationsCloseAt ? new Date(e.nominationsCloseAt).toISOString() : null,
        votingClosesAt: e.votingClosesAt ? new Date(e.votingClosesAt).toISOString() : null,
        candidates: (await electionRepo.nominations(e.id)).map(candidateDto),
        schoolInElectorate: Boolean(own),
        schoolVoted: Boolean(own?.voted),
        youMayVoteFor,
        result: e.status === 'closed' ? (await this.elections.toDto(em, e)).result : null,
      });
    }
    const meetings = [];
    for (const meeting of await electorate.comingGeneralMeetings()) {
      const proxy = active.find((p) => p.meetingId === meeting.id && p.fromSchoolId === school.id);
      meetings.push({ id: meeting.id, bodyName: meeting.bodyName, title: meeting.title, startsAt: new Date(meeting.startsAt).toISOString(), proxy: proxy ? proxyDto(proxy) : null });
    }
    return {
      partnership: { slug: partnership.slug, name: partnership.name },
      votes: me.votes,
      category: me.categoryName,
      voter: me.voterUserId ? { userId: me.voterUserId, name: me.voterName ?? '' } : null,
      voterNamed: me.voterNamed,
      youAreVoter: me.voterUserId === userId,
      motions,
      elections,
      meetings,
      proxiesHeld: active.filter((p) => p.holderSchoolId === school.id).map(proxyDto),
    };
  }

  private whyNot(me: VotingSchool, what: 'poll' | 'election'): string {
    if (!me.votes) return `${me.name} is a ${me.categoryName.toLowerCase()}: that category does not carry votes at general meetings.`;
    return `${me.name} was not a voting member when this ${what} opened, so it is not in the electorate.`;
  }

  castMotion(ctx: AuthedContext, urn: string, motionId: string, dto: SchoolCastBallotDto): Promise<BallotReceiptDto> {
    return this.locate(ctx, urn, motionId, 'motion', (em) => new MotionRepository(em).find(motionId)).then(({ partnership }) =>
      this.motions.cast({ tenantId: partnership.tenantId, userId: ctx.user.id }, motionId, dto.schoolUrn ?? urn, dto.choice),
    );
  }

  castElection(ctx: AuthedContext, urn: string, electionId: string, dto: SchoolElectionBallotDto): Promise<ElectionReceiptDto> {
    return this.locate(ctx, urn, electionId, 'election', (em) => new ElectionRepository(em).find(electionId)).then(({ partnership }) =>
      this.elections.cast({ tenantId: partnership.tenantId, userId: ctx.user.id }, electionId, dto.schoolUrn ?? urn, dto.nominationIds),
    );
  }

  /** The headteacher nominates someone from the school (themself by default). */
  async nominate(ctx: AuthedContext, urn: string, electionId: string, dto: SchoolNominateDto): Promise<CreatedDto> {
    const { partnership } = await this.locate(ctx, urn, electionId, 'election', (em) => new ElectionRepository(em).find(electionId), HEAD_ONLY, 'nominate a candidate');
    return this.elections.nominate({ tenantId: partnership.tenantId, userId: ctx.user.id }, electionId, {
      candidateUserId: dto.candidateUserId ?? ctx.user.id,
      schoolUrn: urn,
      statement: dto.statement,
    });
  }

  /** The headteacher names the school's voter in a partnership (null: the headteacher again). */
  async nameVoter(ctx: AuthedContext, urn: string, tenantSlug: string, dto: NameVoterDto): Promise<SchoolVoterDto> {
    const { school, partnerships } = await this.schoolAndPartnerships(ctx, urn, HEAD_ONLY, 'name the school’s voter');
    const partnership = partnerships.find((p) => p.slug === tenantSlug);
    if (!partnership) throw notFound('partnership');
    return this.db.inTenant(partnership.tenantId, { userId: ctx.user.id }, async (em) => {
      const electorate = new ElectorateRepository(em);
      if (dto.userId) {
        const people = await electorate.schoolPeople(school.id);
        if (!people.some((p) => p.userId === dto.userId)) throw invalid([{ field: 'userId', message: `Choose one of ${school.name}’s people` }]);
        await electorate.nameVoter(school.id, dto.userId, ctx.user.id);
      } else {
        await electorate.clearVoter(school.id);
      }
      const me = (await electorate.findBySchoolId(school.id))!;
      return {
        school: { urn: me.urn, name: me.name },
        category: me.categoryName,
        votes: me.votes,
        voter: me.voterUserId ? { userId: me.voterUserId, name: me.voterName ?? '' } : null,
        named: me.voterNamed,
      };
    });
  }

  /** The headteacher appoints the school's proxy for one general meeting: another voting school's voter, or the chair. */
  async appointProxy(ctx: AuthedContext, urn: string, meetingId: string, dto: AppointProxyDto): Promise<ProxyDto> {
    const { school, partnership } = await this.locate(ctx, urn, meetingId, 'meeting', (em) => new MotionRepository(em).meeting(meetingId), HEAD_ONLY, 'appoint a proxy');
    return this.db.inTenant(partnership.tenantId, { userId: ctx.user.id }, async (em) => {
      const meeting = (await new MotionRepository(em).meeting(meetingId))!;
      if (meeting.bodyKind !== 'general_meeting') throw conflict(`${meeting.bodyName} is not a general meeting: proxies are for general meetings of members.`);
      if (meeting.status === 'cancelled') throw conflict('That meeting has been cancelled.');
      const electorate = new ElectorateRepository(em);
      const me = (await electorate.findBySchoolId(school.id))!;
      if (!me.votes) throw new AppError('category_without_votes', 403, `${me.name} is a ${me.categoryName.toLowerCase()}: that category does not carry votes, so it has no vote to give a proxy.`);
      let holderSchoolId: string | null = null;
      if (dto.holder === 'school') {
        if (!dto.holderSchoolUrn) throw invalid([{ field: 'holderSchoolUrn', message: 'Give the URN of the school whose voter will hold the proxy' }]);
        const holder = await electorate.findByUrn(dto.holderSchoolUrn);
        if (!holder || !holder.votes || !['active', 'notice-given'].includes(holder.membershipStatus)) {
          throw invalid([{ field: 'holderSchoolUrn', message: 'The proxy goes to the voter of another voting member school' }]);
        }
        if (holder.schoolId === school.id) throw invalid([{ field: 'holderSchoolUrn', message: 'Choose another school: a school cannot be its own proxy' }]);
        holderSchoolId = holder.schoolId;
      }
      const proxies = new ProxyRepository(em);
      try {
        const id = await proxies.appoint({ meetingId, fromSchoolId: school.id, holderKind: dto.holder, holderSchoolId, appointedBy: ctx.user.id });
        return proxyDto((await proxies.find(id))!);
      } catch (error) {
        // Two appointments at the same moment: one wins, the other is told so (the unique index keeps one active).
        if (isUniqueViolation(error, 'proxies_active_key')) throw conflict(`A proxy for ${school.name} was appointed for this meeting at the same moment. Please reload and check it.`);
        throw error;
      }
    });
  }

  /** The headteacher revokes the school's proxy for the meeting; a ballot it already cast stands. */
  async revokeProxy(ctx: AuthedContext, urn: string, meetingId: string): Promise<ProxyDto> {
    const { school, partnership } = await this.locate(ctx, urn, meetingId, 'meeting', (em) => new MotionRepository(em).meeting(meetingId), HEAD_ONLY, 'revoke a proxy');
    return this.db.inTenant(partnership.tenantId, { userId: ctx.user.id }, async (em) => {
      const proxies = new ProxyRepository(em);
      const proxy = await proxies.activeFor(meetingId, school.id);
      if (!proxy) throw conflict(`${school.name} has no proxy for this meeting to revoke.`);
      await proxies.revoke(proxy.id, ctx.user.id);
      return proxyDto((await proxies.find(proxy.id))!);
    });
  }
}
