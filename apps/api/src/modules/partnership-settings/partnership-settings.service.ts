import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  academicCalendarProblems,
  academicYearOf,
  academicYearStarting,
  daysBetween,
  describeNoticeRule,
  type HalfTerm,
  isPlatformPlanCode,
  type NoticeRule,
  PLATFORM_PLANS,
  planProblem,
  platformPlan,
  recommendedPlan,
  typicalTermDates,
} from '@partnerships/domain';
import { invalid, notFound } from '../../common/app-error';
import { inTenant, type TenantContext } from '../../common/request-context';
import { londonToday } from '@partnerships/domain';
import { MEMBER_COUNT_SQL } from '../onboarding/setup-facts';
import type { CalendarDto, CalendarYearDto, ChoosePlanDto, PlanDto, SaveCalendarDto, SettingsDto, UpdateSettingsDto } from './partnership-settings.dto';

/** API field -> tenants column, for the settings a partnership edits. */
const COLUMNS: Record<keyof UpdateSettingsDto, string> = {
  name: 'name',
  description: 'description',
  areas: 'areas',
  legalForm: 'legal_form',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  website: 'website',
  listed: 'listed',
  inNationalAssociation: 'in_national_association',
  budgetYear: 'budget_year',
  brandColour: 'brand_colour',
  logoDataUrl: 'logo_data_url',
  noticeRule: 'notice_rule',
};

const SETTINGS_SQL = `SELECT slug, name, description, areas, legal_form AS "legalForm", contact_email AS "contactEmail", contact_phone AS "contactPhone",
  website, listed, in_national_association AS "inNationalAssociation", budget_year AS "budgetYear", brand_colour AS "brandColour",
  logo_data_url AS "logoDataUrl", notice_rule AS "noticeRule", template, status FROM tenants WHERE id = $1`;

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
    return inTenant(this.db, ctx, (em) => this.readSettings(em, ctx.tenant.id));
  }

  /**
   * Changes only the fields sent (null clears an optional one), and only when they differ, so
   * the audit trigger records exactly what changed, by whom and when.
   */
  updateSettings(ctx: TenantContext, dto: UpdateSettingsDto): Promise<SettingsDto> {
    return inTenant(this.db, ctx, async (em) => {
      const current = await this.readSettings(em, ctx.tenant.id);
      const changes: [string, unknown][] = [];
      for (const [field, column] of Object.entries(COLUMNS) as [keyof UpdateSettingsDto, string][]) {
        let value = dto[field];
        if (value === undefined) continue;
        if (field === 'contactEmail' && typeof value === 'string') value = value.toLowerCase();
        if (field === 'brandColour' && typeof value === 'string') value = value.toLowerCase();
        if (same(value, current[field as keyof SettingsDto])) continue;
        changes.push([column, field === 'noticeRule' && value !== null ? JSON.stringify(value) : value]);
      }
      if (!changes.length) return current;
      const sets = changes.map(([column], i) => `${column} = $${i + 2}`).join(', ');
      await em.query(`UPDATE tenants SET ${sets} WHERE id = $1`, [ctx.tenant.id, ...changes.map(([, value]) => value)]);
      return this.readSettings(em, ctx.tenant.id);
    });
  }

  calendar(ctx: TenantContext): Promise<CalendarDto> {
    return inTenant(this.db, ctx, async (em) => {
      const current = academicYearOf(londonToday()).startYear;
      const saved = await this.savedYears(em, ctx.tenant.id);
      const years = [...new Set([current, current + 1, ...saved.keys()])].sort((a, b) => a - b);
      const [{ budget_year }] = await em.query(`SELECT budget_year FROM tenants WHERE id = $1`, [ctx.tenant.id]);
      return { budgetYear: budget_year, years: years.map((year) => this.yearDto(year, saved.get(year))) };
    });
  }

  calendarYear(ctx: TenantContext, yearParam: string): Promise<CalendarYearDto> {
    const year = parseYear(yearParam);
    return inTenant(this.db, ctx, async (em) => this.yearDto(year, (await this.savedYears(em, ctx.tenant.id, year)).get(year)));
  }

  /** Saves one academic year's six half terms, checked as a whole (order, overlaps, inside the year). */
  saveCalendarYear(ctx: TenantContext, yearParam: string, dto: SaveCalendarDto): Promise<CalendarYearDto> {
    const year = parseYear(yearParam);
    const halfTerms = dto.halfTerms.map(({ name, start, end }) => ({ name, start, end })) as HalfTerm[];
    const problems = academicCalendarProblems(year, halfTerms);
    if (problems.length) throw invalid(problems.map((message) => ({ field: 'halfTerms', message })));
    return inTenant(this.db, ctx, async (em) => {
      await em.query(
        `INSERT INTO tenant_calendars (tenant_id, academic_year_start, half_terms) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, academic_year_start) DO UPDATE SET half_terms = EXCLUDED.half_terms, updated_at = now()
         WHERE tenant_calendars.half_terms IS DISTINCT FROM EXCLUDED.half_terms`,
        [ctx.tenant.id, `${year}-09-01`, JSON.stringify(halfTerms)],
      );
      return this.yearDto(year, (await this.savedYears(em, ctx.tenant.id, year)).get(year));
    });
  }

  plan(ctx: TenantContext): Promise<PlanDto> {
    return inTenant(this.db, ctx, (em) => this.readPlan(em, ctx.tenant.id));
  }

  /** Records the plan. Payment is taken when billing arrives; a plan too small for the members is refused. */
  choosePlan(ctx: TenantContext, dto: ChoosePlanDto): Promise<PlanDto> {
    return inTenant(this.db, ctx, async (em) => {
      const before = await this.readPlan(em, ctx.tenant.id);
      if (before.plan === dto.plan) return before;
      const problem = planProblem(dto.plan, { memberSchools: before.memberSchools, trialEndsOn: before.trialEndsAt, today: londonToday(), currentPlan: before.plan });
      if (problem) throw invalid([{ field: 'plan', message: problem }]);
      await em.query(`UPDATE tenants SET plan = $2 WHERE id = $1`, [ctx.tenant.id, dto.plan]);
      return this.readPlan(em, ctx.tenant.id);
    });
  }

  private async readSettings(em: EntityManager, tenantId: string): Promise<SettingsDto> {
    const [row] = await em.query(SETTINGS_SQL, [tenantId]);
    let noticeRuleText: string | null = null;
    try {
      noticeRuleText = row.noticeRule ? describeNoticeRule(row.noticeRule as NoticeRule) : null;
    } catch {
      noticeRuleText = null;
    }
    return { ...row, noticeRuleText };
  }

  private async savedYears(em: EntityManager, tenantId: string, only?: number): Promise<Map<number, { halfTerms: HalfTerm[]; updatedAt: Date }>> {
    const rows: { year: number; half_terms: HalfTerm[]; updated_at: Date }[] = await em.query(
      `SELECT extract(year FROM academic_year_start)::int AS year, half_terms, updated_at FROM tenant_calendars
       WHERE tenant_id = $1 AND ($2::int IS NULL OR academic_year_start = make_date($2::int, 9, 1))`,
      [tenantId, only ?? null],
    );
    return new Map(rows.map((r) => [r.year, { halfTerms: r.half_terms, updatedAt: r.updated_at }]));
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

  private async readPlan(em: EntityManager, tenantId: string): Promise<PlanDto> {
    const [row] = await em.query(`SELECT plan, to_char(trial_ends_at, 'YYYY-MM-DD') AS "trialEndsAt" FROM tenants WHERE id = $1`, [tenantId]);
    const [{ n: memberSchools }] = await em.query(MEMBER_COUNT_SQL, [tenantId]);
    const today = londonToday();
    const plan = isPlatformPlanCode(row.plan) ? row.plan : 'trial';
    const facts = { memberSchools, trialEndsOn: row.trialEndsAt as string | null, today, currentPlan: plan };
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
