import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { BenchmarkSource, DataRoundStatus, SubmissionValues } from '@partnerships/domain';

export interface RoundRow {
  id: string;
  name: string;
  bodyId: string;
  bodyName: string;
  dataSetId: string;
  academicYearStart: number;
  opensOn: string;
  closesOn: string;
  status: DataRoundStatus;
  schools: number;
  submissions: number;
}

export interface SchoolRef {
  id: string;
  urn: string;
  name: string;
}

export interface SubmissionRow {
  school: SchoolRef;
  values: SubmissionValues;
  ownStrengths: string | null;
  ownAreasToDevelop: string | null;
  via: 'form' | 'csv';
  submittedAt: string;
}

export interface OutcomeItem {
  area: string;
  indicatorCode?: string | null;
  note?: string | null;
}

export interface OutcomeRow {
  school: SchoolRef;
  meetingId: string | null;
  strengths: OutcomeItem[];
  areasToDevelop: OutcomeItem[];
  recordedAt: string;
}

export interface ActionPlanItem {
  action: string;
  owner?: string | null;
  dueOn?: string | null;
  status?: string;
  area?: string | null;
}

const ROUND_SELECT = `SELECT r.id, r.name, r.body_id AS "bodyId", b.name AS "bodyName", r.data_set_id AS "dataSetId", r.academic_year_start AS "academicYearStart",
    to_char(r.opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(r.closes_on, 'YYYY-MM-DD') AS "closesOn", r.status,
    (SELECT count(*)::int FROM body_schools bs WHERE bs.tenant_id = r.tenant_id AND bs.body_id = r.body_id) AS schools,
    (SELECT count(*)::int FROM data_submissions s WHERE s.tenant_id = r.tenant_id AND s.round_id = r.id) AS submissions
  FROM data_rounds r JOIN bodies b ON b.id = r.body_id AND b.tenant_id = r.tenant_id`;

/** A data round with its schools' submissions, benchmarks, agreed outcomes and group report (one aggregate). */
export class DataRoundRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  async bodyExists(bodyId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM bodies WHERE tenant_id = $1 AND id = $2 AND archived_at IS NULL`, [this.tenantId, bodyId])) !== null;
  }

  async create(input: { bodyId: string; dataSetId: string; name: string; academicYearStart: number; opensOn: string; closesOn: string }, userId: string): Promise<string> {
    const [{ id }] = await this.rows<{ id: string }>(
      `INSERT INTO data_rounds (tenant_id, body_id, data_set_id, name, academic_year_start, opens_on, closes_on, status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) RETURNING id`,
      [this.tenantId, input.bodyId, input.dataSetId, input.name, input.academicYearStart, input.opensOn, input.closesOn, userId],
    );
    return id;
  }

  async list(): Promise<RoundRow[]> {
    return this.rows<RoundRow>(`${ROUND_SELECT} WHERE r.tenant_id = $1 ORDER BY r.opens_on DESC, r.name`, [this.tenantId]);
  }

  async findById(id: string, lock = false): Promise<RoundRow | null> {
    if (lock) await this.execute(`SELECT 1 FROM data_rounds WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [this.tenantId, id]);
    return this.one<RoundRow>(`${ROUND_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [this.tenantId, id]);
  }

  /** Rounds whose body includes the school (for the school portal). */
  async forSchool(schoolId: string): Promise<RoundRow[]> {
    return this.rows<RoundRow>(
      `${ROUND_SELECT} WHERE r.tenant_id = $1 AND r.status <> 'draft' AND EXISTS (SELECT 1 FROM body_schools bs WHERE bs.tenant_id = r.tenant_id AND bs.body_id = r.body_id AND bs.school_id = $2)
       ORDER BY r.opens_on DESC`,
      [this.tenantId, schoolId],
    );
  }

  async setStatus(id: string, status: DataRoundStatus): Promise<void> {
    await this.execute(`UPDATE data_rounds SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [this.tenantId, id, status]);
  }

  /** The schools of the round's body, by name. */
  async schools(roundId: string): Promise<SchoolRef[]> {
    return this.rows<SchoolRef>(
      `SELECT s.id, s.urn, s.name FROM data_rounds r JOIN body_schools bs ON bs.tenant_id = r.tenant_id AND bs.body_id = r.body_id JOIN schools s ON s.id = bs.school_id
       WHERE r.tenant_id = $1 AND r.id = $2 ORDER BY s.name`,
      [this.tenantId, roundId],
    );
  }

  async upsertSubmissions(roundId: string, items: { schoolId: string; values: SubmissionValues; ownStrengths: string | null; ownAreasToDevelop: string | null }[], via: 'form' | 'csv', userId: string): Promise<void> {
    if (!items.length) return;
    await this.execute(
      `INSERT INTO data_submissions (tenant_id, round_id, school_id, figures, own_strengths, own_areas_to_develop, via, submitted_by, submitted_at)
       SELECT $1, $2, t.school_id, t.figures, t.own_strengths, t.own_areas, $7, $8, now()
       FROM unnest($3::uuid[], $4::jsonb[], $5::text[], $6::text[]) AS t(school_id, figures, own_strengths, own_areas)
       ON CONFLICT (tenant_id, round_id, school_id) DO UPDATE SET figures = EXCLUDED.figures,
         own_strengths = coalesce(EXCLUDED.own_strengths, data_submissions.own_strengths),
         own_areas_to_develop = coalesce(EXCLUDED.own_areas_to_develop, data_submissions.own_areas_to_develop),
         via = EXCLUDED.via, submitted_by = EXCLUDED.submitted_by, submitted_at = now()`,
      [this.tenantId, roundId, items.map((i) => i.schoolId), items.map((i) => JSON.stringify(i.values)), items.map((i) => i.ownStrengths), items.map((i) => i.ownAreasToDevelop), via, userId],
    );
  }

  async submissions(roundId: string, schoolId?: string): Promise<SubmissionRow[]> {
    const rows = await this.rows<{ id: string; urn: string; name: string; values: SubmissionValues; ownStrengths: string | null; ownAreasToDevelop: string | null; via: 'form' | 'csv'; submittedAt: Date }>(
      `SELECT s.id, s.urn, s.name, d.figures AS values, d.own_strengths AS "ownStrengths", d.own_areas_to_develop AS "ownAreasToDevelop", d.via, d.submitted_at AS "submittedAt"
       FROM data_submissions d JOIN schools s ON s.id = d.school_id
       WHERE d.tenant_id = $1 AND d.round_id = $2 AND ($3::uuid IS NULL OR d.school_id = $3) ORDER BY s.name`,
      [this.tenantId, roundId, schoolId ?? null],
    );
    return rows.map((r) => ({ school: { id: r.id, urn: r.urn, name: r.name }, values: r.values, ownStrengths: r.ownStrengths, ownAreasToDevelop: r.ownAreasToDevelop, via: r.via, submittedAt: new Date(r.submittedAt).toISOString() }));
  }

  async setBenchmarks(roundId: string, items: { indicatorCode: string; source: BenchmarkSource; value: number }[]): Promise<void> {
    if (!items.length) return;
    await this.execute(
      `INSERT INTO data_benchmarks (tenant_id, round_id, indicator_code, source, value)
       SELECT $1, $2, t.code, t.source, t.value FROM unnest($3::text[], $4::text[], $5::numeric[]) AS t(code, source, value)
       ON CONFLICT (tenant_id, round_id, indicator_code, source) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [this.tenantId, roundId, items.map((i) => i.indicatorCode), items.map((i) => i.source), items.map((i) => i.value)],
    );
  }

  async benchmarks(roundId: string): Promise<{ indicatorCode: string; source: BenchmarkSource; value: number }[]> {
    return this.rows(`SELECT indicator_code AS "indicatorCode", source, value::float8 AS value FROM data_benchmarks WHERE tenant_id = $1 AND round_id = $2 ORDER BY indicator_code, source`, [this.tenantId, roundId]);
  }

  async meetingOfBody(meetingId: string, bodyId: string): Promise<boolean> {
    return (await this.one(`SELECT 1 FROM meetings WHERE tenant_id = $1 AND id = $2 AND body_id = $3`, [this.tenantId, meetingId, bodyId])) !== null;
  }

  async setOutcome(roundId: string, schoolId: string, meetingId: string | null, strengths: OutcomeItem[], areas: OutcomeItem[], userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO data_round_outcomes (tenant_id, round_id, school_id, meeting_id, strengths, areas_to_develop, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, round_id, school_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id, strengths = EXCLUDED.strengths, areas_to_develop = EXCLUDED.areas_to_develop,
         recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [this.tenantId, roundId, schoolId, meetingId, JSON.stringify(strengths), JSON.stringify(areas), userId],
    );
  }

  async outcomes(roundId: string): Promise<OutcomeRow[]> {
    const rows = await this.rows<{ id: string; urn: string; name: string; meetingId: string | null; strengths: OutcomeItem[]; areasToDevelop: OutcomeItem[]; recordedAt: Date }>(
      `SELECT s.id, s.urn, s.name, o.meeting_id AS "meetingId", o.strengths, o.areas_to_develop AS "areasToDevelop", o.recorded_at AS "recordedAt"
       FROM data_round_outcomes o JOIN schools s ON s.id = o.school_id WHERE o.tenant_id = $1 AND o.round_id = $2 ORDER BY s.name`,
      [this.tenantId, roundId],
    );
    return rows.map((r) => ({ school: { id: r.id, urn: r.urn, name: r.name }, meetingId: r.meetingId, strengths: r.strengths, areasToDevelop: r.areasToDevelop, recordedAt: new Date(r.recordedAt).toISOString() }));
  }

  async setReport(roundId: string, summary: string, actionPlan: ActionPlanItem[], userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO data_round_reports (tenant_id, round_id, summary, action_plan, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, round_id) DO UPDATE SET summary = EXCLUDED.summary, action_plan = EXCLUDED.action_plan, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [this.tenantId, roundId, summary, JSON.stringify(actionPlan), userId],
    );
  }

  async report(roundId: string): Promise<{ summary: string; actionPlan: ActionPlanItem[]; updatedAt: string } | null> {
    const row = await this.one<{ summary: string; actionPlan: ActionPlanItem[]; updatedAt: Date }>(
      `SELECT summary, action_plan AS "actionPlan", updated_at AS "updatedAt" FROM data_round_reports WHERE tenant_id = $1 AND round_id = $2`,
      [this.tenantId, roundId],
    );
    return row ? { ...row, updatedAt: new Date(row.updatedAt).toISOString() } : null;
  }

  /** The latest round of the year for each body, for the annual report. */
  async latestPerBody(academicYearStart: number): Promise<RoundRow[]> {
    return this.rows<RoundRow>(
      `${ROUND_SELECT} WHERE r.tenant_id = $1 AND r.academic_year_start = $2 AND r.id IN (
         SELECT DISTINCT ON (body_id) id FROM data_rounds WHERE tenant_id = $1 AND academic_year_start = $2 ORDER BY body_id, opens_on DESC)
       ORDER BY b.position, b.name`,
      [this.tenantId, academicYearStart],
    );
  }
}
