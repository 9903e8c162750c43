import { type ActionPlanItem, type AnnualRhythmItem, type BodyRhythm, type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { BodyKind, Office, OfficeFilledBy, QuorumRule } from '@partnerships/domain';

/** A body as lists show it. */
export interface BodySummary {
  id: string;
  name: string;
  kind: BodyKind;
  parentIds: string[];
  seatCount: number;
  archived: boolean;
}

export interface BodyFields {
  name: string;
  kind: BodyKind;
  purpose: string | null;
  rhythm: BodyRhythm | null;
  quorumRule: QuorumRule | null;
  endsOn: string | null;
  annualRhythm: AnnualRhythmItem[];
  position: number | null;
}

/** A body with everything its own page shows except seats. */
export interface BodyRecord extends Omit<BodyFields, 'position'> {
  id: string;
  position: number;
  archivedAt: Date | null;
  parentIds: string[];
  childIds: string[];
  schoolIds: string[];
}

export interface OfficeRecord {
  id: string;
  bodyId: string;
  office: Office;
  userId: string;
  name: string;
  fromOn: string;
  toOn: string | null;
  filledBy: OfficeFilledBy;
}

export interface TermsOfReference {
  id: string;
  version: number;
  text: string;
  reviewDueOn: string | null;
  approvedOn: string | null;
  createdAt: Date;
}

export interface ActionPlanRecord {
  id: string;
  bodyId: string;
  academicYearStart: string;
  items: ActionPlanItem[];
  impactReport: string | null;
  submittedAt: Date | null;
  reportedAtMeetingId: string | null;
}

export interface StructureLinkRecord {
  childId: string;
  parentId: string;
}

const BODY_SELECT = `SELECT b.id, b.name, b.kind, b.purpose, b.rhythm, b.quorum_rule AS "quorumRule", to_char(b.ends_on, 'YYYY-MM-DD') AS "endsOn",
    b.annual_rhythm AS "annualRhythm", b.position, b.archived_at AS "archivedAt",
    coalesce((SELECT array_agg(l.parent_body_id::text ORDER BY l.created_at) FROM body_links l WHERE l.tenant_id = b.tenant_id AND l.child_body_id = b.id), '{}') AS "parentIds",
    coalesce((SELECT array_agg(l.child_body_id::text ORDER BY l.created_at) FROM body_links l WHERE l.tenant_id = b.tenant_id AND l.parent_body_id = b.id), '{}') AS "childIds",
    coalesce((SELECT array_agg(s.school_id::text ORDER BY s.created_at) FROM body_schools s WHERE s.tenant_id = b.tenant_id AND s.body_id = b.id), '{}') AS "schoolIds"
  FROM bodies b`;

/** A partnership's bodies (`bodies`) with their reporting lines, schools, terms of reference, offices and action plans. */
export class BodyRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('BodyRepository needs a tenant');
  }

  /** Current bodies (archived ones too when asked) by position and name, with parents and the number of seats held or vacant now. */
  list(includeArchived = false): Promise<BodySummary[]> {
    return this.rows<BodySummary>(
      `SELECT b.id, b.name, b.kind, b.archived_at IS NOT NULL AS archived,
         coalesce((SELECT array_agg(l.parent_body_id::text ORDER BY l.created_at) FROM body_links l WHERE l.tenant_id = b.tenant_id AND l.child_body_id = b.id), '{}') AS "parentIds",
         (SELECT count(*)::int FROM seat_holdings h WHERE h.tenant_id = b.tenant_id AND h.body_id = b.id AND h.ends_on IS NULL) AS "seatCount"
       FROM bodies b WHERE b.tenant_id = $1 AND ($2 OR b.archived_at IS NULL) ORDER BY b.position, b.name`,
      [this.tenantId, includeArchived],
    );
  }

  findById(id: string): Promise<BodyRecord | null> {
    return this.one<BodyRecord>(`${BODY_SELECT} WHERE b.tenant_id = $1 AND b.id = $2`, [this.tenantId, id]);
  }

  /** Every current body with its details (for planning and seat resolution). */
  listRecords(): Promise<BodyRecord[]> {
    return this.rows<BodyRecord>(`${BODY_SELECT} WHERE b.tenant_id = $1 AND b.archived_at IS NULL ORDER BY b.position, b.name`, [this.tenantId]);
  }

  async nameTaken(name: string, exceptId: string | null = null): Promise<boolean> {
    return (
      (await this.one(`SELECT 1 FROM bodies WHERE tenant_id = $1 AND lower(name) = lower($2) AND archived_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`, [
        this.tenantId,
        name,
        exceptId,
      ])) !== null
    );
  }

  async create(fields: BodyFields): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO bodies (tenant_id, name, kind, purpose, rhythm, quorum_rule, ends_on, annual_rhythm, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, (SELECT coalesce(max(position) + 1, 0) FROM bodies WHERE tenant_id = $1))) RETURNING id`,
      [this.tenantId, fields.name, fields.kind, fields.purpose, json(fields.rhythm), json(fields.quorumRule), fields.endsOn, JSON.stringify(fields.annualRhythm), fields.position],
    );
    return row!.id;
  }

  /** Writes only what changed, so the audit trail shows exactly that. */
  async update(id: string, fields: BodyFields): Promise<boolean> {
    const changed = await this.execute(
      `UPDATE bodies SET name = $3, kind = $4, purpose = $5, rhythm = $6, quorum_rule = $7, ends_on = $8, annual_rhythm = $9, position = coalesce($10, position), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL RETURNING id`,
      [this.tenantId, id, fields.name, fields.kind, fields.purpose, json(fields.rhythm), json(fields.quorumRule), fields.endsOn, JSON.stringify(fields.annualRhythm), fields.position],
    );
    return changed > 0;
  }

  async archive(id: string): Promise<boolean> {
    return (await this.execute(`UPDATE bodies SET archived_at = coalesce(archived_at, now()), updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`, [this.tenantId, id])) > 0;
  }

  /** Which of these ids are current bodies of this partnership. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.rows<{ id: string }>(`SELECT id FROM bodies WHERE tenant_id = $1 AND archived_at IS NULL AND id = ANY($2::uuid[])`, [this.tenantId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  links(): Promise<StructureLinkRecord[]> {
    return this.rows<StructureLinkRecord>(
      `SELECT l.child_body_id AS "childId", l.parent_body_id AS "parentId" FROM body_links l
         JOIN bodies c ON c.id = l.child_body_id AND c.archived_at IS NULL JOIN bodies p ON p.id = l.parent_body_id AND p.archived_at IS NULL
       WHERE l.tenant_id = $1 ORDER BY l.created_at`,
      [this.tenantId],
    );
  }

  /** The body's parents become exactly these (links are replaced as a set). */
  async setParents(childId: string, parentIds: string[]): Promise<void> {
    await this.execute(`DELETE FROM body_links WHERE tenant_id = $1 AND child_body_id = $2 AND NOT (parent_body_id = ANY($3::uuid[])) RETURNING id`, [this.tenantId, childId, parentIds]);
    if (parentIds.length === 0) return;
    await this.execute(
      `INSERT INTO body_links (tenant_id, child_body_id, parent_body_id) SELECT $1, $2, p FROM unnest($3::uuid[]) AS p
       ON CONFLICT (tenant_id, child_body_id, parent_body_id) DO NOTHING RETURNING id`,
      [this.tenantId, childId, parentIds],
    );
  }

  /** The schools grouped by this body (a cluster) become exactly these member schools. */
  async setSchools(bodyId: string, schoolIds: string[]): Promise<void> {
    await this.execute(`DELETE FROM body_schools WHERE tenant_id = $1 AND body_id = $2 AND NOT (school_id = ANY($3::uuid[])) RETURNING id`, [this.tenantId, bodyId, schoolIds]);
    if (schoolIds.length === 0) return;
    await this.execute(
      `INSERT INTO body_schools (tenant_id, body_id, school_id) SELECT $1, $2, s FROM unnest($3::uuid[]) AS s
       ON CONFLICT (tenant_id, body_id, school_id) DO NOTHING RETURNING id`,
      [this.tenantId, bodyId, schoolIds],
    );
  }

  /** Member schools of this partnership by URN: id for each URN found. */
  async memberSchoolIdsByUrn(urns: string[]): Promise<Map<string, string>> {
    if (urns.length === 0) return new Map();
    const rows = await this.rows<{ id: string; urn: string }>(
      `SELECT s.id, s.urn FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.urn = ANY($2::text[])`,
      [this.tenantId, urns],
    );
    return new Map(rows.map((r) => [r.urn, r.id]));
  }

  /** URN and name of schools by id (register data, not tenant-owned). */
  schoolsByIds(ids: string[]): Promise<{ urn: string; name: string }[]> {
    return this.rows(`SELECT urn, name FROM schools WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
  }

  /** The partnership's public contact address (the organiser of its meetings' invitations). */
  async contactEmail(): Promise<string | null> {
    return (await this.one<{ contact_email: string | null }>(`SELECT contact_email FROM tenants WHERE id = $1`, [this.tenantId]))?.contact_email ?? null;
  }

  async userContact(userId: string): Promise<{ userId: string; name: string; email: string } | null> {
    return this.one(`SELECT id AS "userId", name, email FROM users WHERE id = $1`, [userId]);
  }

  async userExists(userId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM users WHERE id = $1`, [userId])) !== null;
  }

  // --- offices -------------------------------------------------------------

  currentOffices(bodyId: string | null = null): Promise<OfficeRecord[]> {
    return this.rows<OfficeRecord>(
      `SELECT o.id, o.body_id AS "bodyId", o.office, o.user_id AS "userId", u.name, to_char(o.from_on, 'YYYY-MM-DD') AS "fromOn", to_char(o.to_on, 'YYYY-MM-DD') AS "toOn", o.filled_by AS "filledBy"
       FROM body_offices o JOIN users u ON u.id = o.user_id
       WHERE o.tenant_id = $1 AND o.to_on IS NULL AND ($2::uuid IS NULL OR o.body_id = $2) ORDER BY o.body_id, o.office`,
      [this.tenantId, bodyId],
    );
  }

  /** The office passes to this person from a day: the current holder's term ends the day before. Returns false when they already hold it. */
  async fillOffice(bodyId: string, office: Office, userId: string, fromOn: string, filledBy: OfficeFilledBy, electionRef: string | null): Promise<boolean> {
    const current = await this.one<{ id: string; user_id: string }>(
      `SELECT id, user_id FROM body_offices WHERE tenant_id = $1 AND body_id = $2 AND office = $3 AND to_on IS NULL FOR UPDATE`,
      [this.tenantId, bodyId, office],
    );
    if (current?.user_id === userId) return false;
    if (current) {
      await this.execute(`UPDATE body_offices SET to_on = greatest(from_on, $3::date - 1) WHERE tenant_id = $1 AND id = $2 RETURNING id`, [this.tenantId, current.id, fromOn]);
    }
    await this.execute(
      `INSERT INTO body_offices (tenant_id, body_id, office, user_id, from_on, filled_by, election_ref) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.tenantId, bodyId, office, userId, fromOn, filledBy, electionRef],
    );
    return true;
  }

  async vacateOffice(bodyId: string, office: Office, onDate: string): Promise<boolean> {
    return (
      (await this.execute(`UPDATE body_offices SET to_on = greatest(from_on, $4::date - 1) WHERE tenant_id = $1 AND body_id = $2 AND office = $3 AND to_on IS NULL RETURNING id`, [
        this.tenantId,
        bodyId,
        office,
        onDate,
      ])) > 0
    );
  }

  // --- terms of reference --------------------------------------------------

  termsOfReference(bodyId: string): Promise<TermsOfReference[]> {
    return this.rows<TermsOfReference>(
      `SELECT id, version, text, to_char(review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn", created_at AS "createdAt"
       FROM body_documents WHERE tenant_id = $1 AND body_id = $2 AND kind = 'terms_of_reference' ORDER BY version DESC`,
      [this.tenantId, bodyId],
    );
  }

  /** A new version (the next number, taken under the body's row lock). */
  async addTermsOfReference(bodyId: string, text: string, reviewDueOn: string | null, approvedOn: string | null, userId: string): Promise<number> {
    await this.execute(`SELECT id FROM bodies WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [this.tenantId, bodyId]);
    const row = await this.one<{ version: number }>(
      `INSERT INTO body_documents (tenant_id, body_id, kind, version, text, review_due_on, approved_on, created_by)
       SELECT $1, $2, 'terms_of_reference', coalesce(max(version), 0) + 1, $3, $4, $5, $6 FROM body_documents WHERE tenant_id = $1 AND body_id = $2 AND kind = 'terms_of_reference'
       RETURNING version`,
      [this.tenantId, bodyId, text, reviewDueOn, approvedOn, userId],
    );
    return row!.version;
  }

  /** Latest terms of reference whose review falls due on or before the day and has not been reminded. */
  reviewsDue(onDate: string): Promise<{ id: string; bodyId: string; bodyName: string; version: number; reviewDueOn: string }[]> {
    return this.rows(
      `SELECT d.id, d.body_id AS "bodyId", b.name AS "bodyName", d.version, to_char(d.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn"
       FROM body_documents d JOIN bodies b ON b.id = d.body_id AND b.archived_at IS NULL
       WHERE d.tenant_id = $1 AND d.review_due_on <= $2 AND d.review_reminded_at IS NULL
         AND d.version = (SELECT max(version) FROM body_documents x WHERE x.tenant_id = d.tenant_id AND x.body_id = d.body_id AND x.kind = d.kind)`,
      [this.tenantId, onDate],
    );
  }

  async markReviewReminded(documentId: string): Promise<void> {
    await this.execute(`UPDATE body_documents SET review_reminded_at = now() WHERE tenant_id = $1 AND id = $2 AND review_reminded_at IS NULL RETURNING id`, [this.tenantId, documentId]);
  }

  // --- action plans --------------------------------------------------------

  actionPlan(bodyId: string, academicYearStart: string): Promise<ActionPlanRecord | null> {
    return this.one<ActionPlanRecord>(
      `SELECT id, body_id AS "bodyId", to_char(academic_year_start, 'YYYY-MM-DD') AS "academicYearStart", items, impact_report AS "impactReport",
         submitted_at AS "submittedAt", reported_at_meeting_id AS "reportedAtMeetingId"
       FROM body_action_plans WHERE tenant_id = $1 AND body_id = $2 AND academic_year_start = $3`,
      [this.tenantId, bodyId, academicYearStart],
    );
  }

  /** Writes the plan; when `submit`, marks it submitted so it goes on the parent's next agenda (once). */
  async saveActionPlan(bodyId: string, academicYearStart: string, items: ActionPlanItem[], impactReport: string | null, submit: boolean): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO body_action_plans (tenant_id, body_id, academic_year_start, items, impact_report, submitted_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
       ON CONFLICT (tenant_id, body_id, academic_year_start) DO UPDATE SET items = EXCLUDED.items, impact_report = EXCLUDED.impact_report,
         submitted_at = CASE WHEN $6 THEN now() ELSE body_action_plans.submitted_at END,
         reported_at_meeting_id = CASE WHEN $6 THEN NULL ELSE body_action_plans.reported_at_meeting_id END, updated_at = now()
       RETURNING id`,
      [this.tenantId, bodyId, academicYearStart, JSON.stringify(items), impactReport, submit],
    );
    return row!.id;
  }

  /** Submitted reports of these child bodies not yet put on a parent's agenda. */
  pendingReports(childIds: string[]): Promise<{ id: string; bodyId: string; bodyName: string; academicYearStart: string }[]> {
    if (childIds.length === 0) return Promise.resolve([]);
    return this.rows(
      `SELECT p.id, p.body_id AS "bodyId", b.name AS "bodyName", to_char(p.academic_year_start, 'YYYY-MM-DD') AS "academicYearStart"
       FROM body_action_plans p JOIN bodies b ON b.id = p.body_id
       WHERE p.tenant_id = $1 AND p.body_id = ANY($2::uuid[]) AND p.submitted_at IS NOT NULL AND p.reported_at_meeting_id IS NULL ORDER BY b.name`,
      [this.tenantId, childIds],
    );
  }

  async markReported(planId: string, meetingId: string): Promise<void> {
    await this.execute(`UPDATE body_action_plans SET reported_at_meeting_id = $3 WHERE tenant_id = $1 AND id = $2 AND reported_at_meeting_id IS NULL RETURNING id`, [
      this.tenantId,
      planId,
      meetingId,
    ]);
  }

  /** Term dates the partnership published for a year (half terms), or null. */
  async termDates(academicYearStart: string): Promise<{ name: string; start: string; end: string }[] | null> {
    const row = await this.one<{ half_terms: { name: string; start: string; end: string }[] }>(
      `SELECT half_terms FROM tenant_calendars WHERE tenant_id = $1 AND academic_year_start = $2`,
      [this.tenantId, academicYearStart],
    );
    return row?.half_terms ?? null;
  }
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
