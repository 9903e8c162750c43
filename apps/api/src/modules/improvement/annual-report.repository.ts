import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';

export interface AnnualReportRow {
  id: string;
  academicYearStart: number;
  title: string;
  document: string;
  status: 'draft' | 'final';
  generatedAt: string;
  updatedAt: string;
}

const SELECT = `SELECT id, academic_year_start AS "academicYearStart", title, document, status, generated_at AS "generatedAt", updated_at AS "updatedAt" FROM annual_reports`;
const iso = (r: AnnualReportRow & { generatedAt: unknown; updatedAt: unknown }): AnnualReportRow => ({ ...r, generatedAt: new Date(r.generatedAt as string).toISOString(), updatedAt: new Date(r.updatedAt as string).toISOString() });

/** The annual report on the quality of education, one per academic year. */
export class AnnualReportRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  async list(): Promise<AnnualReportRow[]> {
    return (await this.rows<AnnualReportRow>(`${SELECT} WHERE tenant_id = $1 ORDER BY academic_year_start DESC`, [this.tenantId])).map(iso);
  }

  async find(year: number, lock = false): Promise<AnnualReportRow | null> {
    const row = await this.one<AnnualReportRow>(`${SELECT} WHERE tenant_id = $1 AND academic_year_start = $2${lock ? ' FOR UPDATE' : ''}`, [this.tenantId, year]);
    return row ? iso(row) : null;
  }

  /** Writes a freshly generated draft (a final report is never overwritten: the caller checks). */
  async saveGenerated(year: number, title: string, document: string, userId: string): Promise<void> {
    await this.execute(
      `INSERT INTO annual_reports (tenant_id, academic_year_start, title, document, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, academic_year_start) DO UPDATE SET title = EXCLUDED.title, document = EXCLUDED.document, status = 'draft', generated_at = now(), updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [this.tenantId, year, title, document, userId],
    );
  }

  async update(year: number, changes: { title?: string; document?: string; status?: 'draft' | 'final' }, userId: string): Promise<void> {
    await this.execute(
      `UPDATE annual_reports SET title = coalesce($3, title), document = coalesce($4, document), status = coalesce($5, status), updated_by = $6, updated_at = now()
       WHERE tenant_id = $1 AND academic_year_start = $2`,
      [this.tenantId, year, changes.title ?? null, changes.document ?? null, changes.status ?? null, userId],
    );
  }

  async tenantName(): Promise<string> {
    return (await this.one<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [this.tenantId]))?.name ?? '';
  }

  /** Peer reviews of the year: completed, still planned, and schools reviewed. */
  async reviewFigures(year: number): Promise<{ completed: number; planned: number; schoolsReviewed: number }> {
    const row = await this.one<{ completed: number; planned: number; schoolsReviewed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'final')::int AS completed, count(*) FILTER (WHERE status NOT IN ('final', 'cancelled'))::int AS planned,
              count(DISTINCT school_id) FILTER (WHERE status = 'final')::int AS "schoolsReviewed"
       FROM reviews WHERE tenant_id = $1 AND academic_year_start = $2 AND confirmed_at IS NOT NULL`,
      [this.tenantId, year],
    );
    return row ?? { completed: 0, planned: 0, schoolsReviewed: 0 };
  }
}
