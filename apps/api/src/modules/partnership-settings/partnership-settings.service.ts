import { Injectable } from '@nestjs/common';
import { Database, EDITABLE_TENANT_SETTINGS, type EditableTenantSetting, TenantRepository } from '@partnerships/db';
import {
  academicCalendarProblems,
  academicYearOf,
  academicYearStarting,
  daysBetween,
  describeNoticeRule,
  DomainRefusal,
  type HalfTerm,
  isPlatformPlanCode,
  type NoticeRule,
  PLATFORM_PLANS,
  planProblem,
  platformPlan,
  recommendedPlan,
  typicalTermDates,
  withFieldPrefix,
} from '@partnerships/domain';
import { invalid, notFound } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import type { CalendarDto, CalendarYearDto, ChoosePlanDto, PlanDto, SaveCalendarDto, SettingsDto, UpdateSettingsDto } from './partnership-settings.dto';

/** The fields a partnership edits: each is a tenants column (TenantRepository maps them). */
const EDITABLE = EDITABLE_TENANT_SETTINGS satisfies readonly (keyof UpdateSettingsDto)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** '2026' -> 2026; anything else is not an academic year we keep (404, like any unknown id). */
function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw notFound('academic year');
  const year = Number(value);
  if (year < 2000 || year > 2100) throw notFound('academic year');
  return year;
}

@Injectable()
export class PartnershipSettingsService {
  constructor(private readonly db: Database) {}

  getSettings(ctx: TenantContext): Promise<SettingsDto> {
    return inTenant(this.db, ctx, (em) => this.readSettings(new TenantRepository(em), ctx.tenant.id));
  }

  /**
   * Changes only the fields sent (null clears an optional one), and only when they differ, so
   * the audit trigger records exactly what changed, by whom and when.
   */
  updateSettings(ctx: TenantContext, dto: UpdateSettingsDto): Promise<SettingsDto> {
    return inTenant(this.db, ctx, async (em) => {
      const tenants = new TenantRepository(em);
      const current = await this.readSettings(tenants, ctx.tenant.id);
      const changes: [EditableTenantSetting, unknown][] = [];
      for (const field of EDITABLE) {
        let value: unknown = dto[field];
        if (value === undefined) continue;
        if (field === 'contactEmail' && typeof value === 'string') value = value.toLowerCase();
        if (field === 'brandColour' && typeof value === 'string') value = value.toLowerCase();
        if (same(value, current[field as keyof SettingsDto])) continue;
        changes.push([field, field === 'noticeRule' && value !== null ? JSON.stringify(value) : value]);
      }
      if (!changes.length) return current;
      await tenants.updateSettings(ctx.tenant.id, changes);
      return this.readSettings(tenants, ctx.tenant.id);
    });
  }

  calendar(ctx: TenantContext): Promise<CalendarDto> {
    return inTenant(this.db, ctx, async (em) => {
      const current = academicYearOf(londonToday()).startYear;
      const tenants = new TenantRepository(em);
      const saved = await this.savedYears(tenants, ctx.tenant.id);
      const years = [...new Set([current, current + 1, ...saved.keys()])].sort((a, b) => a - b);
      const budgetYear = await tenants.budgetYear(ctx.tenant.id);
      return { budgetYear, years: years.map((year) => this.yearDto(year, saved.get(year))) };
    });
  }

  calendarYear(ctx: TenantContext, yearParam: string): Promise<CalendarYearDto> {
    const year = parseYear(yearParam);
    return inTenant(this.db, ctx, async (em) => this.yearDto(year, (await this.savedYears(new TenantRepository(em), ctx.tenant.id, year)).get(year)));
  }

  /** Saves one academic year's six half terms, checked as a whole (order, overlaps, inside the year). */
  saveCalendarYear(ctx: TenantContext, yearParam: string, dto: SaveCalendarDto): Promise<CalendarYearDto> {
    const year = parseYear(yearParam);
    const halfTerms = dto.halfTerms.map(({ name, start, end }) => ({ name, start, end })) as HalfTerm[];
    const problems = academicCalendarProblems(year, halfTerms);
    if (problems.length) throw new DomainRefusal(withFieldPrefix(problems, 'halfTerms'));
    return inTenant(this.db, ctx, async (em) => {
      const tenants = new TenantRepository(em);
      await tenants.saveCalendar(ctx.tenant.id, year, halfTerms);
      return this.yearDto(year, (await this.savedYears(tenants, ctx.tenant.id, year)).get(year));
    });
  }

  plan(ctx: TenantContext): Promise<PlanDto> {
    return inTenant(this.db, ctx, (em) => this.readPlan(new TenantRepository(em), ctx.tenant.id));
  }

  /** Records the plan. Payment is taken when billing arrives; a plan too small for the members is refused. */
  choosePlan(ctx: TenantContext, dto: ChoosePlanDto): Promise<PlanDto> {
    return inTenant(this.db, ctx, async (em) => {
      const tenants = new TenantRepository(em);
      const before = await this.readPlan(tenants, ctx.tenant.id);
      if (before.plan === dto.plan) return before;
      const problem = planProblem(dto.plan, { memberSchools: before.memberSchools, trialEndsOn: before.trialEndsAt, today: londonToday(), currentPlan: before.plan });
      if (problem) throw invalid([{ field: 'plan', message: problem }]);
      await tenants.setPlan(ctx.tenant.id, dto.plan);
      return this.readPlan(tenants, ctx.tenant.id);
    });
  }

  private async readSettings(tenants: TenantRepository, tenantId: string): Promise<SettingsDto> {
    const row = (await tenants.settings(tenantId))!;
    let noticeRuleText: string | null = null;
    try {
      noticeRuleText = row.noticeRule ? describeNoticeRule(row.noticeRule as unknown as NoticeRule) : null;
    } catch {
      noticeRuleText = null;
    }
    return { ...row, noticeRuleText };
  }

  private async savedYears(tenants: TenantRepository, tenantId: string, only?: number): Promise<Map<number, { halfTerms: HalfTerm[]; updatedAt: Date }>> {
    const rows = await tenants.calendars<HalfTerm>(tenantId, only);
    return new Map(rows.map((r) => [r.year, { halfTerms: r.halfTerms, updatedAt: r.updatedAt }]));
  }

  private yearDto(year: number, saved: { halfTerms: HalfTerm[]; updatedAt: Date } | undefined): CalendarYearDto {
    const span = academicYearStarting(year);
    return {
      academicYearStart: year,
      label: span.label,
      start: span.start,
      end: span.end,
      halfTerms: saved?.halfTerms ?? typicalTermDates(year),
      saved: Boolean(saved),
      updatedAt: saved?.updatedAt.toISOString() ?? null,
    };
  }

  private async readPlan(tenants: TenantRepository, tenantId: string): Promise<PlanDto> {
    const row = (await tenants.plan(tenantId))!;
    const memberSchools = await tenants.memberSchoolCount(tenantId);
    const today = londonToday();
    const plan = isPlatformPlanCode(row.plan) ? row.plan : 'trial';
    const facts = { memberSchools, trialEndsOn: row.trialEndsAt, today, currentPlan: plan };
    return {
      plan,
      planName: platformPlan(plan).name,
      trialEndsAt: row.trialEndsAt,
      trialDaysLeft: plan === 'trial' && row.trialEndsAt ? Math.max(0, daysBetween(today, row.trialEndsAt) + 1) : null,
      memberSchools,
      recommended: recommendedPlan(memberSchools),
      plans: PLATFORM_PLANS.map((p) => {
        const reason = p.code === plan ? null : planProblem(p.code, facts);
        return { ...p, available: reason === null, reason };
      }),
      paymentRequired: false,
    };
  }
}
