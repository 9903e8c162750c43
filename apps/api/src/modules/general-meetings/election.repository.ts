import type { ElectionResult, Phase, SeatReservation } from '@partnerships/domain';
import { VoteRepository } from './vote.repository';

export type ElectionStatus = 'nominations' | 'voting' | 'closed';
export type ElectionTieRule = 'lot' | 'longest_serving';

export interface Election {
  id: string;
  bodyId: string;
  bodyName: string;
  seatRuleId: string | null;
  meetingId: string | null;
  title: string;
  seats: number;
  maxChoices: number | null;
  reservations: SeatReservation[];
  eligibleRoles: string[];
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
  tieRule: ElectionTieRule;
  tieSeed: string;
  receiptSalt: string;
  termMonths: number | null;
  status: ElectionStatus;
  electorateFrozenAt: Date | null;
  closedAt: Date | null;
  result: StoredElectionResult | null;
  createdAt: Date;
}

export type StoredElectionResult = ElectionResult & { countedAt: string; ballots: number; electorate: number; receipts: { receipt: string; nominationIds: string[] }[]; tieRule: string };

export interface ElectionSummary extends Election {
  candidates: number;
  electorate: number;
  voted: number;
}

export interface Nomination {
  id: string;
  candidateUserId: string;
  candidateName: string;
  schoolId: string;
  schoolUrn: string;
  schoolName: string;
  phase: Phase;
  area: string | null;
  character: string | null;
  statement: string;
  eligibility: Record<string, unknown>;
  withdrawnAt: Date | null;
  createdAt: Date;
}

/** An elected seat rule on a body (helper rows for an election's defaults). */
export interface ElectedSeatRule {
  id: string;
  bodyId: string;
  label: string;
  termMonths: number | null;
  rule: { kind: string; seats?: number; reservations?: SeatReservation[] };
}

export interface NewElection
  extends Pick<
    Election,
    'bodyId' | 'seatRuleId' | 'meetingId' | 'title' | 'seats' | 'maxChoices' | 'reservations' | 'eligibleRoles'
    | 'nominationsOpenAt' | 'nominationsCloseAt' | 'votingOpensAt' | 'votingClosesAt' | 'tieRule' | 'termMonths'
  > {
  createdBy: string;
}

const ELECTION_COLUMNS = `e.id, e.body_id AS "bodyId", b.name AS "bodyName", e.seat_rule_id AS "seatRuleId", e.meeting_id AS "meetingId", e.title, e.seats,
  e.max_choices AS "maxChoices", e.reservations, e.eligible_roles AS "eligibleRoles", e.nominations_open_at AS "nominationsOpenAt",
  e.nominations_close_at AS "nominationsCloseAt", e.voting_opens_at AS "votingOpensAt", e.voting_closes_at AS "votingClosesAt",
  e.tie_rule AS "tieRule", e.tie_seed AS "tieSeed", e.receipt_salt AS "receiptSalt", e.term_months AS "termMonths", e.status, e.electorate_frozen_at AS "electorateFrozenAt",
  e.closed_at AS "closedAt", e.result, e.created_at AS "createdAt"`;

const SUMMARY_COLUMNS = `${ELECTION_COLUMNS},
  (SELECT count(*)::int FROM nominations n WHERE n.election_id = e.id AND n.withdrawn_at IS NULL) AS candidates,
  (SELECT count(*)::int FROM election_electorate x WHERE x.election_id = e.id) AS electorate,
  (SELECT count(*)::int FROM election_ballots x WHERE x.election_id = e.id) AS voted`;

/**
 * Elections, nominations, frozen electorates, ballots and results (the election aggregate).
 * Ballots are always secret: `election_ballots` says who voted, `election_secret_choices` what
 * was chosen, with nothing that joins the two.
 */
export class ElectionRepository extends VoteRepository {
  protected readonly voteTables = { electorate: 'election_electorate', ballots: 'election_ballots', key: 'election_id' } as const;

  /** A body of this partnership, or null. */
  body(bodyId: string): Promise<{ id: string; name: string; kind: string } | null> {
    return this.one(`SELECT id, name, kind FROM bodies WHERE id = $1 AND archived_at IS NULL`, [bodyId]);
  }

  /** A seat rule of the body, or null. */
  seatRule(bodyId: string, seatRuleId: string): Promise<ElectedSeatRule | null> {
    return this.one<ElectedSeatRule>(
      `SELECT id, body_id AS "bodyId", label, term_months AS "termMonths", rule FROM seat_rules WHERE id = $1 AND body_id = $2 AND archived_at IS NULL`,
      [seatRuleId, bodyId],
    );
  }

  /** The meeting's body, or null. */
  meetingBody(meetingId: string): Promise<{ bodyId: string } | null> {
    return this.one(`SELECT body_id AS "bodyId" FROM meetings WHERE id = $1`, [meetingId]);
  }

  async create(input: NewElection): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO elections (tenant_id, body_id, seat_rule_id, meeting_id, title, seats, max_choices, reservations, eligible_roles,
                              nominations_open_at, nominations_close_at, voting_opens_at, voting_closes_at, tie_rule, term_months, created_by)
       VALUES (app_tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        input.bodyId, input.seatRuleId, input.meetingId, input.title, input.seats, input.maxChoices, JSON.stringify(input.reservations), input.eligibleRoles,
        input.nominationsOpenAt, input.nominationsCloseAt, input.votingOpensAt, input.votingClosesAt, input.tieRule, input.termMonths, input.createdBy,
      ],
    );
    return row!.id;
  }

  list(filter: { status?: ElectionStatus; bodyId?: string }): Promise<ElectionSummary[]> {
    return this.rows<ElectionSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id
        WHERE ($1::text IS NULL OR e.status = $1) AND ($2::uuid IS NULL OR e.body_id = $2) ORDER BY e.created_at DESC`,
      [filter.status ?? null, filter.bodyId ?? null],
    );
  }

  /** Elections taking nominations or votes, and those closed in the last `recentDays`. */
  listOpenAndRecent(recentDays: number): Promise<ElectionSummary[]> {
    return this.rows<ElectionSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id
        WHERE e.status <> 'closed' OR e.closed_at > now() - make_interval(days => $1) ORDER BY e.created_at`,
      [recentDays],
    );
  }

  /** One election with its counts, or null. */
  findSummary(id: string): Promise<ElectionSummary | null> {
    return this.one<ElectionSummary>(`SELECT ${SUMMARY_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id WHERE e.id = $1`, [id]);
  }

  /** The current chair of the meeting's body (who holds 'chair' proxies), or null. */
  async meetingChair(meetingId: string): Promise<string | null> {
    const row = await this.one<{ userId: string }>(
      `SELECT o.user_id AS "userId" FROM meetings mt JOIN body_offices o ON o.tenant_id = mt.tenant_id AND o.body_id = mt.body_id AND o.office = 'chair' AND o.to_on IS NULL
        WHERE mt.id = $1`,
      [meetingId],
    );
    return row?.userId ?? null;
  }

  find(id: string): Promise<Election | null> {
    return this.one<Election>(`SELECT ${ELECTION_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id WHERE e.id = $1`, [id]);
  }

  findForBallot(id: string): Promise<Election | null> {
    return this.one<Election>(`SELECT ${ELECTION_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id WHERE e.id = $1 FOR SHARE OF e`, [id]);
  }

  lockForUpdate(id: string): Promise<Election | null> {
    return this.one<Election>(`SELECT ${ELECTION_COLUMNS} FROM elections e JOIN bodies b ON b.id = e.body_id WHERE e.id = $1 FOR UPDATE OF e`, [id]);
  }

  nominations(electionId: string, includeWithdrawn = false): Promise<Nomination[]> {
    return this.rows<Nomination>(
      `SELECT n.id, n.candidate_user_id AS "candidateUserId", u.name AS "candidateName", n.school_id AS "schoolId", s.urn AS "schoolUrn",
              s.name AS "schoolName", s.phase, d.area, d.religious_character AS character, n.statement, n.eligibility,
              n.withdrawn_at AS "withdrawnAt", n.created_at AS "createdAt"
         FROM nominations n JOIN users u ON u.id = n.candidate_user_id JOIN schools s ON s.id = n.school_id
         LEFT JOIN member_school_details d ON d.tenant_id = n.tenant_id AND d.school_id = n.school_id
        WHERE n.election_id = $1 AND ($2 OR n.withdrawn_at IS NULL) ORDER BY u.name, n.created_at`,
      [electionId, includeWithdrawn],
    );
  }

  isNominated(electionId: string, userId: string): Promise<boolean> {
    return this.one(`SELECT 1 AS x FROM nominations WHERE election_id = $1 AND candidate_user_id = $2`, [electionId, userId]).then(Boolean);
  }

  async nominate(input: { electionId: string; candidateUserId: string; schoolId: string; statement: string; eligibility: Record<string, unknown>; nominatedBy: string }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO nominations (tenant_id, election_id, candidate_user_id, school_id, statement, eligibility, nominated_by)
       VALUES (app_tenant_id(), $1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.electionId, input.candidateUserId, input.schoolId, input.statement, JSON.stringify(input.eligibility), input.nominatedBy],
    );
    return row!.id;
  }

  /** Facts for the eligibility check: the person's roles at the school, current seats and past terms on the body. */
  async candidateFacts(bodyId: string, userId: string, schoolId: string): Promise<{ roles: string[]; holding: boolean; termsServed: number }> {
    const roles = await this.rows<{ role: string }>(`SELECT role FROM school_roles WHERE school_id = $1 AND user_id = $2 ORDER BY role`, [schoolId, userId]);
    const holding = await this.one(`SELECT 1 AS x FROM seat_holdings WHERE body_id = $1 AND user_id = $2 AND ends_on IS NULL`, [bodyId, userId]);
    const terms = await this.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments WHERE body_id = $1 AND user_id = $2 AND source = 'elected'`,
      [bodyId, userId],
    );
    return { roles: roles.map((r) => r.role), holding: Boolean(holding), termsServed: terms?.n ?? 0 };
  }

  /** When each candidate began continuous elected service on the body (for a 'longest_serving' tie). */
  async servingSince(bodyId: string, userIds: string[]): Promise<Map<string, string>> {
    const rows = await this.rows<{ userId: string; since: string }>(
      `SELECT user_id AS "userId", min(starts_on)::text AS since FROM seat_holdings WHERE body_id = $1 AND user_id = ANY($2::uuid[]) GROUP BY user_id`,
      [bodyId, userIds],
    );
    return new Map(rows.map((r) => [r.userId, r.since]));
  }

  /** Freezes the electorate and opens voting, in the caller's transaction. */
  async openVoting(id: string, schools: { schoolId: string; voterUserId: string | null; category: string }[], votingOpensAt: Date): Promise<void> {
    await this.execute(
      `INSERT INTO election_electorate (tenant_id, election_id, school_id, voter_user_id, category)
       SELECT app_tenant_id(), $1, s.school_id, s.voter_user_id, s.category
         FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS s(school_id, voter_user_id, category)`,
      [id, schools.map((s) => s.schoolId), schools.map((s) => s.voterUserId), schools.map((s) => s.category)],
    );
    await this.execute(
      `UPDATE elections SET status = 'voting', electorate_frozen_at = now(), voting_opens_at = $2, updated_at = now() WHERE id = $1 AND status = 'nominations'`,
      [id, votingOpensAt],
    );
  }

  /** Records that the school voted; the unique index refuses a second ballot (the caller maps it to "already voted"). */
  async insertBallot(input: { electionId: string; schoolId: string; castByUserId: string; viaProxyId: string | null }): Promise<void> {
    await this.execute(
      `INSERT INTO election_ballots (tenant_id, election_id, school_id, cast_by_user_id, via_proxy_id) VALUES (app_tenant_id(), $1, $2, $3, $4)`,
      [input.electionId, input.schoolId, input.castByUserId, input.viaProxyId],
    );
  }

  async insertSecretChoice(ballotId: string, electionId: string, nominationIds: string[], receipt: string): Promise<void> {
    await this.execute(`INSERT INTO election_secret_choices (id, tenant_id, election_id, nomination_ids, receipt) VALUES ($1, app_tenant_id(), $2, $3::uuid[], $4)`, [
      ballotId,
      electionId,
      nominationIds,
      receipt,
    ]);
  }

  ballots(electionId: string): Promise<{ id: string; schoolId: string; castByUserId: string; viaProxyId: string | null }[]> {
    return this.rows(
      `SELECT id, school_id AS "schoolId", cast_by_user_id AS "castByUserId", via_proxy_id AS "viaProxyId" FROM election_ballots WHERE election_id = $1 ORDER BY school_id`,
      [electionId],
    );
  }

  /** As for motions: the election's secret choices written again, in receipt order, apart from the ballots' transactions. Lock the election first. */
  async rewriteSecretChoices(electionId: string): Promise<void> {
    const choices = await this.rows<{ id: string; nominationIds: string; receipt: string }>(
      `SELECT id, array_to_string(nomination_ids, ',') AS "nominationIds", receipt FROM election_secret_choices WHERE election_id = $1 ORDER BY receipt`,
      [electionId],
    );
    if (choices.length === 0) return;
    await this.execute(`DELETE FROM election_secret_choices WHERE election_id = $1`, [electionId]);
    await this.execute(
      `INSERT INTO election_secret_choices (id, tenant_id, election_id, nomination_ids, receipt)
       SELECT c.id, app_tenant_id(), $1, string_to_array(c.ids, ',')::uuid[], c.receipt
         FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS c(id, ids, receipt, n) ORDER BY c.n`,
      [electionId, choices.map((c) => c.id), choices.map((c) => c.nominationIds), choices.map((c) => c.receipt)],
    );
  }

  /** The secret choices in receipt order (never insertion order). */
  secretChoices(electionId: string): Promise<{ id: string; nominationIds: string[]; receipt: string }[]> {
    return this.rows(`SELECT id, nomination_ids AS "nominationIds", receipt FROM election_secret_choices WHERE election_id = $1 ORDER BY receipt`, [electionId]);
  }

  /** Stores the count: a row per candidate and the result on the election, which is closed. */
  async close(
    id: string,
    closedBy: string,
    result: StoredElectionResult,
    rows: { nominationId: string; candidateUserId: string; votes: number; elected: boolean; reservation: string | null; termStartsOn: string | null; termEndsOn: string | null }[],
  ): Promise<void> {
    await this.execute(
      `INSERT INTO election_results (tenant_id, election_id, nomination_id, candidate_user_id, votes, elected, reservation, term_starts_on, term_ends_on)
       SELECT app_tenant_id(), $1, r.nomination_id, r.user_id, r.votes, r.elected, r.reservation, r.starts_on, r.ends_on
         FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::boolean[], $6::text[], $7::date[], $8::date[]) AS r(nomination_id, user_id, votes, elected, reservation, starts_on, ends_on)`,
      [
        id,
        rows.map((r) => r.nominationId),
        rows.map((r) => r.candidateUserId),
        rows.map((r) => r.votes),
        rows.map((r) => r.elected),
        rows.map((r) => r.reservation),
        rows.map((r) => r.termStartsOn),
        rows.map((r) => r.termEndsOn),
      ],
    );
    await this.execute(`UPDATE elections SET status = 'closed', closed_at = now(), closed_by = $2, result = $3, updated_at = now() WHERE id = $1 AND status = 'voting'`, [
      id,
      closedBy,
      JSON.stringify(result),
    ]);
  }

  results(electionId: string): Promise<{ nominationId: string; candidateUserId: string; votes: number; elected: boolean; reservation: string | null; termStartsOn: string | null; termEndsOn: string | null }[]> {
    return this.rows(
      `SELECT nomination_id AS "nominationId", candidate_user_id AS "candidateUserId", votes, elected, reservation,
              term_starts_on::text AS "termStartsOn", term_ends_on::text AS "termEndsOn"
         FROM election_results WHERE election_id = $1 ORDER BY elected DESC, votes DESC`,
      [electionId],
    );
  }
}
