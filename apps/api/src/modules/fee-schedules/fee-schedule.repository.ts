import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { FeeSchedule, Phase } from '@partnerships/domain';

/** A published schedule, and whether its period covers the date it was asked for. */
export interface InForceSchedule {
  id: string;
  version: number;
  document: FeeSchedule;
  /** False when no published schedule covers the date and this is the latest published one instead. */
  coversDate: boolean;
}

/** A schedule as the editor and its list show it (dates as YYYY-MM-DD). */
export interface FeeScheduleRecord {
  id: string;
  name: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  period_label: string;
  version: number;
  status: string;
  document: FeeSchedule;
  published_at: Date | null;
  updated_at: Date;
}

/** A school the fee preview prices: a current member (active, approved or under notice). */
export interface MemberToPrice {
  urn: string;
  name: string;
  phase: Phase;
  /** The register's number of pupils. */
  pupils: number | null;
  category: string;
  type: string;
  /** The partnership's latest approved figure for its census month, if any (`choosePupilFigure` decides which is used). */
  census: string | null;
  census_pupils: number | null;
  census_decided_at: string | null;
}

const COLUMNS = `id, name, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  period_label, version, status, document, published_at, updated_at`;

/** One partnership's fee schedules (the `fee_schedules` table), inside the current unit of work. */
export class FeeScheduleRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('FeeScheduleRepository needs a tenant');
  }

  /**
   * The schedule in force on a date: the published version whose period covers it, else the
   * latest published one (so a partnership between periods still quotes and bills); null when
   * nothing has been published.
   */
  async findInForceOn(date: string): Promise<InForceSchedule | null> {
    const covering = await this.one<Omit<InForceSchedule, 'coversDate'>>(
      `SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_start <= $2 AND period_end >= $2
         ORDER BY version DESC LIMIT 1`,
      [this.tenantId, date],
    );
    if (covering) return { ...covering, coversDate: true };
    const latest = await this.one<Omit<InForceSchedule, 'coversDate'>>(
      `SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_end DESC, version DESC LIMIT 1`,
      [this.tenantId],
    );
    return latest ? { ...latest, coversDate: false } : null;
  }

  /** Newest period first, then newest version. */
  list(): Promise<FeeScheduleRecord[]> {
    return this.rows<FeeScheduleRecord>(`SELECT ${COLUMNS} FROM fee_schedules WHERE tenant_id = $1 ORDER BY period_start DESC, version DESC`, [this.tenantId]);
  }

  /** `lock` row-locks it for a change. The id must be a UUID (check it first). */
  find(id: string, options: { lock?: boolean } = {}): Promise<FeeScheduleRecord | null> {
    return this.one<FeeScheduleRecord>(`SELECT ${COLUMNS} FROM fee_schedules WHERE id = $1 AND tenant_id = $2 ${options.lock ? 'FOR UPDATE' : ''}`, [id, this.tenantId]);
  }

  /** The latest published schedule whose period ended before a date: what a new period is compared with. */
  findPublishedBefore(date: string): Promise<FeeScheduleRecord | null> {
    return this.one<FeeScheduleRecord>(
      `SELECT ${COLUMNS} FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_end < $2 ORDER BY period_end DESC, version DESC LIMIT 1`,
      [this.tenantId, date],
    );
  }

  /** Whether anything has been published (the public page says so). */
  async hasPublished(): Promise<boolean> {
    const row = await this.one<{ published: boolean }>(`SELECT EXISTS (SELECT 1 FROM fee_schedules WHERE tenant_id = $1 AND status = 'published') AS published`, [this.tenantId]);
    return Boolean(row?.published);
  }

  /** The version number the next schedule for this period gets: versions are counted per period. */
  async nextVersionFor(period: { start: string; end: string }): Promise<number> {
    const row = await this.one<{ next: number }>(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM fee_schedules WHERE tenant_id = $1 AND period_start = $2 AND period_end = $3`,
      [this.tenantId, period.start, period.end],
    );
    return row!.next;
  }

  /** A new draft, numbered after the period's latest version (numbering serialised per period, so two drafts made at once never share a number). */
  async createDraft(document: FeeSchedule, createdBy: string): Promise<FeeScheduleRecord> {
    await this.execute(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`fee-schedule:${this.tenantId}:${document.period.start}:${document.period.end}`]);
    const row = await this.one<FeeScheduleRecord>(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, created_by)
       SELECT $1, $2, $3, $4, $5, $6, coalesce(max(version), 0) + 1, 'draft', $7, $8
       FROM fee_schedules WHERE tenant_id = $1 AND period_start = $4 AND period_end = $5
       RETURNING ${COLUMNS}`,
      [this.tenantId, document.name, document.period.kind, document.period.start, document.period.end, document.period.label, JSON.stringify(document), createdBy],
    );
    return row!;
  }

  /** Rewrites a draft's document (and its period columns and version). */
  async updateDraft(id: string, document: FeeSchedule, version: number): Promise<FeeScheduleRecord> {
    const [rows] = (await this.em.query(
      `UPDATE fee_schedules SET name = $2, period_kind = $3, period_start = $4, period_end = $5, period_label = $6, version = $7, document = $8, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, document.name, document.period.kind, document.period.start, document.period.end, document.period.label, version, JSON.stringify(document)],
    )) as [FeeScheduleRecord[], number];
    return rows[0]!;
  }

  async deleteDraft(id: string): Promise<void> {
    await this.execute(`DELETE FROM fee_schedules WHERE id = $1`, [id]);
  }

  /** Publishes a draft, superseding the period's previously published version. */
  async publish(schedule: { id: string; period_start: string; period_end: string }, publishedBy: string): Promise<FeeScheduleRecord> {
    await this.execute(
      `UPDATE fee_schedules SET status = 'superseded' WHERE tenant_id = $1 AND period_start = $2 AND period_end = $3 AND status = 'published'`,
      [this.tenantId, schedule.period_start, schedule.period_end],
    );
    const [rows] = (await this.em.query(
      `UPDATE fee_schedules SET status = 'published', published_at = now(), published_by = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [schedule.id, publishedBy],
    )) as [FeeScheduleRecord[], number];
    return rows[0]!;
  }

  /**
   * What a preview's prices depend on beyond the schedules, as one short value that changes whenever
   * any of it changes (issue 14): the partnership's census setting, and a fingerprint of every row
   * the preview reads — its memberships (any status: members, prospects, their category, status
   * and fee facts), their schools on the register, the partnership's member details (areas) and its
   * pupil figures. Each row counts by its id and its row version (`xmin`, new whenever the row is
   * written), summed as 64-bit hashes with the number of rows, so an insert, update or delete of
   * any of them gives a different value. One statement, no sort and nothing sent back but the
   * value: far cheaper than reading and pricing the rows. Read before the rows it stands for.
   */
  async pricingInputsVersion(): Promise<{ feeCensus: string | null; version: string }> {
    const row = await this.one<{ fee_census: string | null; members: string; details: string; counts: string }>(
      `SELECT (SELECT fee_census FROM tenants WHERE id = $1) AS fee_census,
              (SELECT ROW(count(*), sum(hash_record_extended(ROW(m.id, m.xmin, s.id, s.xmin), 0)))::text
                 FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.tenant_id = $1) AS members,
              (SELECT ROW(count(*), sum(hash_record_extended(ROW(d.id, d.xmin), 0)))::text
                 FROM member_school_details d WHERE d.tenant_id = $1) AS details,
              (SELECT ROW(count(*), sum(hash_record_extended(ROW(p.id, p.xmin), 0)))::text
                 FROM school_pupil_counts p WHERE p.tenant_id = $1) AS counts`,
      [this.tenantId],
    );
    return { feeCensus: row?.fee_census ?? null, version: `${row?.members}/${row?.details}/${row?.counts}` };
  }

  /** The current members a schedule's preview prices, by name, with their latest approved figure for the census month ('10', '01' or '05'). */
  membersToPrice(censusMonth: string): Promise<MemberToPrice[]> {
    return this.rows<MemberToPrice>(
      `SELECT s.urn, s.name, s.phase, s.pupils, m.category, s.type, pc.census, pc.pupils AS census_pupils,
              to_char(pc.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS census_decided_at
         FROM memberships m JOIN schools s ON s.id = m.school_id
         LEFT JOIN LATERAL (
           SELECT p.census, p.pupils, p.decided_at FROM school_pupil_counts p
           WHERE p.tenant_id = m.tenant_id AND p.school_id = m.school_id AND p.status = 'approved' AND right(p.census, 2) = $2
           ORDER BY p.census DESC, p.decided_at DESC NULLS LAST LIMIT 1) pc ON true
         WHERE m.tenant_id = $1 AND m.status IN ('active', 'approved', 'notice-given') ORDER BY s.name`,
      [this.tenantId, censusMonth],
    );
  }
}
