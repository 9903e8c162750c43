import { Injectable } from '@nestjs/common';
import { Database, TenantRepository, UserRepository } from '@partnerships/db';
import {
  addDays,
  describeNoticeRule,
  DomainRefusal,
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
import { FeeScheduleRepository } from '../fee-schedules/fee-schedule.repository';
import { MembershipCategoryRepository } from '../memberships/membership-category.repository';
import { createStartingStructure } from '../governance/starting-structure';
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
    const verified = await this.db.asPlatform({ userId }, (em) => new UserRepository(em).isEmailVerified(userId));
    if (!verified) {
      throw new AppError('email_not_verified', 403, 'Please confirm your e-mail address first: follow the link we sent you when you signed up.');
    }
    this.limiter.attempt(tenantCreationKeys(ctx.ip, userId));

    const today = londonToday();
    // The trial's last day: today is its first of TRIAL_DAYS.
    const trialEndsAt = addDays(today, TRIAL_DAYS - 1);
    const template = dto.template as PartnershipTemplateCode;
    const setup = templateSetup(template, { name: dto.name, areas: dto.areas }, today);
    const checked = validateFeeSchedule(setup.feeSchedule);
    if (!checked.ok) throw new Error(`Template ${template} has an invalid fee schedule: ${checked.refusals.map((r) => r.message).join('; ')}`);

    try {
      return await this.db.asPlatform({ userId }, async (em) => {
        const tenants = new TenantRepository(em);
        const tenantId = await tenants.create({
          slug: dto.slug,
          name: dto.name,
          areas: dto.areas,
          legalForm: dto.legalForm,
          contactEmail: dto.contactEmail.toLowerCase(),
          contactPhone: dto.contactPhone ?? null,
          website: dto.website ?? null,
          inNationalAssociation: dto.inNationalAssociation,
          trialEndsAt,
          template,
          budgetYear: setup.budgetYear,
          noticeRule: setup.noticeRule,
          createdBy: userId,
        });
        // From here on the work is inside the new partnership, under its row-level security.
        await tenants.enter(tenantId);
        await tenants.grantRole(tenantId, userId, 'tenant-admin');
        const categories = new MembershipCategoryRepository(em, tenantId);
        for (const c of setup.categories) {
          const { code, ...fields } = c;
          await categories.create(code, fields);
        }
        for (const calendar of setup.calendars) await tenants.saveCalendar(tenantId, calendar.academicYearStart, calendar.halfTerms);
        await new FeeScheduleRepository(em, tenantId).createDraft(setup.feeSchedule, userId);
        await createStartingStructure(em, tenantId, setup.governance);
        const { facts, tenant } = await loadSetupFacts(em, tenantId, today);
        return { id: tenantId, slug: dto.slug, name: dto.name, template, roles: ['tenant-admin'], plan: 'trial', trialEndsAt, setup: setupDto(tenant, facts) };
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
      const tenants = new TenantRepository(em);
      await tenants.lockForUpdate(ctx.tenant.id);
      const { facts, tenant } = await loadSetupFacts(em, ctx.tenant.id, londonToday());
      const problems = setupStepProblems(step, facts);
      if (problems.length) throw new DomainRefusal(problems);
      const done = SETUP_STEPS.filter((s) => s === step || tenant.stepsDone.includes(s));
      return setupDto(await tenants.recordSetupSteps(ctx.tenant.id, done, done.length === SETUP_STEPS.length), facts);
    });
  }

  private async takenAmong(slugs: string[]): Promise<Set<string>> {
    if (!slugs.length) return new Set();
    return this.db.asPlatform({}, (em) => new TenantRepository(em).takenSlugs(slugs));
  }
}

