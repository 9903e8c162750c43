import { type EntityManager, TenantRepository, type TenantSetupState } from '@partnerships/db';
import { type HalfTerm, type SetupFacts, SETUP_STEPS, setupProgress } from '@partnerships/domain';
import { InvitationRepository } from '../auth/invitation.repository';
import { MembershipCategoryRepository } from '../memberships/membership-category.repository';
import type { SetupDto } from './onboarding.dto';

/** Everything the setup steps check, read in the tenant's unit of work. */
export async function loadSetupFacts(em: EntityManager, tenantId: string, today: string): Promise<{ facts: SetupFacts; tenant: TenantSetupState }> {
  const tenants = new TenantRepository(em);
  const tenant = (await tenants.setupDetails(tenantId))!;
  const calendars = await tenants.calendars<HalfTerm>(tenantId);
  const categories = (await new MembershipCategoryRepository(em, tenantId).listCurrentRules()).length;
  const invitations = await new InvitationRepository(em).count(tenantId);
  const others = await tenants.countPeopleOtherThan(tenantId, tenant.createdBy);
  const memberSchools = await tenants.memberSchoolCount(tenantId);
  return {
    tenant,
    facts: {
      today,
      details: { name: tenant.name, description: tenant.description, areas: tenant.areas, legalForm: tenant.legalForm, contactEmail: tenant.contactEmail },
      calendars: calendars.map((c) => ({ academicYearStart: c.year, halfTerms: c.halfTerms })),
      categories,
      colleagues: { invitations, others },
      plan: { plan: tenant.plan, trialEndsOn: tenant.trialEndsAt, memberSchools },
    },
  };
}

export function setupDto(tenant: TenantSetupState, facts: SetupFacts): SetupDto {
  const progress = setupProgress(tenant.stepsDone, facts);
  return {
    template: tenant.template,
    // Each problem as {field, message}, as the SetupStep schema publishes it.
    steps: progress.steps.map((s) => ({ ...s, problems: s.problems.map(({ field, message }) => ({ field, message })) })),
    next: progress.next,
    doneCount: progress.doneCount,
    totalSteps: SETUP_STEPS.length,
    complete: progress.complete,
    completedAt: tenant.completedAt?.toISOString() ?? null,
  };
}
