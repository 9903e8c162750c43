import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { isValidIsoDate, samePeriodLabel } from '@partnerships/domain';
import { type JobQueue, JobName } from '@partnerships/jobs';
import {
  BillingRunRepository,
  type BillingRunItemViewRow,
  type BillingRunViewRow,
  BillingSourcesRepository,
  existingInvoicesFor,
  firstSendJobId,
  paymentWarningFor,
  runInvoicesToSend,
  loadBillingSettings,
  loadMembersForBilling,
  loadScheduleForBilling,
  planMember,
  type ScheduleForBilling,
} from '@partnerships/invoicing';
import { invalid, notFound } from '../../common/app-error';
import { pageFrom, readPage, windowOf } from '../../common/pagination';
import { inTenant, type TenantContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import { isUuid } from '../../common/ids';
import { londonToday } from '@partnerships/domain';
import type { BillingRunCreatedDto, BillingRunDto, BillingRunItemQueryDto, CreateBillingRunDto, DryRunDto, DryRunMemberDto, RunInvoicesSentDto, SendRunInvoicesDto } from './billing-runs.dto';
import type { PageQueryDto } from '../../common/pagination.dto';

function runDto(row: BillingRunViewRow, paymentWarning: string | null): BillingRunDto {
  const { members, processed } = row;
  return {
    id: row.id,
    status: row.status,
    schedule: {
      id: row.schedule_id,
      version: row.schedule_version,
      name: row.schedule_name,
      periodLabel: row.period_label,
      periodStart: row.p_start,
      periodEnd: row.p_end,
    },
    issuedOn: row.issued,
    counts: { members, invoiced: row.invoiced, skipped: row.skipped, failed: row.failed },
    progress: { processed, total: members, percent: members === 0 ? 100 : Math.floor((processed * 100) / members) },
    invoicesCreated: row.invoices_created,
    totalPence: Number(row.total_pence),
    attempts: row.attempts,
    error: row.error ?? null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    sendInvoices: row.send_invoices,
    invoicesSent: row.invoices_sent,
    paymentWarning,
  };
}

function itemDto(r: BillingRunItemViewRow) {
  return {
    membershipId: r.membership_id,
    school: { id: r.school_id, urn: r.urn, name: r.name, phase: r.phase },
    position: r.position,
    status: r.status,
    amountPence: r.amount_pence === null ? null : Number(r.amount_pence),
    reason: r.reason ?? null,
    invoiceIds: r.invoice_ids ?? [],
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
    const sources = new BillingSourcesRepository(em);
    if (dto.scheduleId) {
      const status = await sources.scheduleStatus(ctx.tenant.id, dto.scheduleId);
      if (!status) throw invalid([{ field: 'scheduleId', message: 'There is no such fee schedule.' }]);
      if (status !== 'published') throw invalid([{ field: 'scheduleId', message: 'Only a published fee schedule can be billed. Publish it first.' }]);
      return (await loadScheduleForBilling(em, ctx.tenant.id, dto.scheduleId))!;
    }
    if (!dto.period?.trim()) throw invalid([{ field: 'scheduleId', message: 'Choose the fee schedule (or the billing year) to bill.' }]);
    const published = await sources.publishedSchedules(ctx.tenant.id);
    const match = published.filter((s) => samePeriodLabel(s.periodLabel, dto.period!));
    if (match.length === 0) {
      const labels = published.map((s) => s.periodLabel);
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
        const pupilFigure = member.pupilFigure;
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
            pupilFigure,
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
          rows.push({ membershipId: member.membershipId, school, pupilFigure, outcome: plan.kind, amountPence: plan.amountPence, reason: plan.reason, explanation: null, invoices: [] });
        }
      }
      return {
        dryRun: true,
        schedule: { id: schedule.id, version: schedule.version, name: schedule.document.name, periodLabel: schedule.periodLabel, periodStart: schedule.periodStart, periodEnd: schedule.periodEnd },
        issuedOn,
        members: rows,
        totals,
        paymentWarning: await paymentWarningFor(em, ctx.tenant.id),
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
      const runs = new BillingRunRepository(em);
      await runs.lockSchedule(ctx.tenant.id, schedule.id);
      const active = await runs.findActive(ctx.tenant.id, schedule.id);
      if (active) return { id: active.id, status: active.status, existing: true };
      const run = await runs.create(ctx.tenant.id, {
        scheduleId: schedule.id,
        scheduleVersion: schedule.version,
        periodLabel: schedule.periodLabel,
        periodStart: schedule.periodStart,
        periodEnd: schedule.periodEnd,
        issuedOn,
        createdBy: ctx.user.id,
        sendInvoices: dto.sendInvoices ?? false,
      });
      await runs.listMembers(ctx.tenant.id, run.id);
      return { id: run.id, status: run.status, existing: false };
    });
    if (!outcome.existing) await this.queue.enqueue(JobName.RunBilling, { tenantId: ctx.tenant.id, runId: outcome.id }, { jobId: `billing-run-${outcome.id}` });
    return outcome;
  }

  /** Starts a failed (or stalled) run again from where it stopped; members already done are not touched. */
  async resume(ctx: TenantContext, id: string): Promise<BillingRunDto> {
    if (!isUuid(id)) throw notFound('billing run');
    const attempt = await inTenant(this.db, ctx, async (em) => {
      const runs = new BillingRunRepository(em);
      const run = await runs.lockForResume(ctx.tenant.id, id);
      if (!run) throw notFound('billing run');
      if (run.status === 'completed') return null;
      if (run.status === 'failed') await runs.requeue(id);
      return run.attempts;
    });
    if (attempt !== null) await this.queue.enqueue(JobName.RunBilling, { tenantId: ctx.tenant.id, runId: id }, { jobId: `billing-run-${id}-resume-${attempt}` });
    return this.get(ctx, id);
  }

  async get(ctx: TenantContext, id: string): Promise<BillingRunDto> {
    if (!isUuid(id)) throw notFound('billing run');
    return inTenant(this.db, ctx, async (em) => {
      const row = await new BillingRunRepository(em).findView(ctx.tenant.id, id);
      if (!row) throw notFound('billing run');
      return runDto(row, await paymentWarningFor(em, ctx.tenant.id));
    });
  }

  /**
   * "Send all": e-mails every invoice of the run not sent yet (or every one, when resending).
   * Idempotent: an invoice already sent, or already queued, is not sent again unless asked.
   */
  async sendAll(ctx: TenantContext, id: string, dto: SendRunInvoicesDto): Promise<RunInvoicesSentDto> {
    if (!isUuid(id)) throw notFound('billing run');
    const resend = dto.resend ?? false;
    const plan = await inTenant(this.db, ctx, async (em) => {
      if (!(await new BillingRunRepository(em).exists(ctx.tenant.id, id))) throw notFound('billing run');
      return { ...(await runInvoicesToSend(em, ctx.tenant.id, id, resend)), paymentWarning: await paymentWarningFor(em, ctx.tenant.id) };
    });
    for (const invoiceId of plan.ids) {
      await this.queue.enqueue(
        JobName.SendInvoice,
        { tenantId: ctx.tenant.id, invoiceId, kind: 'invoice', ...(resend ? {} : { onlyIfUnsent: true }) },
        { jobId: resend ? `invoice-mail-${invoiceId}-${ctx.requestId}` : firstSendJobId(invoiceId) },
      );
    }
    return { queued: plan.ids.length, alreadySent: resend ? 0 : plan.alreadySent, paymentWarning: plan.paymentWarning };
  }

  async list(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const runs = new BillingRunRepository(em);
      const page = await runs.listPage(ctx.tenant.id, windowOf(query));
      const warning = await paymentWarningFor(em, ctx.tenant.id);
      return pageFrom(query, page, (r) => runDto(r, warning));
    });
  }

  async items(ctx: TenantContext, id: string, query: BillingRunItemQueryDto) {
    if (!isUuid(id)) throw notFound('billing run');
    return inTenant(this.db, ctx, async (em) => {
      const runs = new BillingRunRepository(em);
      if (!(await runs.exists(ctx.tenant.id, id))) throw notFound('billing run');
      const status = query.status ?? null;
      return readPage(query, (window) => runs.itemsPage(ctx.tenant.id, id, status, window), itemDto);
    });
  }
}
