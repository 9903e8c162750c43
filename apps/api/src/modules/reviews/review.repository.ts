import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { ReportVersionKind, ReviewActionStatus, ReviewRole, ReviewStatus } from '@partnerships/domain';

export interface ReviewRow {
  id: string;
  programmeId: string;
  groupId: string | null;
  schoolId: string;
  schoolUrn: string;
  schoolName: string;
  academicYearStart: number;
  visitOn: string | null;
  focus: string | null;
  focusAgreedAt: Date | null;
  status: ReviewStatus;
  qaApproved: boolean;
  previousReviewId: string | null;
  confirmed: boolean;
}

export interface ParticipantRow {
  id: string;
  reviewId: string;
  userId: string;
  name: string;
  schoolId: string | null;
  schoolName: string | null;
  role: ReviewRole;
  conflictOverrideReason: string | null;
}

export interface ReportVersionRow {
  id: string;
  version: number;
  kind: ReportVersionKind;
  body: string;
  approved: boolean | null;
  authorName: string | null;
  createdAt: Date;
}

export interface ActionRow {
  id: string;
  reviewId: string;
  text: string;
  owner: string | null;
  dueOn: string | null;
  status: ReviewActionStatus;
  followUpNote: string | null;
  carriedFromActionId: string | null;
}

export interface ReviewerRow {
  userId: string;
  name: string;
  email: string;
  reviewsLed: number;
  reviewsJoined: number;
  training: { course: string; completedOn: string }[];
}

export interface ReviewFilter {
  programmeId?: string | null;
  academicYearStart?: number | null;
  /** Only reviews this person takes part in. */
  participantUserId?: string | null;
  /** Only reviews of these schools. */
  schoolIds?: string[] | null;
}

const REVIEW_SELECT = `SELECT r.id, r.programme_id AS "programmeId", r.group_id AS "groupId", r.school_id AS "schoolId", s.urn AS "schoolUrn", s.name AS "schoolName",
  r.academic_year_start AS "academicYearStart", to_char(r.visit_on, 'YYYY-MM-DD') AS "visitOn", r.focus, r.focus_agreed_at AS "focusAgreedAt", r.status,
  r.qa_approved AS "qaApproved", r.previous_review_id AS "previousReviewId", r.confirmed_at IS NOT NULL AS confirmed
  FROM reviews r JOIN schools s ON s.id = r.school_id`;

/** Peer reviews with their people, report versions and agreed actions (`reviews`, `review_participants`, `review_reports`, `review_actions`), and reviewers' training. */
export class ReviewRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('ReviewRepository needs a tenant');
  }

  list(filter: ReviewFilter): Promise<ReviewRow[]> {
    return this.rows<ReviewRow>(
      `${REVIEW_SELECT} WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.programme_id = $2) AND ($3::int IS NULL OR r.academic_year_start = $3)
         AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM review_participants p WHERE p.tenant_id = r.tenant_id AND p.review_id = r.id AND p.user_id = $4))
         AND ($5::uuid[] IS NULL OR r.school_id = ANY($5::uuid[]))
       ORDER BY r.academic_year_start, r.visit_on NULLS LAST, s.name`,
      [this.tenantId, filter.programmeId ?? null, filter.academicYearStart ?? null, filter.participantUserId ?? null, filter.schoolIds ?? null],
    );
  }

  findById(id: string): Promise<ReviewRow | null> {
    return this.one<ReviewRow>(`${REVIEW_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [this.tenantId, id]);
  }

  /** The review locked for a change of state. */
  lockForUpdate(id: string): Promise<ReviewRow | null> {
    return this.one<ReviewRow>(`${REVIEW_SELECT} WHERE r.tenant_id = $1 AND r.id = $2 FOR UPDATE OF r`, [this.tenantId, id]);
  }

  /** Takes away a programme's proposal (reviews not yet confirmed) before a new one is stored. */
  async deleteProposal(programmeId: string): Promise<void> {
    await this.execute(
      `DELETE FROM review_participants p USING reviews r WHERE p.tenant_id = $1 AND r.tenant_id = $1 AND p.review_id = r.id AND r.programme_id = $2 AND r.confirmed_at IS NULL`,
      [this.tenantId, programmeId],
    );
    await this.execute(`UPDATE reviews SET status = 'cancelled' WHERE tenant_id = $1 AND programme_id = $2 AND confirmed_at IS NULL AND status = 'planned'`, [this.tenantId, programmeId]);
  }

  /** Years and schools already confirmed in a programme (a new proposal leaves them be). */
  async confirmedKeys(programmeId: string): Promise<Set<string>> {
    const rows = await this.rows<{ key: string }>(
      `SELECT school_id || ':' || academic_year_start AS key FROM reviews WHERE tenant_id = $1 AND programme_id = $2 AND confirmed_at IS NOT NULL AND status <> 'cancelled'`,
      [this.tenantId, programmeId],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Stores proposed reviews and their people in two set-based statements. */
  async insertProposal(
    programmeId: string,
    reviews: { groupId: string | null; schoolId: string; academicYearStart: number; visitOn: string; participants: { userId: string; schoolId: string | null; role: ReviewRole }[] }[],
  ): Promise<string[]> {
    if (reviews.length === 0) return [];
    const inserted = await this.rows<{ id: string; ord: number }>(
      `WITH input AS (
         SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::date[]) WITH ORDINALITY AS t(group_id, school_id, year, visit_on, ord))
       INSERT INTO reviews (tenant_id, programme_id, group_id, school_id, academic_year_start, visit_on, previous_review_id)
       SELECT $1, $2, i.group_id, i.school_id, i.year, i.visit_on,
         (SELECT p.id FROM reviews p WHERE p.tenant_id = $1 AND p.school_id = i.school_id AND p.academic_year_start < i.year AND p.status <> 'cancelled' ORDER BY p.academic_year_start DESC LIMIT 1)
       FROM input i ORDER BY i.ord RETURNING id`,
      [this.tenantId, programmeId, reviews.map((r) => r.groupId), reviews.map((r) => r.schoolId), reviews.map((r) => r.academicYearStart), reviews.map((r) => r.visitOn)],
    );
    const ids = inserted.map((r) => r.id);
    const people = reviews.flatMap((r, i) => r.participants.map((p) => ({ reviewId: ids[i]!, ...p })));
    if (people.length) {
      await this.execute(
        `INSERT INTO review_participants (tenant_id, review_id, user_id, school_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[])`,
        [this.tenantId, people.map((p) => p.reviewId), people.map((p) => p.userId), people.map((p) => p.schoolId), people.map((p) => p.role)],
      );
    }
    return ids;
  }

  /** Confirms a programme's proposal; answers the people who now have a role. */
  async confirm(programmeId: string): Promise<{ reviews: number; userIds: string[] }> {
    const confirmed = await this.execute(
      `UPDATE reviews SET confirmed_at = now(), updated_at = now() WHERE tenant_id = $1 AND programme_id = $2 AND confirmed_at IS NULL AND status = 'planned' RETURNING id`,
      [this.tenantId, programmeId],
    );
    const people = await this.rows<{ userId: string }>(
      `SELECT DISTINCT p.user_id AS "userId" FROM review_participants p JOIN reviews r ON r.tenant_id = p.tenant_id AND r.id = p.review_id
       WHERE p.tenant_id = $1 AND r.programme_id = $2 AND r.status <> 'cancelled'`,
      [this.tenantId, programmeId],
    );
    return { reviews: confirmed, userIds: people.map((p) => p.userId) };
  }

  participants(reviewIds: string[]): Promise<ParticipantRow[]> {
    return this.rows<ParticipantRow>(
      `SELECT p.id, p.review_id AS "reviewId", p.user_id AS "userId", u.name, p.school_id AS "schoolId", s.name AS "schoolName", p.role, p.conflict_override_reason AS "conflictOverrideReason"
       FROM review_participants p JOIN users u ON u.id = p.user_id LEFT JOIN schools s ON s.id = p.school_id
       WHERE p.tenant_id = $1 AND p.review_id = ANY($2::uuid[]) ORDER BY p.review_id, CASE p.role WHEN 'lead' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.name`,
      [this.tenantId, reviewIds],
    );
  }

  async addParticipant(reviewId: string, userId: string, schoolId: string | null, role: ReviewRole, overrideReason: string | null, overridden: unknown[] | null): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO review_participants (tenant_id, review_id, user_id, school_id, role, conflict_override_reason, overridden_conflicts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, review_id, user_id) DO UPDATE SET role = EXCLUDED.role, school_id = EXCLUDED.school_id,
         conflict_override_reason = EXCLUDED.conflict_override_reason, overridden_conflicts = EXCLUDED.overridden_conflicts
       RETURNING id`,
      [this.tenantId, reviewId, userId, schoolId, role, overrideReason, overridden && overridden.length ? JSON.stringify(overridden) : null],
    );
    return row!.id;
  }

  /** A lead stepping aside when another is named lead. */
  async demoteLead(reviewId: string, exceptUserId: string): Promise<void> {
    await this.execute(`UPDATE review_participants SET role = 'member' WHERE tenant_id = $1 AND review_id = $2 AND role = 'lead' AND user_id <> $3`, [this.tenantId, reviewId, exceptUserId]);
  }

  async findParticipant(participantId: string): Promise<{ id: string; reviewId: string } | null> {
    return this.one(`SELECT id, review_id AS "reviewId" FROM review_participants WHERE tenant_id = $1 AND id = $2`, [this.tenantId, participantId]);
  }

  async removeParticipant(reviewId: string, participantId: string): Promise<boolean> {
    return (await this.execute(`DELETE FROM review_participants WHERE tenant_id = $1 AND review_id = $2 AND id = $3 RETURNING id`, [this.tenantId, reviewId, participantId])) > 0;
  }

  async setVisit(reviewId: string, visitOn: string): Promise<void> {
    await this.execute(`UPDATE reviews SET visit_on = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [this.tenantId, reviewId, visitOn]);
  }

  async setFocus(reviewId: string, focus: string, agreedBy: string): Promise<void> {
    await this.execute(`UPDATE reviews SET focus = $3, focus_agreed_at = now(), focus_agreed_by = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      this.tenantId,
      reviewId,
      focus,
      agreedBy,
    ]);
  }

  async setState(reviewId: string, status: ReviewStatus, qaApproved: boolean): Promise<void> {
    await this.execute(`UPDATE reviews SET status = $3, qa_approved = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [this.tenantId, reviewId, status, qaApproved]);
  }

  reports(reviewId: string): Promise<ReportVersionRow[]> {
    return this.rows<ReportVersionRow>(
      `SELECT v.id, v.version, v.kind, v.body, v.approved, u.name AS "authorName", v.created_at AS "createdAt"
       FROM review_reports v LEFT JOIN users u ON u.id = v.author_user_id WHERE v.tenant_id = $1 AND v.review_id = $2 ORDER BY v.version`,
      [this.tenantId, reviewId],
    );
  }

  async addReport(reviewId: string, kind: ReportVersionKind, body: string, approved: boolean | null, authorUserId: string): Promise<number> {
    const row = await this.one<{ version: number }>(
      `INSERT INTO review_reports (tenant_id, review_id, version, kind, body, approved, author_user_id)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6 FROM review_reports WHERE tenant_id = $1 AND review_id = $2 RETURNING version`,
      [this.tenantId, reviewId, kind, body, approved, authorUserId],
    );
    return row!.version;
  }

  actions(reviewIds: string[]): Promise<ActionRow[]> {
    return this.rows<ActionRow>(
      `SELECT id, review_id AS "reviewId", text, owner, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, follow_up_note AS "followUpNote", carried_from_action_id AS "carriedFromActionId"
       FROM review_actions WHERE tenant_id = $1 AND review_id = ANY($2::uuid[]) ORDER BY created_at`,
      [this.tenantId, reviewIds],
    );
  }

  findAction(actionId: string): Promise<ActionRow | null> {
    return this.one<ActionRow>(
      `SELECT id, review_id AS "reviewId", text, owner, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, follow_up_note AS "followUpNote", carried_from_action_id AS "carriedFromActionId"
       FROM review_actions WHERE tenant_id = $1 AND id = $2`,
      [this.tenantId, actionId],
    );
  }

  async addAction(reviewId: string, text: string, owner: string | null, dueOn: string | null, carriedFrom: string | null = null): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO review_actions (tenant_id, review_id, text, owner, due_on, carried_from_action_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.tenantId, reviewId, text, owner, dueOn, carriedFrom],
    );
    return row!.id;
  }

  async updateAction(actionId: string, status: ReviewActionStatus, followUpNote: string | null): Promise<void> {
    await this.execute(`UPDATE review_actions SET status = $3, follow_up_note = coalesce($4, follow_up_note), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      this.tenantId,
      actionId,
      status,
      followUpNote,
    ]);
  }

  /**
   * Starts a review from its school's last review: each action still open there is copied into
   * this review (once) and marked carried forward there. Answers how many were carried.
   */
  async carryForwardActions(reviewId: string, previousReviewId: string): Promise<number> {
    const carried = await this.rows<{ id: string }>(
      `INSERT INTO review_actions (tenant_id, review_id, text, owner, due_on, carried_from_action_id)
       SELECT a.tenant_id, $2, a.text, a.owner, NULL, a.id FROM review_actions a
       WHERE a.tenant_id = $1 AND a.review_id = $3 AND a.status IN ('open', 'in_progress')
         AND NOT EXISTS (SELECT 1 FROM review_actions c WHERE c.tenant_id = $1 AND c.review_id = $2 AND c.carried_from_action_id = a.id)
       RETURNING id`,
      [this.tenantId, reviewId, previousReviewId],
    );
    await this.execute(`UPDATE review_actions SET status = 'carried_forward', updated_at = now() WHERE tenant_id = $1 AND review_id = $2 AND status IN ('open', 'in_progress')`, [
      this.tenantId,
      previousReviewId,
    ]);
    return carried.length;
  }

  /** Everyone who has taken part in a review or been trained, with training and reviews led and joined (derived). */
  reviewers(): Promise<ReviewerRow[]> {
    return this.rows<ReviewerRow>(
      `WITH people AS (
         SELECT user_id FROM review_participants WHERE tenant_id = $1 UNION SELECT user_id FROM reviewer_training WHERE tenant_id = $1)
       SELECT u.id AS "userId", u.name, u.email,
         (SELECT count(*)::int FROM review_participants p JOIN reviews r ON r.tenant_id = p.tenant_id AND r.id = p.review_id
            WHERE p.tenant_id = $1 AND p.user_id = u.id AND p.role = 'lead' AND r.status = 'final') AS "reviewsLed",
         (SELECT count(*)::int FROM review_participants p JOIN reviews r ON r.tenant_id = p.tenant_id AND r.id = p.review_id
            WHERE p.tenant_id = $1 AND p.user_id = u.id AND p.role = 'member' AND r.status = 'final') AS "reviewsJoined",
         coalesce((SELECT json_agg(json_build_object('course', t.course, 'completedOn', to_char(t.completed_on, 'YYYY-MM-DD')) ORDER BY t.completed_on)
                   FROM reviewer_training t WHERE t.tenant_id = $1 AND t.user_id = u.id), '[]') AS training
       FROM people JOIN users u ON u.id = people.user_id ORDER BY u.name`,
      [this.tenantId],
    );
  }

  async addTraining(userId: string, course: string, completedOn: string): Promise<string> {
    const row = await this.one<{ id: string }>(`INSERT INTO reviewer_training (tenant_id, user_id, course, completed_on) VALUES ($1, $2, $3, $4) RETURNING id`, [
      this.tenantId,
      userId,
      course,
      completedOn,
    ]);
    return row!.id;
  }

  async userByEmail(email: string): Promise<{ id: string; name: string } | null> {
    return this.one(`SELECT id, name FROM users WHERE lower(email) = lower($1)`, [email]);
  }

  async userById(id: string): Promise<{ id: string; name: string; email: string } | null> {
    return this.one(`SELECT id, name, email FROM users WHERE id = $1`, [id]);
  }

  /** The schools a person leads (as headteacher). */
  async headSchoolIds(userId: string): Promise<string[]> {
    const rows = await this.rows<{ schoolId: string }>(`SELECT school_id AS "schoolId" FROM school_roles WHERE user_id = $1 AND role = 'headteacher'`, [userId]);
    return rows.map((r) => r.schoolId);
  }

  async headsOf(schoolId: string): Promise<{ id: string; name: string; email: string }[]> {
    return this.rows(`SELECT u.id, u.name, u.email FROM school_roles sr JOIN users u ON u.id = sr.user_id WHERE sr.school_id = $1 AND sr.role = 'headteacher' ORDER BY u.name`, [schoolId]);
  }
}
