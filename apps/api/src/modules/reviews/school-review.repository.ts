import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { ReportReaderKind, ReportShare } from '@partnerships/domain';

/** What anyone entitled to know of a confidential review sees: never the content. */
export interface SchoolReviewRow {
  id: string;
  schoolId: string;
  schoolUrn: string;
  schoolName: string;
  academicYearStart: number;
  reviewerUserId: string | null;
  reviewerName: string | null;
  reviewerEmail: string;
  visitOn: string | null;
  reportReadyAt: Date | null;
  createdAt: Date;
}

export interface ShareRow extends ReportShare {
  id: string;
  userName: string | null;
  bodyName: string | null;
  sharedAt: Date;
}

export interface ReadRow {
  userId: string;
  name: string;
  readerKind: ReportReaderKind;
  readAt: Date;
}

const SDR_SELECT = `SELECT r.id, r.school_id AS "schoolId", s.urn AS "schoolUrn", s.name AS "schoolName", r.academic_year_start AS "academicYearStart",
  r.reviewer_user_id AS "reviewerUserId", u.name AS "reviewerName", r.reviewer_email AS "reviewerEmail", to_char(r.visit_on, 'YYYY-MM-DD') AS "visitOn",
  r.report_ready_at AS "reportReadyAt", r.created_at AS "createdAt"
  FROM sdr_reviews r JOIN schools s ON s.id = r.school_id LEFT JOIN users u ON u.id = r.reviewer_user_id`;

/**
 * Confidential school development reviews (`sdr_requirements`, `sdr_reviews`, `sdr_reports`, `sdr_shares`, `sdr_reads`).
 * The content in `sdr_reports` is filtered by row-level security on the current user as well as the tenant, so
 * `reportContent` answers null to anyone but the reviewer, the head and active share recipients, whoever calls it.
 */
export class SchoolReviewRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('SchoolReviewRepository needs a tenant');
  }

  async requiredCategories(): Promise<string[]> {
    const rows = await this.rows<{ code: string }>(`SELECT category_code AS code FROM sdr_requirements WHERE tenant_id = $1 ORDER BY category_code`, [this.tenantId]);
    return rows.map((r) => r.code);
  }

  async knownCategories(): Promise<string[]> {
    const rows = await this.rows<{ code: string }>(`SELECT code FROM membership_categories WHERE tenant_id = $1`, [this.tenantId]);
    return rows.map((r) => r.code);
  }

  async setRequiredCategories(codes: string[]): Promise<void> {
    await this.execute(`DELETE FROM sdr_requirements WHERE tenant_id = $1 AND NOT (category_code = ANY($2::text[]))`, [this.tenantId, codes]);
    await this.execute(`INSERT INTO sdr_requirements (tenant_id, category_code) SELECT $1, unnest($2::text[]) ON CONFLICT (tenant_id, category_code) DO NOTHING`, [this.tenantId, codes]);
  }

  /** Member schools in a required category with no review in the year. */
  missing(academicYearStart: number): Promise<{ schoolId: string; urn: string; name: string; category: string }[]> {
    return this.rows(
      `SELECT s.id AS "schoolId", s.urn, s.name, m.category FROM memberships m JOIN schools s ON s.id = m.school_id
       JOIN sdr_requirements q ON q.tenant_id = m.tenant_id AND q.category_code = m.category
       WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given')
         AND NOT EXISTS (SELECT 1 FROM sdr_reviews r WHERE r.tenant_id = m.tenant_id AND r.school_id = m.school_id AND r.academic_year_start = $2)
       ORDER BY s.name`,
      [this.tenantId, academicYearStart],
    );
  }

  list(filter: { schoolIds?: string[] | null; ids?: string[] | null } = {}): Promise<SchoolReviewRow[]> {
    return this.rows<SchoolReviewRow>(
      `${SDR_SELECT} WHERE r.tenant_id = $1 AND ($2::uuid[] IS NULL OR r.school_id = ANY($2::uuid[])) AND ($3::uuid[] IS NULL OR r.id = ANY($3::uuid[]))
       ORDER BY r.academic_year_start DESC, s.name`,
      [this.tenantId, filter.schoolIds ?? null, filter.ids ?? null],
    );
  }

  findById(id: string): Promise<SchoolReviewRow | null> {
    return this.one<SchoolReviewRow>(`${SDR_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [this.tenantId, id]);
  }

  async exists(schoolId: string, academicYearStart: number): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM sdr_reviews WHERE tenant_id = $1 AND school_id = $2 AND academic_year_start = $3`, [this.tenantId, schoolId, academicYearStart])) !== null;
  }

  async create(fields: { schoolId: string; academicYearStart: number; reviewerUserId: string | null; reviewerEmail: string; invitationId: string | null; visitOn: string | null; appointedBy: string }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO sdr_reviews (tenant_id, school_id, academic_year_start, reviewer_user_id, reviewer_email, invitation_id, visit_on, appointed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [this.tenantId, fields.schoolId, fields.academicYearStart, fields.reviewerUserId, fields.reviewerEmail, fields.invitationId, fields.visitOn, fields.appointedBy],
    );
    return row!.id;
  }

  /** An invited reviewer who has since made an account (or signed in) is bound to the reviews appointed to their address. */
  async bindReviewer(userId: string, email: string): Promise<void> {
    await this.execute(`UPDATE sdr_reviews SET reviewer_user_id = $2, updated_at = now() WHERE tenant_id = $1 AND reviewer_user_id IS NULL AND lower(reviewer_email) = lower($3)`, [
      this.tenantId,
      userId,
      email,
    ]);
  }

  /** Reviews this person may open: as reviewer, as the school's head, or through an active share (named, or a seat on the body). */
  async idsFor(userId: string): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(
      `SELECT r.id FROM sdr_reviews r WHERE r.tenant_id = $1 AND (
         r.reviewer_user_id = $2
         OR EXISTS (SELECT 1 FROM school_roles sr WHERE sr.school_id = r.school_id AND sr.user_id = $2 AND sr.role = 'headteacher')
         OR EXISTS (SELECT 1 FROM sdr_shares sh WHERE sh.tenant_id = r.tenant_id AND sh.sdr_review_id = r.id AND sh.revoked_at IS NULL
                    AND (sh.user_id = $2 OR sh.body_id IN (SELECT h.body_id FROM seat_holdings h WHERE h.tenant_id = r.tenant_id AND h.user_id = $2 AND h.ends_on IS NULL))))`,
      [this.tenantId, userId],
    );
    return rows.map((r) => r.id);
  }

  async headIds(schoolId: string): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(`SELECT user_id AS id FROM school_roles WHERE school_id = $1 AND role = 'headteacher'`, [schoolId]);
    return rows.map((r) => r.id);
  }

  headContacts(schoolId: string): Promise<{ id: string; name: string; email: string }[]> {
    return this.rows(`SELECT u.id, u.name, u.email FROM school_roles sr JOIN users u ON u.id = sr.user_id WHERE sr.school_id = $1 AND sr.role = 'headteacher'`, [schoolId]);
  }

  async seatBodyIds(userId: string): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(`SELECT DISTINCT body_id AS id FROM seat_holdings WHERE tenant_id = $1 AND user_id = $2 AND ends_on IS NULL`, [this.tenantId, userId]);
    return rows.map((r) => r.id);
  }

  /** The content, as row-level security lets the current user see it: null for anyone not entitled (or before it is written). */
  async reportContent(reviewId: string): Promise<{ content: string; updatedAt: Date } | null> {
    return this.one(`SELECT content, updated_at AS "updatedAt" FROM sdr_reports WHERE tenant_id = $1 AND sdr_review_id = $2`, [this.tenantId, reviewId]);
  }

  /** Writes the content as the reviewer (row-level security refuses anyone else). */
  async saveReport(reviewId: string, content: string, userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO sdr_reports (tenant_id, sdr_review_id, content, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, sdr_review_id) DO UPDATE SET content = EXCLUDED.content, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [this.tenantId, reviewId, content, userId],
    );
  }

  /** Marks the report ready (once); answers whether this call did. */
  async markReady(reviewId: string): Promise<boolean> {
    return (await this.execute(`UPDATE sdr_reviews SET report_ready_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2 AND report_ready_at IS NULL RETURNING id`, [this.tenantId, reviewId])) > 0;
  }

  shares(reviewId: string): Promise<ShareRow[]> {
    return this.rows<ShareRow>(
      `SELECT sh.id, sh.user_id AS "userId", u.name AS "userName", sh.body_id AS "bodyId", b.name AS "bodyName", sh.created_at AS "sharedAt",
         to_char(sh.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "revokedAt"
       FROM sdr_shares sh LEFT JOIN users u ON u.id = sh.user_id LEFT JOIN bodies b ON b.id = sh.body_id
       WHERE sh.tenant_id = $1 AND sh.sdr_review_id = $2 ORDER BY sh.created_at`,
      [this.tenantId, reviewId],
    );
  }

  async addShare(reviewId: string, target: { userId: string | null; bodyId: string | null }, sharedBy: string): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO sdr_shares (tenant_id, sdr_review_id, user_id, body_id, shared_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.tenantId, reviewId, target.userId, target.bodyId, sharedBy],
    );
    return row!.id;
  }

  async findShare(shareId: string): Promise<{ id: string; sdrReviewId: string } | null> {
    return this.one(`SELECT id, sdr_review_id AS "sdrReviewId" FROM sdr_shares WHERE tenant_id = $1 AND id = $2`, [this.tenantId, shareId]);
  }

  async revokeShare(reviewId: string, shareId: string, revokedBy: string): Promise<boolean> {
    return (
      (await this.execute(`UPDATE sdr_shares SET revoked_at = now(), revoked_by = $4 WHERE tenant_id = $1 AND sdr_review_id = $2 AND id = $3 AND revoked_at IS NULL RETURNING id`, [
        this.tenantId,
        reviewId,
        shareId,
        revokedBy,
      ])) > 0
    );
  }

  async recordRead(reviewId: string, userId: string, kind: ReportReaderKind): Promise<void> {
    await this.execute(`INSERT INTO sdr_reads (tenant_id, sdr_review_id, user_id, reader_kind) VALUES ($1, $2, $3, $4)`, [this.tenantId, reviewId, userId, kind]);
  }

  reads(reviewId: string): Promise<ReadRow[]> {
    return this.rows<ReadRow>(
      `SELECT r.user_id AS "userId", u.name, r.reader_kind AS "readerKind", r.read_at AS "readAt" FROM sdr_reads r JOIN users u ON u.id = r.user_id
       WHERE r.tenant_id = $1 AND r.sdr_review_id = $2 ORDER BY r.read_at DESC, r.id`,
      [this.tenantId, reviewId],
    );
  }

  async bodyExists(bodyId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM bodies WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL`, [this.tenantId, bodyId])) !== null;
  }

  async userByEmail(email: string): Promise<{ id: string; name: string; email: string } | null> {
    return this.one(`SELECT id, name, email FROM users WHERE lower(email) = lower($1)`, [email]);
  }

  async memberSchoolByUrn(urn: string): Promise<{ id: string; urn: string; name: string } | null> {
    return this.one(`SELECT s.id, s.urn, s.name FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.urn = $2`, [this.tenantId, urn]);
  }
}

/** The partnerships a person could have confidential reviews in: where they hold a role, and where their schools are members. */
export class ReviewerTenantsRepository extends UnitOfWorkRepository {
  async tenantsOf(userId: string): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(
      `SELECT t.id, t.slug, t.name FROM tenants t WHERE t.id IN (
         SELECT tenant_id FROM tenant_roles WHERE user_id = $1
         UNION SELECT m.tenant_id FROM memberships m JOIN school_roles sr ON sr.school_id = m.school_id WHERE sr.user_id = $1)
       ORDER BY t.name`,
      [userId],
    );
  }

  /** The partnerships a school is a member of. */
  tenantsOfSchool(schoolId: string): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(`SELECT t.id, t.slug, t.name FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = $1 ORDER BY t.name`, [schoolId]);
  }
}
