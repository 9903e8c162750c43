import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { countElection, type ElectionCandidate, londonToday, nominationRefusal, type SeatReservation } from '@partnerships/domain';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import type { TenantContext } from '../../common/request-context';
import { isUniqueViolation } from '../../common/sql-text';
import { resolveAndRecordSeats } from '../governance/seat-resolution';
import { SeatRepository } from '../governance/seat.repository';
import { type Election, ElectionRepository, type ElectionSummary, type Nomination, type StoredElectionResult } from './election.repository';
import { ElectorateRepository, MEMBER_STATUSES } from './electorate.repository';
import type {
  CandidateDto,
  CreateElectionDto,
  ElectionDetailDto,
  ElectionDto,
  ElectionListDto,
  ElectionListQueryDto,
  ElectionReceiptDto,
  ElectionResultDto,
  ElectoratePageQueryDto,
  ReservationViewDto,
} from './general-meetings.dto';
import { ELECTORATE_PAGE_SIZE } from './general-meetings.dto';
import { refused } from './general-meetings.errors';
import type { VoteActor } from './motions.service';
import { ProxyRepository } from './proxy.repository';
import type { CreatedDto } from '../../common/created.dto';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const TIE_RULE_TEXT: Record<string, string> = {
  lot: 'Equal votes for the last seat are settled by lot: a draw repeatable from a seed fixed when the election was created.',
  longest_serving: 'Equal votes for the last seat go to the candidate who has served on the body longest; if still equal, by lot.',
};

/** An election ballot's receipt: SHA-256 of the ballot id, the chosen nominations in order and the salt published with the result. */
export function electionReceipt(ballotId: string, nominationIds: readonly string[], salt: string): string {
  return createHash('sha256').update(`${ballotId}\n${[...nominationIds].sort().join(',')}\n${salt}`, 'utf8').digest('hex');
}

/** '2026-09-01' plus months, less a day: the last day of a term. */
function termEnd(startsOn: string, months: number): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/**
 * Elections to a body's seats, one school one vote, with seats reserved by phase, character or
 * area. Nominations are checked by the domain's `nominationRefusal`; the count is the domain's
 * `countElection`, which fills reserved seats first and settles ties by the stated rule.
 * Winners take their seats: each becomes an 'elected' appointment under the body's elected
 * seat rule, which the governance module's seat resolution turns into a seat holding.
 * Ballots are always secret.
 */
@Injectable()
export class ElectionsService {
  constructor(private readonly db: Database) {}

  private inTenant<T>(actor: VoteActor, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.inTenant(actor.tenantId, { userId: actor.userId }, work);
  }

  private actorOf(ctx: TenantContext): VoteActor {
    return { tenantId: ctx.tenant.id, userId: ctx.user.id };
  }

  async list(ctx: TenantContext, query: ElectionListQueryDto): Promise<ElectionListDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const elections = await new ElectionRepository(em).list({ status: query.status });
      return { items: await Promise.all(elections.map((e) => this.toDto(em, e))) };
    });
  }

  async create(ctx: TenantContext, dto: CreateElectionDto): Promise<CreatedDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const elections = new ElectionRepository(em);
      const body = await elections.body(dto.bodyId);
      if (!body) throw invalid([{ field: 'bodyId', message: 'Choose one of the partnership’s bodies' }]);
      let rule = null;
      if (dto.seatRuleId) {
        rule = await elections.seatRule(dto.bodyId, dto.seatRuleId);
        if (!rule) throw invalid([{ field: 'seatRuleId', message: `Choose one of ${body.name}’s seat rules` }]);
        if (rule.rule.kind !== 'elected') throw invalid([{ field: 'seatRuleId', message: `“${rule.label}” seats are not elected` }]);
      }
      if (dto.meetingId) {
        const meeting = await elections.meetingBody(dto.meetingId);
        if (!meeting) throw invalid([{ field: 'meetingId', message: 'Choose one of the partnership’s meetings' }]);
      }
      const seats = dto.seats ?? rule?.rule.seats;
      if (!seats) throw invalid([{ field: 'seats', message: 'Say how many seats are being elected' }]);
      const reservations: SeatReservation[] = (dto.reservations ?? rule?.rule.reservations ?? []).map((r) => ({
        label: r.label,
        count: r.count,
        ...(r.phases?.length ? { phases: r.phases as SeatReservation['phases'] } : {}),
        ...(r.characters?.length ? { characters: r.characters } : {}),
        ...(r.areas?.length ? { areas: r.areas } : {}),
      }));
      const reserved = reservations.reduce((sum, r) => sum + r.count, 0);
      if (reserved > seats) throw invalid([{ field: 'reservations', message: `${reserved} seats are reserved but only ${seats} are being elected` }]);
      const maxChoices = dto.maxChoices ?? null;
      const dates = { nominationsCloseAt: dto.nominationsCloseAt, votingOpensAt: dto.votingOpensAt, votingClosesAt: dto.votingClosesAt };
      if (dates.votingOpensAt && dates.votingClosesAt && new Date(dates.votingClosesAt) <= new Date(dates.votingOpensAt)) {
        throw invalid([{ field: 'votingClosesAt', message: 'Voting must close after it opens' }]);
      }
      const id = await elections.create({
        bodyId: dto.bodyId,
        seatRuleId: dto.seatRuleId ?? null,
        meetingId: dto.meetingId ?? null,
        title: dto.title,
        seats,
        maxChoices,
        reservations,
        eligibleRoles: dto.eligibleRoles?.length ? dto.eligibleRoles : ['headteacher'],
        nominationsOpenAt: new Date(),
        nominationsCloseAt: dates.nominationsCloseAt ? new Date(dates.nominationsCloseAt) : null,
        votingOpensAt: dates.votingOpensAt ? new Date(dates.votingOpensAt) : null,
        votingClosesAt: dates.votingClosesAt ? new Date(dates.votingClosesAt) : null,
        tieRule: dto.tieRule ?? 'lot',
        termMonths: dto.termMonths ?? rule?.termMonths ?? null,
        createdBy: ctx.user.id,
      });
      return { id };
    });
  }

  async detail(ctx: TenantContext, id: string, page?: ElectoratePageQueryDto): Promise<ElectionDetailDto> {
    return this.inTenant(this.actorOf(ctx), (em) => this.detailIn(em, id, page));
  }

  private async detailIn(em: EntityManager, id: string, page: ElectoratePageQueryDto = { page: 1, pageSize: ELECTORATE_PAGE_SIZE }): Promise<ElectionDetailDto> {
    const elections = new ElectionRepository(em);
    const summary = isUuid(id) ? await elections.findSummary(id) : null;
    if (!summary) throw notFound('election');
    const electorate = await elections.electorate(id);
    return {
      ...(await this.toDto(em, summary)),
      candidateList: (await elections.nominations(id)).map(candidateDto),
      electorateSchools: electorate
        .slice((page.page - 1) * page.pageSize, page.page * page.pageSize)
        .map((e) => ({ urn: e.urn, name: e.name, category: e.category, voterName: e.voterName, voted: e.voted })),
      electoratePage: page.page,
      electoratePageSize: page.pageSize,
    };
  }

  /** Nominates a candidate from a member school, after the domain's eligibility check (a refusal is a 409 with its reason). */
  async nominate(actor: VoteActor, id: string, input: { candidateUserId: string; schoolUrn: string; statement?: string }): Promise<CreatedDto> {
    return this.inTenant(actor, async (em) => {
      const elections = new ElectionRepository(em);
      const election = isUuid(id) ? await elections.lockForUpdate(id) : null;
      if (!election) throw notFound('election');
      if (election.status !== 'nominations' || (election.nominationsCloseAt && election.nominationsCloseAt <= new Date())) {
        throw refused('nominations_closed', 'Nominations for this election have closed.');
      }
      const school = await new ElectorateRepository(em).findByUrn(input.schoolUrn);
      const facts = school ? await elections.candidateFacts(election.bodyId, input.candidateUserId, school.schoolId) : { roles: [], holding: false, termsServed: 0 };
      if (school && facts.roles.length === 0) throw invalid([{ field: 'candidateUserId', message: `That person does not act for ${school.name}` }]);
      const role = facts.roles.find((r) => election.eligibleRoles.includes(r)) ?? facts.roles[0] ?? '';
      const candidate = {
        userId: input.candidateUserId,
        schoolId: school && (MEMBER_STATUSES as readonly string[]).includes(school.membershipStatus) ? school.schoolId : null,
        role,
        schoolInGoodStanding: school?.membershipStatus === 'active' || school?.membershipStatus === 'notice-given',
        alreadyHolding: facts.holding,
        termsServed: facts.termsServed,
        alreadyNominated: await elections.isNominated(election.id, input.candidateUserId),
      };
      const refusal = nominationRefusal(candidate, { roles: election.eligibleRoles, holdersMayStand: true });
      if (refusal) throw refused(refusal.code, refusal.message, refusal.code === 'not_member_school' ? 'schoolUrn' : 'candidateUserId');
      try {
        const nominationId = await elections.nominate({
          electionId: election.id,
          candidateUserId: input.candidateUserId,
          schoolId: school!.schoolId,
          statement: input.statement?.trim() ?? '',
          eligibility: { eligible: true, role, checkedAt: new Date().toISOString(), termsServed: facts.termsServed, holding: facts.holding },
          nominatedBy: actor.userId,
        });
        return { id: nominationId };
      } catch (error) {
        if (isUniqueViolation(error, 'nominations_candidate_key')) throw refused('already_nominated', 'This person has already been nominated in this election.', 'candidateUserId');
        throw error;
      }
    });
  }

  /** Closes nominations and opens voting: the electorate is frozen now. */
  async openVoting(ctx: TenantContext, id: string): Promise<ElectionDetailDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const elections = new ElectionRepository(em);
      const election = isUuid(id) ? await elections.lockForUpdate(id) : null;
      if (!election) throw notFound('election');
      if (election.status !== 'nominations') throw conflict(election.status === 'voting' ? 'Voting is already open.' : 'The election has been counted.');
      const candidates = await elections.nominations(id);
      if (candidates.length === 0) throw conflict('Nobody has been nominated yet: voting cannot open without candidates.');
      const voters = await new ElectorateRepository(em).listVotingMembers();
      if (voters.length === 0) throw conflict('No member school has a category that carries votes, so nobody could vote.');
      const opensAt = election.votingOpensAt && election.votingOpensAt > new Date() ? election.votingOpensAt : new Date();
      await elections.openVoting(id, voters.map((v) => ({ schoolId: v.schoolId, voterUserId: v.voterUserId, category: v.category })), opensAt);
      return this.detailIn(em, id);
    });
  }

  /**
   * Casts a school's ballot, one school one vote, by its designated voter or the holder of its
   * proxy for the election's meeting. Always secret: the choices are stored apart from the school.
   */
  async cast(actor: VoteActor, id: string, schoolUrn: string, nominationIds: string[]): Promise<ElectionReceiptDto> {
    const receipt = await this.castIn(actor, id, schoolUrn, nominationIds);
    // As for motions: the choices are written again apart from the ballot's transaction (the count does it too).
    try {
      await this.inTenant(actor, async (em) => {
        const elections = new ElectionRepository(em);
        if ((await elections.lockForUpdate(id))?.status === 'voting') await elections.rewriteSecretChoices(id);
      });
    } catch {
      // The ballot stands; the count rewrites the choices again.
    }
    return receipt;
  }

  private async castIn(actor: VoteActor, id: string, schoolUrn: string, nominationIds: string[]): Promise<ElectionReceiptDto> {
    return this.inTenant(actor, async (em) => {
      const elections = new ElectionRepository(em);
      const election = isUuid(id) ? await elections.findForBallot(id) : null;
      if (!election) throw notFound('election');
      const now = new Date();
      if (election.status === 'nominations' || (election.votingOpensAt && election.votingOpensAt > now)) throw refused('poll_not_open', 'Voting has not opened yet.');
      if (election.status === 'closed' || (election.votingClosesAt && election.votingClosesAt <= now)) throw refused('poll_closed', 'Voting has closed.');
      const school = await new ElectorateRepository(em).findByUrn(schoolUrn);
      if (!school) throw refused('not_in_electorate', 'That school is not a member of this partnership, so it cannot vote.', 'schoolUrn');
      const entry = await elections.electorateEntry(election.id, school.schoolId);
      if (!entry) {
        if (!school.votes) throw refused('category_without_votes', `${school.name} is a ${school.categoryName.toLowerCase()}: that category does not carry votes.`, 'schoolUrn');
        throw refused('not_in_electorate', `${school.name} is not in the electorate for this election (only voting members when voting opened may vote).`, 'schoolUrn');
      }
      let viaProxy: string | null = null;
      if (entry.voterUserId !== actor.userId) {
        viaProxy = await this.proxyHeldBy(em, election, school.schoolId, actor.userId);
        if (!viaProxy) throw refused('not_designated_voter_or_proxy', `Only ${school.name}'s designated voter, or the holder of its proxy, may vote for it.`, 'schoolUrn');
      }
      if (await elections.hasVoted(election.id, school.schoolId)) throw refused('already_voted', `${school.name} has already voted.`);
      const maxChoices = election.maxChoices ?? election.seats;
      if (nominationIds.length === 0) throw invalid([{ field: 'nominationIds', message: 'Choose at least one candidate' }]);
      if (nominationIds.length > maxChoices) throw invalid([{ field: 'nominationIds', message: `Choose at most ${maxChoices} candidate${maxChoices === 1 ? '' : 's'}` }]);
      const candidates = new Set((await elections.nominations(election.id)).map((n) => n.id));
      if (nominationIds.some((n) => !candidates.has(n))) throw invalid([{ field: 'nominationIds', message: 'Choose candidates from the list' }]);
      try {
        await elections.insertBallot({ electionId: election.id, schoolId: school.schoolId, castByUserId: actor.userId, viaProxyId: viaProxy });
      } catch (error) {
        if (isUniqueViolation(error, 'election_ballots_school_key')) throw refused('already_voted', `${school.name} has already voted.`);
        throw error;
      }
      const ballotId = randomUUID();
      const receipt = electionReceipt(ballotId, nominationIds, election.receiptSalt);
      await elections.insertSecretChoice(ballotId, election.id, [...nominationIds].sort(), receipt);
      return {
        electionId: election.id,
        school: { urn: school.urn, name: school.name },
        byProxy: viaProxy !== null,
        castAt: now.toISOString(),
        ballotId,
        receipt,
        message: `${school.name}’s ballot is in. Keep your ballot id: when the result is published you can find your receipt among the counted ones.`,
      };
    });
  }

  /** The id of the school's active proxy for the election's meeting if this person holds it, else null. */
  private async proxyHeldBy(em: EntityManager, election: Election, schoolId: string, userId: string): Promise<string | null> {
    if (!election.meetingId) return null;
    const proxy = await new ProxyRepository(em).activeFor(election.meetingId, schoolId);
    if (!proxy) return null;
    if (proxy.holderKind === 'chair') {
      const chair = await new ElectionRepository(em).meetingChair(election.meetingId);
      return chair === userId ? proxy.id : null;
    }
    const holderEntry = await new ElectionRepository(em).electorateEntry(election.id, proxy.holderSchoolId!);
    return holderEntry?.voterUserId === userId ? proxy.id : null;
  }

  /** Counts the election with the domain's `countElection` and seats the winners for their term. */
  async close(ctx: TenantContext, id: string): Promise<ElectionDetailDto> {
    return this.inTenant(this.actorOf(ctx), async (em) => {
      const elections = new ElectionRepository(em);
      const election = isUuid(id) ? await elections.lockForUpdate(id) : null;
      if (!election) throw notFound('election');
      if (election.status !== 'voting') throw conflict(election.status === 'nominations' ? 'Voting has not opened.' : 'The election has already been counted.');
      const nominations = await elections.nominations(id);
      const serving = election.tieRule === 'longest_serving' ? await elections.servingSince(election.bodyId, nominations.map((n) => n.candidateUserId)) : new Map<string, string>();
      const candidates: ElectionCandidate[] = nominations.map((n) => ({
        candidateId: n.id,
        userId: n.candidateUserId,
        name: n.candidateName,
        schoolId: n.schoolId,
        phase: n.phase,
        character: n.character,
        area: n.area,
        servingSince: serving.get(n.candidateUserId) ?? null,
      }));
      await elections.rewriteSecretChoices(id);
      const cast = await elections.ballots(id);
      const choices = await elections.secretChoices(id);
      if (choices.length !== cast.length) throw new Error(`Election ${id}: ${cast.length} ballots but ${choices.length} secret choices`);
      const electorate = await elections.electorate(id);
      // As for motions: the choices are paired with cast ballots in an order that means nothing.
      const result = countElection({
        seats: election.seats,
        reservations: election.reservations,
        candidates,
        ballots: cast.map((b, i) => ({ id: choices[i]!.id, schoolId: b.schoolId, choices: choices[i]!.nominationIds })),
        maxChoices: election.maxChoices ?? election.seats,
        electorateSchoolIds: electorate.map((e) => e.schoolId),
        tieBreak: election.tieRule === 'lot' ? { rule: 'lot', seed: election.tieSeed } : { rule: 'longest_serving', seed: election.tieSeed },
      });
      const startsOn = londonToday();
      const endsOn = election.termMonths ? termEnd(startsOn, election.termMonths) : null;
      const electedBy = new Map(result.elected.map((e) => [e.candidateId, e]));
      const stored: StoredElectionResult = {
        ...result,
        refusedBallots: [],
        countedAt: new Date().toISOString(),
        ballots: cast.length,
        electorate: electorate.length,
        receipts: choices.map((c) => ({ receipt: c.receipt, nominationIds: c.nominationIds })),
        tieRule: TIE_RULE_TEXT[election.tieRule]!,
      };
      await elections.close(
        id,
        ctx.user.id,
        stored,
        result.tallies.map((t) => {
          const won = electedBy.get(t.candidateId);
          return {
            nominationId: t.candidateId,
            candidateUserId: nominations.find((n) => n.id === t.candidateId)!.candidateUserId,
            votes: t.votes,
            elected: Boolean(won),
            reservation: won?.reservation ?? null,
            termStartsOn: won ? startsOn : null,
            termEndsOn: won ? endsOn : null,
          };
        }),
      );
      // Winners take their seats: an 'elected' appointment under the body's elected seat rule,
      // which seat resolution reads (facts.electionWinners) and records as a seat holding.
      // Those elected before under the same rule and not re-elected step down the day before.
      if (election.seatRuleId) {
        const seats = new SeatRepository(em, ctx.tenant.id);
        const winners = new Set(result.elected.map((w) => w.userId));
        const yesterday = new Date(Date.parse(`${startsOn}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        for (const holding of await seats.current(election.bodyId)) {
          if (holding.seatRuleId === election.seatRuleId && !winners.has(holding.userId)) await seats.endAppointment(election.bodyId, election.seatRuleId, holding.userId, yesterday);
        }
        for (const won of result.elected) {
          const nomination = nominations.find((n) => n.id === won.candidateId)!;
          await seats.appoint(election.bodyId, election.seatRuleId, won.userId, nomination.schoolId, 'elected', startsOn, ctx.user.id);
        }
        await resolveAndRecordSeats(em, ctx.tenant.id, [election.bodyId], startsOn);
      }
      return this.detailIn(em, id);
    });
  }

  async toDto(em: EntityManager, e: ElectionSummary): Promise<ElectionDto> {
    return {
      id: e.id,
      bodyId: e.bodyId,
      bodyName: e.bodyName,
      seatRuleId: e.seatRuleId,
      meetingId: e.meetingId,
      title: e.title,
      seats: e.seats,
      maxChoices: e.maxChoices ?? e.seats,
      reservations: e.reservations.map(reservationView),
      eligibleRoles: e.eligibleRoles,
      nominationsCloseAt: iso(e.nominationsCloseAt),
      votingOpensAt: iso(e.votingOpensAt),
      votingClosesAt: iso(e.votingClosesAt),
      tieRule: e.tieRule,
      tieRuleText: TIE_RULE_TEXT[e.tieRule]!,
      termMonths: e.termMonths,
      status: e.status,
      candidates: e.candidates,
      electorate: e.electorate,
      voted: e.voted,
      result: e.result ? await this.resultDto(em, e) : null,
    };
  }

  async resultDto(em: EntityManager, e: Election): Promise<ElectionResultDto> {
    const r = e.result!;
    const elections = new ElectionRepository(em);
    const names = new Map((await elections.nominations(e.id, true)).map((n) => [n.id, n.candidateName]));
    const rows = new Map((await elections.results(e.id)).map((row) => [row.nominationId, row]));
    return {
      elected: r.elected.map((w) => ({
        nominationId: w.candidateId,
        name: w.name,
        votes: w.votes,
        reservation: w.reservation,
        termStartsOn: rows.get(w.candidateId)?.termStartsOn ?? null,
        termEndsOn: rows.get(w.candidateId)?.termEndsOn ?? null,
      })),
      tallies: r.tallies.map((t) => ({ nominationId: t.candidateId, name: names.get(t.candidateId) ?? '', votes: t.votes })),
      tieRule: r.tieRule,
      tiesSettled: r.tiesSettled,
      problems: r.problems,
      ballots: r.ballots,
      electorate: r.electorate,
      receipts: r.receipts,
      receiptSalt: e.receiptSalt,
      countedAt: r.countedAt,
    };
  }
}

export function reservationView(r: SeatReservation): ReservationViewDto {
  return { label: r.label, count: r.count, phases: r.phases ?? [], characters: r.characters ?? [], areas: r.areas ?? [] };
}

export function candidateDto(n: Nomination): CandidateDto {
  return {
    nominationId: n.id,
    userId: n.candidateUserId,
    name: n.candidateName,
    school: { urn: n.schoolUrn, name: n.schoolName },
    phase: n.phase,
    character: n.character,
    area: n.area,
    statement: n.statement,
  };
}

