import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import {
  addDays,
  describeNoticeRule,
  isSetupStep,
  PARTNERSHIP_TEMPLATES,
  type PartnershipTemplateCode,
  SETUP_STEPS,
  setupStepProblems,
  slugProblem,
  templateSetup,
  TRIAL_DAYS,
  validateFeeSchedule,
} from '@partnerships/domain';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { tenantCreationKeys, tenantCreationLimiter } from '../../common/attempt-limiter';
import { isUniqueViolation } from '../../common/sql-text';
import { londonToday } from '@partnerships/domain';
import type { CreatedTenantDto, CreateTenantDto, SetupDto, SlugAvailabilityDto, TemplateListDto } from './onboarding.dto';
import { loadSetupFacts, setupDto } from './setup-facts';

const takenMessage = (slug: string) => `The address "${slug}" is already taken by another partnership. Try adding your area or initials.`;

@Injectable()
export class OnboardingService {
  private readonly limiter = tenantCreationLimiter();

  constructor(private readonly db: Database) {}

  templates(): TemplateListDto {
    return {
      items: PARTNERSHIP_TEMPLATES.map((t) => ({
        code: t.code,
        name: t.name,
        summary: t.summary,
        modelledOn: t.modelledOn,
        suggestedLegalForm: t.suggestedLegalForm,
        categories: t.categories.map((c) => ({ code: c.code, name: c.name, description: c.description, votingRights: c.votingRights })),
        noticeRule: describeNoticeRule(t.noticeRule),
      })),
    };
  }

  /** As-you-type check. Taken slugs are not secret (they are web addresses), but nothing else about the partnership is said. */
  async slugAvailability(slug: string): Promise<SlugAvailabilityDto> {
    const candidate = slug.trim();
    const problem = slugProblem(candidate);
    if (problem) return { slug: candidate, available: false, reason: problem, suggestion: null };
    const taken = await this.takenAmong([candidate]);
    if (!taken.has(candidate)) return { slug: candidate, available: true, reason: null, suggestion: null };
    const options = [2, 3, 4, 5, 6].map((n) => `${candidate.slice(0, 37)}-${n}`).filter((s) => slugProblem(s) === null);
    const takenOptions = await this.takenAmong(options);
    return { slug: candidate, available: false, reason: takenMessage(candidate), suggestion: options.find((s) => !takenOptions.has(s)) ?? null };
  }

  /**
   * A verified user creates a partnership and becomes its first admin. The template fills in
   * categories, notice rule, a draft fee schedule and the calendar in the same transaction, so
   * a partnership never exists half made. The slug's unique index settles races: one wins,
   * the others get 409.
   */
  async create(ctx: AuthedContext, dto: CreateTenantDto): Promise<CreatedTenantDto> {
    const userId = ctx.user.id;
    const [user] = await this.db.asPlatform({ userId }, (em) => em.query(`SELECT email_verified_at FROM users WHERE id = $1`, [userId]));
    if (!user?.email_verified_at) {
      throw new AppError('email_not_verified', 403, 'Please confirm your e-mail address first: follow the link we sent you when you signed up.');
    }
    this.limiter.attempt(tenantCreationKeys(ctx.ip, userId));

    const today = londonToday();
    // The trial's last day: today is its first of TRIAL_DAYS.
    const trialEndsAt = addDays(today, TRIAL_DAYS - 1);
    const template = dto.template as PartnershipTemplateCode;
    const setup = templateSetup(template, { name: dto.name, areas: dto.areas }, today);
    const checked = validateFeeSchedule(setup.feeSchedule);
    if (!checked.ok) throw new Error(`Template ${template} has an invalid fee schedule: ${checked.errors.map((e) => e.message).join('; ')}`);

    try {
      return await this.db.asPlatform({ userId }, async (em) => {
        const [tenant] = await em.query(
          `INSERT INTO tenants (slug, name, areas, legal_form, contact_email, contact_phone, website, in_national_association,
                                listed, plan, trial_ends_at, template, budget_year, notice_rule, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, 'trial', $9, $10, $11, $12, $13) RETURNING id`,
          [dto.slug, dto.name, dto.areas, dto.legalForm, dto.contactEmail.toLowerCase(), dto.contactPhone ?? null, dto.website ?? null,
            dto.inNationalAssociation, trialEndsAt, template, setup.budgetYear, JSON.stringify(setup.noticeRule), userId],
        );
        // From here on the work is inside the new partnership, under its row-level security.
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        await em.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, 'tenant-admin')`, [tenant.id, userId]);
        for (const c of setup.categories) {
          await em.query(
            `INSERT INTO membership_categories (tenant_id, code, name, description, eligible_phases, eligible_types, eligible_local_authorities,
                                                voting_rights, fees_apply, includes, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [tenant.id, c.code, c.name, c.description, c.eligiblePhases, c.eligibleTypes, c.eligibleLocalAuthorities, c.votingRights, c.feesApply, c.includes, c.position],
          );
        }
        for (const calendar of setup.calendars) {
          await em.query(`INSERT INTO tenant_calendars (tenant_id, academic_year_start, half_terms) VALUES ($1, $2, $3)`, [
            tenant.id,
            `${calendar.academicYearStart}-09-01`,
            JSON.stringify(calendar.halfTerms),
          ]);
        }
        const fees = setup.feeSchedule;
        await em.query(
          `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 1, 'draft', $7, $8)`,
          [tenant.id, fees.name, fees.period.kind, fees.period.start, fees.period.end, fees.period.label, JSON.stringify(fees), userId],
        );
        const { facts, tenant: row } = await loadSetupFacts(em, tenant.id, today);
        return { id: tenant.id, slug: dto.slug, name: dto.name, template, roles: ['tenant-admin'], plan: 'trial', trialEndsAt, setup: setupDto(row, facts) };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenants_slug_key')) throw conflict(takenMessage(dto.slug), 'slug');
      throw error;
    }
  }

  setup(ctx: TenantContext): Promise<SetupDto> {
    return inTenant(this.db, ctx, async (em) => {
      const { facts, tenant } = await loadSetupFacts(em, ctx.tenant.id, londonToday());
      return setupDto(tenant, facts);
    });
  }

  /** Marks a wizard step done once its data is in place; otherwise 400 saying what is missing. */
  completeStep(ctx: TenantContext, step: string): Promise<SetupDto> {
    if (!isSetupStep(step)) return Promise.reject(notFound('setup step'));
    return inTenant(this.db, ctx, async (em) => {
      await em.query(`SELECT id FROM tenants WHERE id = $1 FOR UPDATE`, [ctx.tenant.id]);
      const { facts, tenant } = await loadSetupFacts(em, ctx.tenant.id, londonToday());
      const problems = setupStepProblems(step, facts);
      if (problems.length) throw invalid(problems);
      const done = SETUP_STEPS.filter((s) => s === step || tenant.setup_steps_done.includes(s));
      const [[updated]] = await em.query(
        `UPDATE tenants SET setup_steps_done = $2,
                setup_completed_at = CASE WHEN $3 THEN coalesce(setup_completed_at, now()) ELSE setup_completed_at END
         WHERE id = $1 RETURNING template, setup_steps_done, setup_completed_at`,
        [ctx.tenant.id, done, done.length === SETUP_STEPS.length],
      );
      return setupDto(updated, facts);
    });
  }

  private async takenAmong(slugs: string[]): Promise<Set<string>> {
    if (!slugs.length) return new Set();
    const rows: { slug: string }[] = await this.db.asPlatform({}, (em) => em.query(`SELECT slug FROM tenants WHERE slug = ANY($1)`, [slugs]));
    return new Set(rows.map((r) => r.slug));
  }
}

