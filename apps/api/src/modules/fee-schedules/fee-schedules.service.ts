import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { type FeeSchedule, formatPence, type Phase, quoteFee, solveForTarget, type SchoolForFees, totalIncome, validateFeeSchedule } from '@partnerships/domain';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { FeeScheduleDto, FeeScheduleSummaryDto, PreviewDto, ScenarioRequestDto, ScenarioResultDto } from './fee-schedules.dto';

interface ScheduleRow {
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

const COLUMNS = `id, name, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  period_label, version, status, document, published_at, updated_at`;

export function summary(row: ScheduleRow): FeeScheduleSummaryDto {
  return {
    id: row.id,
    name: row.name,
    period: { kind: row.period_kind, start: row.period_start, end: row.period_end, label: row.period_label },
    version: row.version,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

const full = (row: ScheduleRow): FeeScheduleDto => ({ ...summary(row), document: row.document as unknown as Record<string, unknown> });

/** A document that passes the engine's validator, or a 400 naming each problem's path. */
export function validDocument(input: unknown): FeeSchedule {
  const result = validateFeeSchedule(input);
  if (!result.ok) throw invalid(result.errors.map((e) => ({ field: e.path ? `document.${e.path}` : 'document', message: e.message })));
  return result.schedule;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

@Injectable()
export class FeeSchedulesService {
  constructor(private readonly db: Database) {}

  list(ctx: TenantContext): Promise<{ items: FeeScheduleSummaryDto[] }> {
    return inTenant(this.db, ctx, async (em) => {
      const rows: ScheduleRow[] = await em.query(`SELECT ${COLUMNS} FROM fee_schedules WHERE tenant_id = $1 ORDER BY period_start DESC, version DESC`, [ctx.tenant.id]);
      return { items: rows.map(summary) };
    });
  }

  get(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => full(await this.load(em, ctx, id)));
  }

  /** A new draft: a fresh document, or an imported one. Its version follows the period's latest. */
  create(ctx: TenantContext, input: unknown): Promise<FeeScheduleDto> {
    const document = validDocument(input);
    return inTenant(this.db, ctx, (em) => this.insertDraft(em, ctx, document));
  }

  update(ctx: TenantContext, id: string, input: unknown): Promise<FeeScheduleDto> {
    const document = validDocument(input);
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status !== 'draft') throw conflict('This schedule is published and cannot change. Make a new version instead.');
      if (row.period_start !== document.period.start || row.period_end !== document.period.end) {
        // A different period is a different schedule: versions are counted per period.
        const [{ next }] = await em.query(
          `SELECT coalesce(max(version), 0) + 1 AS next FROM fee_schedules WHERE tenant_id = $1 AND period_start = $2 AND period_end = $3`,
          [ctx.tenant.id, document.period.start, document.period.end],
        );
        row.version = next;
      }
      const [updated] = await em.query(
        `UPDATE fee_schedules SET name = $2, period_kind = $3, period_start = $4, period_end = $5, period_label = $6, version = $7, document = $8, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, document.name, document.period.kind, document.period.start, document.period.end, document.period.label, row.version, JSON.stringify(document)],
      );
      return full(updated[0] ?? updated);
    });
  }

  remove(ctx: TenantContext, id: string): Promise<void> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status !== 'draft') throw conflict('A published schedule is kept for the record and cannot be deleted.');
      await em.query(`DELETE FROM fee_schedules WHERE id = $1`, [id]);
    });
  }

  /** Publishing supersedes the period's previously published version, in one transaction. */
  publish(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id, true);
      if (row.status === 'published') return full(row);
      if (row.status !== 'draft') throw conflict('This version has been replaced; make a new version to publish it again.');
      validDocument(row.document);
      await em.query(
        `UPDATE fee_schedules SET status = 'superseded' WHERE tenant_id = $1 AND period_start = $2 AND period_end = $3 AND status = 'published'`,
        [ctx.tenant.id, row.period_start, row.period_end],
      );
      const [rows] = await em.query(
        `UPDATE fee_schedules SET status = 'published', published_at = now(), published_by = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, ctx.user.id],
      );
      return full(rows[0]);
    });
  }

  newVersion(ctx: TenantContext, id: string): Promise<FeeScheduleDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id);
      return this.insertDraft(em, ctx, row.document);
    });
  }

  /** What each current member school would pay under the schedule, and the change from the previous period. */
  preview(ctx: TenantContext, id: string, input?: unknown): Promise<PreviewDto> {
    return inTenant(this.db, ctx, async (em) => {
      const row = await this.load(em, ctx, id);
      const document = input === undefined ? row.document : validDocument(input);
      const [previousRow]: ScheduleRow[] = await em.query(
        `SELECT ${COLUMNS} FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_end < $2 ORDER BY period_end DESC, version DESC LIMIT 1`,
        [ctx.tenant.id, document.period.start],
      );
      const members: { urn: string; name: string; phase: Phase; pupils: number | null; category: string; type: string }[] = await em.query(
        `SELECT s.urn, s.name, s.phase, s.pupils, m.category, s.type FROM memberships m JOIN schools s ON s.id = m.school_id
         WHERE m.tenant_id = $1 AND m.status IN ('active', 'approved', 'notice-given') ORDER BY s.name`,
        [ctx.tenant.id],
      );
      const rows = members.map((m) => {
        const school: SchoolForFees = { phase: m.phase, pupils: m.pupils ?? 0, category: m.category, schoolType: m.type };
        const quote = quoteFee(document, school);
        const previousPence = previousRow ? quoteFee(previousRow.document, school).totalPence : null;
        return {
          urn: m.urn,
          name: m.name,
          phase: m.phase,
          pupils: m.pupils,
          category: m.category,
          totalPence: quote.totalPence,
          previousPence,
          changePence: previousPence === null ? null : quote.totalPence - previousPence,
          lines: quote.lines,
        };
      });
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      return {
        rows,
        totalPence: sum(rows.map((r) => r.totalPence)),
        previousTotalPence: previousRow ? sum(rows.map((r) => r.previousPence ?? 0)) : null,
        previousSchedule: previousRow ? summary(previousRow) : null,
      };
    });
  }

  /** The planner: a set of schools (e.g. 60 primaries and 14 secondaries), their fees and total, and optionally the rate that raises a target. */
  scenario(ctx: TenantContext, request: ScenarioRequestDto): Promise<ScenarioResultDto> {
    return inTenant(this.db, ctx, async (em) => {
      let document: FeeSchedule;
      if (request.document) document = validDocument(request.document);
      else if (request.scheduleId) document = (await this.load(em, ctx, request.scheduleId)).document;
      else throw invalid([{ field: 'document', message: 'Give a schedule document or a scheduleId' }]);
      if (request.schools.length === 0) throw invalid([{ field: 'schools', message: 'Add at least one group of schools' }]);

      const groups = request.schools.map((s) => ({ ...s, count: s.count ?? 1 }));
      const expand = (schedule: FeeSchedule) =>
        groups.map((g) => {
          const school: SchoolForFees = { phase: g.phase, pupils: g.pupils, category: g.category, schoolType: g.schoolType, tier: g.tier };
          const feePence = quoteFee(schedule, school).totalPence;
          return { label: g.label ?? `${g.phase} school, ${g.pupils} pupils`, phase: g.phase, pupils: g.pupils, count: g.count, feePence, subtotalPence: feePence * g.count };
        });
      const everySchool = groups.flatMap((g) => Array.from({ length: g.count }, () => ({ phase: g.phase, pupils: g.pupils, category: g.category, schoolType: g.schoolType, tier: g.tier }) as SchoolForFees));
      if (everySchool.length > 50_000) throw invalid([{ field: 'schools', message: 'A scenario can hold at most 50,000 schools' }]);

      if (!request.solve) {
        const rows = expand(document);
        return { rows, schools: everySchool.length, totalPence: totalIncome(document, everySchool) };
      }
      const component = document.components[request.solve.componentIndex] as unknown as Record<string, unknown> | undefined;
      if (!component || typeof component[request.solve.field] !== 'number') {
        throw invalid([{ field: 'solve.componentIndex', message: `Component ${request.solve.componentIndex} has no ${request.solve.field} to solve for` }]);
      }
      let solved;
      try {
        solved = solveForTarget(document, everySchool, request.solve);
      } catch (error) {
        throw new AppError('cannot_solve', 400, error instanceof Error ? error.message : 'That target cannot be reached with this schedule.', [{ field: 'solve', message: error instanceof Error ? error.message : 'Cannot solve' }]);
      }
      if (!solved.ok) {
        throw invalid([{ field: 'solve.targetPence', message: `${solved.message} The most these schools can raise is ${formatPence(solved.maxTotalPence)}.` }]);
      }
      const rows = expand(solved.schedule);
      return { rows, schools: everySchool.length, totalPence: solved.totalPence, solution: { valuePence: solved.valuePence, totalPence: solved.totalPence, document: solved.schedule as unknown as Record<string, unknown> } };
    });
  }

  private async insertDraft(em: EntityManager, ctx: TenantContext, document: FeeSchedule): Promise<FeeScheduleDto> {
    // Serialise version numbering per period, so two drafts made at once never share a number.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`fee-schedule:${ctx.tenant.id}:${document.period.start}:${document.period.end}`]);
    const [row] = await em.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, created_by)
       SELECT $1, $2, $3, $4, $5, $6, coalesce(max(version), 0) + 1, 'draft', $7, $8
       FROM fee_schedules WHERE tenant_id = $1 AND period_start = $4 AND period_end = $5
       RETURNING ${COLUMNS}`,
      [ctx.tenant.id, document.name, document.period.kind, document.period.start, document.period.end, document.period.label, JSON.stringify(document), ctx.user.id],
    );
    return full(row);
  }

  private async load(em: EntityManager, ctx: TenantContext, id: string, forUpdate = false): Promise<ScheduleRow> {
    if (!isUuid(id)) throw notFound('fee schedule');
    const [row] = await em.query(`SELECT ${COLUMNS} FROM fee_schedules WHERE id = $1 AND tenant_id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`, [id, ctx.tenant.id]);
    if (!row) throw notFound('fee schedule');
    return row;
  }
}
