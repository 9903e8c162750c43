import { type EntityManager, type PagedRows, type PageWindow, UnitOfWorkRepository, withPageTotal } from '@partnerships/db';

/** One pupil number in a partnership's history: a school's correction, or a figure the partnership recorded. */
export interface PupilCountRow {
  id: string;
  urn: string;
  school_name: string;
  census: string;
  pupils: number;
  source: string;
  status: string;
  note: string | null;
  /** The submitter's name. */
  submitted_by: string | null;
  submitted_at: Date;
  /** The decider's name. */
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** Why the figure waits for the admin's confirmation (far from the register's or last year's). */
  check_note: string | null;
  tenant_id: string;
}

/** A new figure for a school in a census (`census` is YYYY-MM). */
export interface NewPupilCount {
  schoolId: string;
  census: string;
  pupils: number;
  note: string | null;
  submittedBy: string;
  /** Set when the figure is far from what is known (`checkPupilCount`): the reason, kept with the figure. */
  checkNote?: string | null;
}

/** The same select, for the school's view across its partnerships (`SchoolPortalRepository`). */
export const PUPIL_COUNT_SELECT = `SELECT pc.id, s.urn, s.name AS school_name, pc.census, pc.pupils, pc.source, pc.status, pc.note, su.name AS submitted_by,
    pc.submitted_at, du.name AS decided_by, pc.decided_at, pc.decision_note, pc.check_note, pc.tenant_id
  FROM school_pupil_counts pc JOIN schools s ON s.id = pc.school_id
  LEFT JOIN users su ON su.id = pc.submitted_by LEFT JOIN users du ON du.id = pc.decided_by`;

/**
 * One partnership's pupil numbers (`school_pupil_counts`): each partnership keeps the figures its
 * fees use; a school's correction goes to one partnership and waits for its admin.
 */
export class PupilCountRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('PupilCountRepository needs a tenant');
  }

  /** Newest first; `status` and `urn` narrow it when given. */
  listPage(filter: { status: string | null; urn: string | null }, page: PageWindow): Promise<PagedRows<PupilCountRow>> {
    const where = `pc.tenant_id = $1 AND ($2::text IS NULL OR pc.status = $2) AND ($3::text IS NULL OR s.urn = $3)`;
    return this.pageRows<PupilCountRow>(`${withPageTotal(PUPIL_COUNT_SELECT)} WHERE ${where} ORDER BY pc.submitted_at DESC, pc.id`, [this.tenantId, filter.status, filter.urn], page);
  }

  find(id: string): Promise<PupilCountRow | null> {
    return this.one<PupilCountRow>(`${PUPIL_COUNT_SELECT} WHERE pc.tenant_id = $1 AND pc.id = $2`, [this.tenantId, id]);
  }

  /** A figure the partnership records itself: approved at once, by the person recording it. Returns its id. */
  async recordApproved(count: NewPupilCount): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, note, submitted_by, decided_by, decided_at, check_note)
         VALUES ($1, $2, $3, $4, 'partnership', 'approved', $5, $6, $6, now(), $7) RETURNING id`,
      [this.tenantId, count.schoolId, count.census, count.pupils, count.note, count.submittedBy, count.checkNote ?? null],
    );
    return row!.id;
  }

  /**
   * A figure waiting for the partnership's admin: a school's correction ('pending', or
   * 'needs-confirmation' when far from what is known), or the partnership's own figure that is
   * far from what is known and was not confirmed. Returns its id.
   */
  async submitCorrection(count: NewPupilCount, source: 'school' | 'partnership' = 'school'): Promise<string> {
    const status = count.checkNote ? 'needs-confirmation' : 'pending';
    const row = await this.one<{ id: string }>(
      `INSERT INTO school_pupil_counts (tenant_id, school_id, census, pupils, source, status, note, submitted_by, check_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [this.tenantId, count.schoolId, count.census, count.pupils, source, status, count.note, count.submittedBy, count.checkNote ?? null],
    );
    return row!.id;
  }

  /** What a new figure is checked against: the register's number and the approved figure for the same census a year earlier. */
  async references(schoolId: string, census: string): Promise<{ register: number | null; lastYear: number | null }> {
    const [year, month] = census.split('-');
    const row = await this.one<{ register: number | null; last_year: number | null }>(
      `SELECT s.pupils AS register,
              (SELECT p.pupils FROM school_pupil_counts p WHERE p.tenant_id = $1 AND p.school_id = s.id AND p.status = 'approved' AND p.census = $3
                ORDER BY p.decided_at DESC NULLS LAST LIMIT 1) AS last_year
         FROM schools s WHERE s.id = $2`,
      [this.tenantId, schoolId, `${Number(year) - 1}-${month}`],
    );
    return { register: row?.register ?? null, lastYear: row?.last_year ?? null };
  }

  /** The figure's status, row-locked until the unit of work ends (null when there is none). */
  async lockStatus(id: string): Promise<string | null> {
    const row = await this.one<{ status: string }>(`SELECT status FROM school_pupil_counts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [this.tenantId, id]);
    return row?.status ?? null;
  }

  async decide(id: string, decision: 'approved' | 'rejected', deciderId: string, note: string | null): Promise<void> {
    await this.execute(`UPDATE school_pupil_counts SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`, [id, decision, deciderId, note]);
  }

  /** The latest approved figure for the school in a census month ('10', '01' or '05'). */
  approvedFigure(schoolId: string, censusMonth: string): Promise<{ census: string; pupils: number } | null> {
    return this.one<{ census: string; pupils: number }>(
      `SELECT census, pupils FROM school_pupil_counts WHERE tenant_id = $1 AND school_id = $2 AND status = 'approved' AND right(census, 2) = $3
       ORDER BY census DESC, decided_at DESC NULLS LAST LIMIT 1`,
      [this.tenantId, schoolId, censusMonth],
    );
  }

  /** How many of the school's corrections are waiting for a decision. */
  async pendingCount(schoolId: string): Promise<number> {
    const row = await this.one<{ pending: number }>(`SELECT count(*)::int AS pending FROM school_pupil_counts WHERE tenant_id = $1 AND school_id = $2 AND status IN ('pending', 'needs-confirmation')`, [
      this.tenantId,
      schoolId,
    ]);
    return row?.pending ?? 0;
  }
}
