import type { Majority, MotionChoice, MotionResult, QuorumRule, TieBreak } from '@partnerships/domain';
import { VoteRepository } from './vote.repository';

export type { ElectorateSchool } from './vote.repository';

export type BallotKind = 'secret' | 'named';
export type MotionStatus = 'draft' | 'open' | 'closed';

/** A meeting as a general meeting's poll needs it: its body, quorum rule and chair. */
export interface MeetingForVote {
  id: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  title: string | null;
  startsAt: Date;
  status: string;
  quorumRule: QuorumRule | null;
  chairUserId: string | null;
  chairName: string | null;
}

export interface Motion {
  id: string;
  meetingId: string;
  title: string;
  text: string;
  ballot: BallotKind;
  majority: Majority;
  tieRule: TieBreak;
  chairCastingVote: 'for' | 'against' | null;
  status: MotionStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  electorateFrozenAt: Date | null;
  /** Secret until the result is published with it. */
  receiptSalt: string;
  closedAt: Date | null;
  result: StoredMotionResult | null;
  createdAt: Date;
}

/** What is kept when a motion is counted: the domain's result, as published. */
export type StoredMotionResult = MotionResult & { countedAt: string; quorum?: { met: boolean; explanation: string } | null };

export interface MotionSummary extends Motion {
  bodyName: string;
  meetingStartsAt: Date;
  electorate: number;
  voted: number;
}

/** That a school voted: who cast it and through which proxy. `choice` is null for a secret ballot. */
export interface CastBallot {
  id: string;
  schoolId: string;
  castByUserId: string;
  viaProxyId: string | null;
  choice: MotionChoice | null;
  castAt: Date;
}

export interface NewMotion {
  meetingId: string;
  title: string;
  text: string;
  ballot: BallotKind;
  majority: Majority;
  tieRule: TieBreak;
  chairCastingVote: 'for' | 'against' | null;
  opensAt: Date | null;
  closesAt: Date | null;
  createdBy: string;
}

const MOTION_COLUMNS = `m.id, m.meeting_id AS "meetingId", m.title, m.text, m.ballot, m.majority, m.tie_rule AS "tieRule",
  m.chair_casting_vote AS "chairCastingVote", m.status, m.opens_at AS "opensAt", m.closes_at AS "closesAt",
  m.electorate_frozen_at AS "electorateFrozenAt", m.receipt_salt AS "receiptSalt", m.closed_at AS "closedAt", m.result, m.created_at AS "createdAt"`;

/**
 * Motions, their frozen electorates and their ballots (the motion aggregate). Secret ballots'
 * choices sit in `motion_secret_choices`, which has nothing that joins back to a school; this
 * class never returns them with anything but the receipt.
 */
export class MotionRepository extends VoteRepository {
  protected readonly voteTables = { electorate: 'motion_electorate', ballots: 'motion_ballots', key: 'motion_id' } as const;

  /** A meeting of this partnership with its body, quorum rule and current chair, or null. */
  meeting(meetingId: string): Promise<MeetingForVote | null> {
    return this.one<MeetingForVote>(
      `SELECT mt.id, mt.body_id AS "bodyId", b.name AS "bodyName", b.kind AS "bodyKind", mt.title, mt.starts_at AS "startsAt", mt.status,
              b.quorum_rule AS "quorumRule", o.user_id AS "chairUserId", u.name AS "chairName"
         FROM meetings mt JOIN bodies b ON b.id = mt.body_id
         LEFT JOIN body_offices o ON o.tenant_id = mt.tenant_id AND o.body_id = b.id AND o.office = 'chair' AND o.to_on IS NULL
         LEFT JOIN users u ON u.id = o.user_id
        WHERE mt.id = $1`,
      [meetingId],
    );
  }

  async create(input: NewMotion): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO motions (tenant_id, meeting_id, title, text, ballot, majority, tie_rule, chair_casting_vote, opens_at, closes_at, created_by)
       VALUES (app_tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.meetingId, input.title, input.text, input.ballot, input.majority, input.tieRule, input.chairCastingVote, input.opensAt, input.closesAt, input.createdBy],
    );
    return row!.id;
  }

  list(filter: { meetingId?: string; status?: MotionStatus; id?: string }): Promise<MotionSummary[]> {
    return this.rows<MotionSummary>(
      `SELECT ${MOTION_COLUMNS}, b.name AS "bodyName", mt.starts_at AS "meetingStartsAt",
              (SELECT count(*)::int FROM motion_electorate e WHERE e.motion_id = m.id) AS electorate,
              (SELECT count(*)::int FROM motion_ballots x WHERE x.motion_id = m.id) AS voted
         FROM motions m JOIN meetings mt ON mt.id = m.meeting_id JOIN bodies b ON b.id = mt.body_id
        WHERE ($1::uuid IS NULL OR m.meeting_id = $1) AND ($2::text IS NULL OR m.status = $2) AND ($3::uuid IS NULL OR m.id = $3)
        ORDER BY mt.starts_at DESC, m.created_at`,
      [filter.meetingId ?? null, filter.status ?? null, filter.id ?? null],
    );
  }

  /** One motion with its meeting and counts, or null. */
  async findSummary(id: string): Promise<MotionSummary | null> {
    return (await this.list({ id }))[0] ?? null;
  }

  /** Open motions (and those closed in the last `recentDays`), for a voter's list. */
  listOpenAndRecent(recentDays: number): Promise<MotionSummary[]> {
    return this.rows<MotionSummary>(
      `SELECT ${MOTION_COLUMNS}, b.name AS "bodyName", mt.starts_at AS "meetingStartsAt",
              (SELECT count(*)::int FROM motion_electorate e WHERE e.motion_id = m.id) AS electorate,
              (SELECT count(*)::int FROM motion_ballots x WHERE x.motion_id = m.id) AS voted
         FROM motions m JOIN meetings mt ON mt.id = m.meeting_id JOIN bodies b ON b.id = mt.body_id
        WHERE m.status = 'open' OR (m.status = 'closed' AND m.closed_at > now() - make_interval(days => $1))
        ORDER BY m.status DESC, mt.starts_at, m.created_at`,
      [recentDays],
    );
  }

  find(id: string): Promise<Motion | null> {
    return this.one<Motion>(`SELECT ${MOTION_COLUMNS} FROM motions m WHERE m.id = $1`, [id]);
  }

  /** Locks the motion against counting while a ballot is cast (a count takes the row FOR UPDATE). */
  findForBallot(id: string): Promise<Motion | null> {
    return this.one<Motion>(`SELECT ${MOTION_COLUMNS} FROM motions m WHERE m.id = $1 FOR SHARE`, [id]);
  }

  lockForUpdate(id: string): Promise<Motion | null> {
    return this.one<Motion>(`SELECT ${MOTION_COLUMNS} FROM motions m WHERE m.id = $1 FOR UPDATE`, [id]);
  }

  /** Writes the electorate once and opens the poll, in the caller's transaction. */
  async open(id: string, schools: { schoolId: string; voterUserId: string | null; category: string }[], openedBy: string, opensAt: Date): Promise<void> {
    await this.execute(
      `INSERT INTO motion_electorate (tenant_id, motion_id, school_id, voter_user_id, category)
       SELECT app_tenant_id(), $1, s.school_id, s.voter_user_id, s.category
         FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS s(school_id, voter_user_id, category)`,
      [id, schools.map((s) => s.schoolId), schools.map((s) => s.voterUserId), schools.map((s) => s.category)],
    );
    await this.execute(
      `UPDATE motions SET status = 'open', electorate_frozen_at = now(), opened_by = $2, opens_at = $3, updated_at = now() WHERE id = $1 AND status = 'draft'`,
      [id, openedBy, opensAt],
    );
  }

  /**
   * Records that the school voted. The unique index (tenant, motion, school) refuses a second
   * ballot, even from a concurrent request: the caller maps that violation to "already voted".
   */
  async insertBallot(input: { motionId: string; schoolId: string; castByUserId: string; viaProxyId: string | null; choice: MotionChoice | null }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO motion_ballots (tenant_id, motion_id, school_id, cast_by_user_id, via_proxy_id, choice)
       VALUES (app_tenant_id(), $1, $2, $3, $4, $5) RETURNING id`,
      [input.motionId, input.schoolId, input.castByUserId, input.viaProxyId, input.choice],
    );
    return row!.id;
  }

  /** A secret ballot's choice, kept apart from who cast it, with the voter's receipt. */
  async insertSecretChoice(ballotId: string, motionId: string, choice: MotionChoice, receipt: string): Promise<void> {
    await this.execute(`INSERT INTO motion_secret_choices (id, tenant_id, motion_id, choice, receipt) VALUES ($1, app_tenant_id(), $2, $3, $4)`, [ballotId, motionId, choice, receipt]);
  }

  ballots(motionId: string): Promise<CastBallot[]> {
    return this.rows<CastBallot>(
      `SELECT id, school_id AS "schoolId", cast_by_user_id AS "castByUserId", via_proxy_id AS "viaProxyId", choice, cast_at AS "castAt"
         FROM motion_ballots WHERE motion_id = $1 ORDER BY school_id`,
      [motionId],
    );
  }

  /**
   * Writes the poll's secret choices again, in receipt order, in the caller's transaction, so no
   * choice shares a transaction id (`xmin`) or insertion order with the ballot that says which
   * school voted. Lock the motion first: two rewrites at once would insert the same rows twice.
   */
  async rewriteSecretChoices(motionId: string): Promise<void> {
    const choices = await this.rows<{ id: string; choice: string; receipt: string }>(
      `SELECT id, choice, receipt FROM motion_secret_choices WHERE motion_id = $1 ORDER BY receipt`,
      [motionId],
    );
    if (choices.length === 0) return;
    await this.execute(`DELETE FROM motion_secret_choices WHERE motion_id = $1`, [motionId]);
    await this.execute(
      `INSERT INTO motion_secret_choices (id, tenant_id, motion_id, choice, receipt)
       SELECT c.id, app_tenant_id(), $1, c.choice, c.receipt FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS c(id, choice, receipt, n) ORDER BY c.n`,
      [motionId, choices.map((c) => c.id), choices.map((c) => c.choice), choices.map((c) => c.receipt)],
    );
  }

  /** The secret choices with their receipts, in receipt order (never insertion order). */
  secretChoices(motionId: string): Promise<{ id: string; choice: MotionChoice; receipt: string }[]> {
    return this.rows(`SELECT id, choice, receipt FROM motion_secret_choices WHERE motion_id = $1 ORDER BY receipt`, [motionId]);
  }

  async close(id: string, closedBy: string, chairCastingVote: 'for' | 'against' | null, result: StoredMotionResult): Promise<void> {
    await this.execute(
      `UPDATE motions SET status = 'closed', closed_at = now(), closed_by = $2, chair_casting_vote = coalesce($3, chair_casting_vote), result = $4, updated_at = now()
        WHERE id = $1 AND status = 'open'`,
      [id, closedBy, chairCastingVote, JSON.stringify(result)],
    );
  }
}
