import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { isValidIsoDate, samePeriodLabel } from '@partnerships/domain';
import {
  existingInvoicesFor,
  type JobQueue,
  JobName,
  loadBillingSettings,
  loadMembersForBilling,
  loadScheduleForBilling,
  planMember,
  type ScheduleForBilling,
} from '@partnerships/jobs';
import { invalid, notFound } from '../../common/app-error';
import { offsetOf, pageOf } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import { isUuid } from '../../common/ids';
import { londonToday } from '@partnerships/domain';
import type {
  BillingRunCreatedDto,
  BillingRunDto,
  BillingRunItemQueryDto,
  CreateBillingRunDto,
  DryRunDto,
  DryRunMemberDto,
} from './billing.dto';
import type { PageQueryDto } from '../../common/pagination.dto';

const RUN_SELECT = `SELECT r.*, to_char(r.issued_on, 'YYYY-MM-DD') AS issued, to_char(r.period_start, 'YYYY-MM-DD') AS p_start,
    to_char(r.period_end, 'YYYY-MM-DD') AS p_end, f.name AS schedule_name
  FROM billing_runs r JOIN fee_schedules f ON f.id = r.schedule_id`;

function runDto(row: Record<string, unknown>): BillingRunDto {
  const members = row.members as number;
  const processed = row.processed as number;
  return {
    id: row.id as string,
    status: row.status as string,
    schedule: {
      id: row.schedule_id as string,
      version: row.schedule_version as number,
      name: row.schedule_name as string,
      periodLabel: row.period_label as string,
      periodStart: row.p_start as string,
      periodEnd: row.p_end as string,
    },
    issuedOn: row.issued as string,
    counts: { members, invoiced: row.invoiced as number, skipped: row.skipped as number, failed: row.failed as number },
    progress: { processed, total: members, percent: members === 0 ? 100 : Math.floor((processed * 100) / members) },
    invoicesCreated: row.invoices_created as number,
    totalPence: Number(row.total_pence),
    attempts: row.attempts as number,
    error: (row.error as string | null) ?? null,
    createdAt: (row.created_at as Date).toISOString(),
    startedAt: row.started_at ? (row.started_at as Date).toISOString() : null,
    finishedAt: row.finished_at ? (row.finished_at as Date).toISOString() : null,
  };
}

/**
 * Billing runs: a dry run first (per school: amount and why; totals), then the real run in the
 * background with progress. The dry run and the job share `planMember`, so they agree.
 */
@Injectable()
export class BillingRunsService {
  constructor(
    private readonly db: Database,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /** The published schedule named by id or by billing-year label. */
  private async schedule(em: EntityManager, ctx: TenantContext, dto: CreateBillingRunDto): Promise<ScheduleForBilling> {
    if (dto.scheduleId) {
      const [row] = await em.query(`SELECT status FROM fee_schedules WHERE tenant_id = $1 AND id = $2`, [ctx.tenant.id, dto.scheduleId]);
      if (!row) throw invalid([{ field: 'scheduleId', message: 'There is no such fee schedule.' }]);
      if (row.status !== 'published') throw invalid([{ field: 'scheduleId', message: 'Only a published fee schedule can be billed. Publish it first.' }]);
      return (await loadScheduleForBilling(em, ctx.tenant.id, dto.scheduleId))!;
    }
    if (!dto.period?.trim()) throw invalid([{ field: 'scheduleId', message: 'Choose the fee schedule (or the billing year) to bill.' }]);
    const published: { id: string; period_label: string }[] = await em.query(
      `SELECT id, period_label FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_start DESC`,
      [ctx.tenant.id],
    );
    const match = published.filter((s) => samePeriodLabel(s.period_label, dto.period!));
    if (match.length === 0) {
      const labels = published.map((s) => s.period_label);
      throw invalid([{ field: 'period', message: labels.length ? `No published fee schedule covers ${dto.period}. Published: ${labels.join(', ')}.` : 'Publish a fee schedule first.' }]);
    }
    if (match.length > 1) throw invalid([{ field: 'period', message: `More than one published schedule is labelled ${dto.period}; choose one by scheduleId.` }]);
    return (await loadScheduleForBilling(em, ctx.tenant.id, match[0]!.id))!;
  }

  private issuedOn(dto: CreateBillingRunDto): string {
    const today = londonToday();
    if (!dto.issuedOn) return today;
    if (!isValidIsoDate(dto.issuedOn)) throw invalid([{ field: 'issuedOn', message: 'That is not a real date.' }]);
    return dto.issuedOn;
  }

  /** What the run would do, school by school, writing nothing. */
  async dryRun(ctx: TenantContext, dto: CreateBillingRunDto): Promise<DryRunDto> {
    const issuedOn = this.issuedOn(dto);
    return inTenant(this.db, ctx, async (em) => {
      const schedule = await this.schedule(em, ctx, dto);
      const settings = await loadBillingSettings(em, ctx.tenant.id);
      const members = await loadMembersForBilling(em, ctx.tenant.id);
      const existing = await existingInvoicesFor(em, ctx.tenant.id, schedule, members.map((m) => m.membershipId));
      const rows: DryRunMemberDto[] = [];
      const totals = { members: members.length, toInvoice: 0, skipped: 0, alreadyInvoiced: 0, invoices: 0, subtotalPence: 0, vatPence: 0, totalPence: 0 };
      for (const member of members) {
        const plan = planMember(schedule, settings, issuedOn, member, existing.get(member.membershipId));
        const school = { id: member.schoolId, urn: member.urn, name: member.name, phase: member.phase };
        if (plan.kind === 'invoice') {
          totals.toInvoice++;
          totals.invoices += plan.invoices.length;
          for (const inv of plan.invoices) {
            totals.subtotalPence += inv.totals.subtotalPence;
            totals.vatPence += inv.totals.vatPence;
            totals.totalPence += inv.totals.totalPence;
          }
          rows.push({
            membershipId: member.membershipId,
            school,
            outcome: 'invoice',
            amountPence: plan.amountPence,
            reason: plan.reason,
            explanation: plan.explanation,
            invoices: plan.invoices.map((inv) => ({
              part: inv.part,
              partCount: inv.partCount,
              label: inv.partLabel,
              dueOn: inv.dueOn,
              subtotalPence: inv.totals.subtotalPence,
              vatPence: inv.totals.vatPence,
              totalPence: inv.totals.totalPence,
            })),
          });
        } else {
          if (plan.kind === 'skip') totals.skipped++;
          else totals.alreadyInvoiced++;
          rows.push({ membershipId: member.membershipId, school, outcome: plan.kind, amountPence: plan.amountPence, reason: plan.reason, explanation: null, invoices: [] });
        }
      }
      return {
        dryRun: true,
        schedule: { id: schedule.id, version: schedule.version, name: schedule.document.name, periodLabel: schedule.periodLabel, periodStart: schedule.periodStart, periodEnd: schedule.periodEnd },
        issuedOn,
        members: rows,
        totals,
      };
    });
  }

  /**
   * The real run: its work list is written now (so progress is x of N from the start) and a job
   * issues the invoices. While a run of the same schedule is queued or running, asking again
   * answers that run.
   */
  async start(ctx: TenantContext, dto: CreateBillingRunDto): Promise<BillingRunCreatedDto> {
    const issuedOn = this.issuedOn(dto);
    const outcome = await inTenant(this.db, ctx, async (em) => {
      const schedule = await this.schedule(em, ctx, dto);
      // One active run per schedule: the partial unique index settles races; the lock makes the common case a clean answer.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`billing-run:${ctx.tenant.id}:${schedule.id}`]);
      const [active] = await em.query(`SELECT id, status FROM billing_runs WHERE tenant_id = $1 AND schedule_id = $2 AND status IN ('queued', 'running')`, [ctx.tenant.id, schedule.id]);
      if (active) return { id: active.id as string, status: active.status as string, existing: true };
      const [run] = await em.query(
        `INSERT INTO billing_runs (tenant_id, schedule_id, schedule_version, period_label, period_start, period_end, issued_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, status`,
        [ctx.tenant.id, schedule.id, schedule.version, schedule.periodLabel, schedule.periodStart, schedule.periodEnd, issuedOn, ctx.user.id],
      );
      const [{ members }] = await em.query(
        `WITH listed AS (
           INSERT INTO billing_run_items (tenant_id, run_id, membership_id, school_id, position)
           SELECT m.tenant_id, $2, m.id, m.school_id, row_number() OVER (ORDER BY s.name, s.urn)
           FROM memberships m JOIN schools s ON s.id = m.school_id
           WHERE m.tenant_id = $1 AND m.status IN ('active', 'notice-given', 'suspended')
           RETURNING 1)
         SELECT count(*)::int AS members FROM listed`,
        [ctx.tenant.id, run.id],
      );
      await em.query(`UPDATE billing_runs SET members = $2 WHERE id = $1`, [run.id, members]);
      return { id: run.id as string, status: run.status as string, existing: false };
    });
    if (!outcome.existing) await this.queue.enqueue(JobName.RunBilling, { tenantId: ctx.tenant.id, runId: outcome.id }, { jobId: `billing-run-${outcome.id}` });
    return outcome;
  }

  /** Starts a failed (or stalled) run again from where it stopped; members already done are not touched. */
  async resume(ctx: TenantContext, id: string): Promise<BillingRunDto> {
    if (!isUuid(id)) throw notFound('billing run');
    const attempt = await inTenant(this.db, ctx, async (em) => {
      const [run] = await em.query(`SELECT status, attempts FROM billing_runs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [ctx.tenant.id, id]);
      if (!run) throw notFound('billing run');
      if (run.status === 'completed') return null;
      if (run.status === 'failed') await em.query(`UPDATE billing_runs SET status = 'queued' WHERE id = $1`, [id]);
      return run.attempts as number;
    });
    if (attempt !== null) await this.queue.enqueue(JobName.RunBilling, { tenantId: ctx.tenant.id, runId: id }, { jobId: `billing-run-${id}-resume-${attempt}` });
    return this.get(ctx, id);
  }

  async get(ctx: TenantContext, id: string): Promise<BillingRunDto> {
    if (!isUuid(id)) throw notFound('billing run');
    return inTenant(this.db, ctx, async (em) => {
      const [row] = await em.query(`${RUN_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [ctx.tenant.id, id]);
      if (!row) throw notFound('billing run');
      return runDto(row);
    });
  }

  async list(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const rows = await em.query(`${RUN_SELECT} WHERE r.tenant_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2 OFFSET $3`, [ctx.tenant.id, query.pageSize, offsetOf(query)]);
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM billing_runs WHERE tenant_id = $1`, [ctx.tenant.id]);
      return pageOf(rows.map(runDto), query, total);
    });
  }

  async items(ctx: TenantContext, id: string, query: BillingRunItemQueryDto) {
    if (!isUuid(id)) throw notFound('billing run');
    return inTenant(this.db, ctx, async (em) => {
      const [run] = await em.query(`SELECT id FROM billing_runs WHERE tenant_id = $1 AND id = $2`, [ctx.tenant.id, id]);
      if (!run) throw notFound('billing run');
      const params = [ctx.tenant.id, id, query.status ?? null];
      const rows = await em.query(
        `SELECT i.membership_id, i.position, i.status, i.amount_pence, i.reason, i.invoice_ids, s.id AS school_id, s.urn, s.name, s.phase
         FROM billing_run_items i JOIN schools s ON s.id = i.school_id
         WHERE i.tenant_id = $1 AND i.run_id = $2 AND ($3::text IS NULL OR i.status = $3) ORDER BY i.position LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM billing_run_items WHERE tenant_id = $1 AND run_id = $2 AND ($3::text IS NULL OR status = $3)`, params);
      return pageOf(
        rows.map((r: Record<string, unknown>) => ({
          membershipId: r.membership_id,
          school: { id: r.school_id, urn: r.urn, name: r.name, phase: r.phase },
          position: r.position,
          status: r.status,
          amountPence: r.amount_pence === null ? null : Number(r.amount_pence),
          reason: r.reason ?? null,
          invoiceIds: r.invoice_ids ?? [],
        })),
        query,
        total,
      );
    });
  }
}
