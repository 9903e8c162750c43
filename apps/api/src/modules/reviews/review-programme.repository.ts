import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { ConflictRules, HalfTerm } from '@partnerships/domain';

export type ReviewGroupFormedBy = 'cluster' | 'area' | 'phase' | 'trust' | 'diocese' | 'cross_phase' | 'hand';
export type ProgrammeConflictRules = Pick<ConflictRules, 'sameTrust' | 'sameDiocese' | 'reviewedEachOtherLastCycle'>;

export interface ProgrammeRow {
  id: string;
  name: string;
  framework: string | null;
  cycleYears: number;
  firstAcademicYearStart: number;
  teamMembers: number;
  conflictRules: ProgrammeConflictRules;
  coordinatorUserId: string | null;
  createdAt: Date;
}

export interface GroupRow {
  id: string;
  programmeId: string;
  name: string;
  formedBy: ReviewGroupFormedBy;
  bodyId: string | null;
  schools: { id: string; urn: string; name: string }[];
}

export interface PlanningSchool {
  id: string;
  urn: string;
  name: string;
  phase: string | null;
  area: string | null;
  diocese: string | null;
}

export interface ClusterRow {
  id: string;
  name: string;
  schoolIds: string[];
}

const PROGRAMME_SELECT = `SELECT id, name, framework, cycle_years AS "cycleYears", first_academic_year_start AS "firstAcademicYearStart", team_members AS "teamMembers",
  conflict_rules AS "conflictRules", coordinator_user_id AS "coordinatorUserId", created_at AS "createdAt" FROM review_programmes`;

/** Peer review programmes and their review groups (`review_programmes`, `review_groups`, `review_group_members`), and what planning reads. */
export class ReviewProgrammeRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('ReviewProgrammeRepository needs a tenant');
  }

  list(): Promise<ProgrammeRow[]> {
    return this.rows<ProgrammeRow>(`${PROGRAMME_SELECT} WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY created_at DESC`, [this.tenantId]);
  }

  findById(id: string): Promise<ProgrammeRow | null> {
    return this.one<ProgrammeRow>(`${PROGRAMME_SELECT} WHERE tenant_id = $1 AND id = $2`, [this.tenantId, id]);
  }

  async create(fields: Omit<ProgrammeRow, 'id' | 'createdAt'>): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO review_programmes (tenant_id, name, framework, cycle_years, first_academic_year_start, team_members, conflict_rules, coordinator_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [this.tenantId, fields.name, fields.framework, fields.cycleYears, fields.firstAcademicYearStart, fields.teamMembers, JSON.stringify(fields.conflictRules), fields.coordinatorUserId],
    );
    return row!.id;
  }

  groups(programmeId: string): Promise<GroupRow[]> {
    return this.rows<GroupRow>(
      `SELECT g.id, g.programme_id AS "programmeId", g.name, g.formed_by AS "formedBy", g.body_id AS "bodyId",
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'urn', s.urn, 'name', s.name) ORDER BY s.name)
                   FROM review_group_members m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id), '[]') AS schools
       FROM review_groups g WHERE g.tenant_id = $1 AND g.programme_id = $2 ORDER BY g.created_at, g.name`,
      [this.tenantId, programmeId],
    );
  }

  async findGroup(groupId: string): Promise<{ id: string; programmeId: string } | null> {
    return this.one(`SELECT id, programme_id AS "programmeId" FROM review_groups WHERE tenant_id = $1 AND id = $2`, [this.tenantId, groupId]);
  }

  async createGroup(programmeId: string, name: string, formedBy: ReviewGroupFormedBy, bodyId: string | null, schoolIds: string[]): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO review_groups (tenant_id, programme_id, name, formed_by, body_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.tenantId, programmeId, name, formedBy, bodyId],
    );
    await this.setGroupSchools(row!.id, schoolIds);
    return row!.id;
  }

  async setGroupSchools(groupId: string, schoolIds: string[]): Promise<void> {
    await this.execute(`DELETE FROM review_group_members WHERE tenant_id = $1 AND group_id = $2 AND NOT (school_id = ANY($3::uuid[]))`, [this.tenantId, groupId, schoolIds]);
    await this.execute(
      `INSERT INTO review_group_members (tenant_id, group_id, school_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT (tenant_id, group_id, school_id) DO NOTHING`,
      [this.tenantId, groupId, schoolIds],
    );
  }

  /** The partnership's clusters (bodies of kind 'cluster') with their schools. */
  clusters(bodyIds: string[] | null = null): Promise<ClusterRow[]> {
    return this.rows<ClusterRow>(
      `SELECT b.id, b.name, coalesce((SELECT array_agg(bs.school_id::text ORDER BY bs.created_at) FROM body_schools bs WHERE bs.tenant_id = b.tenant_id AND bs.body_id = b.id), '{}') AS "schoolIds"
       FROM bodies b WHERE b.tenant_id = $1 AND b.kind = 'cluster' AND b.archived_at IS NULL AND ($2::uuid[] IS NULL OR b.id = ANY($2::uuid[])) ORDER BY b.position, b.name`,
      [this.tenantId, bodyIds],
    );
  }

  /** Member schools (active or under notice) with the facts groups are formed by. */
  memberSchools(): Promise<PlanningSchool[]> {
    return this.rows<PlanningSchool>(
      `SELECT s.id, s.urn, s.name, s.phase, d.area, d.religious_character AS diocese
       FROM memberships m JOIN schools s ON s.id = m.school_id
       LEFT JOIN member_school_details d ON d.tenant_id = m.tenant_id AND d.school_id = s.id
       WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given') ORDER BY s.name`,
      [this.tenantId],
    );
  }

  /** Headteachers of the given schools: the leaders who take part in peer review. */
  headteachers(schoolIds: string[]): Promise<{ userId: string; schoolId: string }[]> {
    return this.rows(
      `SELECT DISTINCT ON (sr.school_id, sr.user_id) sr.user_id AS "userId", sr.school_id AS "schoolId" FROM school_roles sr
       WHERE sr.school_id = ANY($1::uuid[]) AND sr.role = 'headteacher' ORDER BY sr.school_id, sr.user_id`,
      [schoolIds],
    );
  }

  /** People with the partnership's reviewer role and no school (external reviewers, advisers). */
  async schoollessReviewers(): Promise<string[]> {
    const rows = await this.rows<{ userId: string }>(
      `SELECT tr.user_id AS "userId" FROM tenant_roles tr WHERE tr.tenant_id = $1 AND tr.role = 'reviewer'
         AND NOT EXISTS (SELECT 1 FROM school_roles sr WHERE sr.user_id = tr.user_id) ORDER BY tr.user_id`,
      [this.tenantId],
    );
    return rows.map((r) => r.userId);
  }

  async termDates(academicYearStart: number): Promise<HalfTerm[]> {
    const row = await this.one<{ half_terms: HalfTerm[] }>(`SELECT half_terms FROM tenant_calendars WHERE tenant_id = $1 AND academic_year_start = $2`, [
      this.tenantId,
      `${academicYearStart}-09-01`,
    ]);
    return row?.half_terms ?? [];
  }

  /** Who reviewed whom in a programme's cycle before `beforeYear` (for the "reviewed each other last cycle" rule). */
  pastPairs(beforeYear: number, fromYear: number): Promise<{ reviewerSchoolId: string; reviewedSchoolId: string }[]> {
    return this.rows(
      `SELECT DISTINCT p.school_id AS "reviewerSchoolId", r.school_id AS "reviewedSchoolId" FROM reviews r
       JOIN review_participants p ON p.tenant_id = r.tenant_id AND p.review_id = r.id
       WHERE r.tenant_id = $1 AND r.academic_year_start < $2 AND r.academic_year_start >= $3 AND p.school_id IS NOT NULL AND r.status <> 'cancelled'`,
      [this.tenantId, beforeYear, fromYear],
    );
  }

  async memberSchoolIdsByUrn(urns: string[]): Promise<Map<string, string>> {
    const rows = await this.rows<{ urn: string; id: string }>(
      `SELECT s.urn, s.id FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1 AND s.urn = ANY($2::text[])`,
      [this.tenantId, urns],
    );
    return new Map(rows.map((r) => [r.urn, r.id]));
  }
}
