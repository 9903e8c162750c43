import type { EntityManager } from '@partnerships/db';
import { type HalfTerm, type SetupFacts, SETUP_STEPS, setupProgress } from '@partnerships/domain';
import type { SetupDto } from './onboarding.dto';

/** Member schools as the rest of the product counts them: everyone not gone and not merely interested. */
export const MEMBER_COUNT_SQL = `SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND status NOT IN ('left', 'prospect')`;

export interface TenantSetupRow {
  template: string | null;
  setup_steps_done: string[];
  setup_completed_at: Date | null;
}

/** Everything the setup steps check, read in the tenant's unit of work. */
export async function loadSetupFacts(em: EntityManager, tenantId: string, today: string): Promise<{ facts: SetupFacts; tenant: TenantSetupRow }> {
  const [tenant] = await em.query(
    `SELECT name, description, areas, legal_form, contact_email, plan, to_char(trial_ends_at, 'YYYY-MM-DD') AS trial_ends_at,
            template, setup_steps_done, setup_completed_at, created_by
     FROM tenants WHERE id = $1`,
    [tenantId],
  );
  const calendars: { year: number; half_terms: HalfTerm[] }[] = await em.query(
    `SELECT extract(year FROM academic_year_start)::int AS year, half_terms FROM tenant_calendars WHERE tenant_id = $1`,
    [tenantId],
  );
  const [{ n: categories }] = await em.query(`SELECT count(*)::int AS n FROM membership_categories WHERE tenant_id = $1 AND archived_at IS NULL`, [tenantId]);
  const [{ n: invitations }] = await em.query(`SELECT count(*)::int AS n FROM invitations WHERE tenant_id = $1`, [tenantId]);
  const [{ n: others }] = await em.query(
    `SELECT count(DISTINCT user_id)::int AS n FROM tenant_roles WHERE tenant_id = $1 AND user_id IS DISTINCT FROM $2`,
    [tenantId, tenant.created_by],
  );
  const [{ n: memberSchools }] = await em.query(MEMBER_COUNT_SQL, [tenantId]);
  return {
    tenant,
    facts: {
      today,
      details: { name: tenant.name, description: tenant.description, areas: tenant.areas, legalForm: tenant.legal_form, contactEmail: tenant.contact_email },
      calendars: calendars.map((c) => ({ academicYearStart: c.year, halfTerms: c.half_terms })),
      categories,
      colleagues: { invitations, others },
      plan: { plan: tenant.plan, trialEndsOn: tenant.trial_ends_at, memberSchools },
    },
  };
}

export function setupDto(tenant: TenantSetupRow, facts: SetupFacts): SetupDto {
  const progress = setupProgress(tenant.setup_steps_done, facts);
  return {
    template: tenant.template,
    steps: progress.steps,
    next: progress.next,
    doneCount: progress.doneCount,
    totalSteps: SETUP_STEPS.length,
    complete: progress.complete,
    completedAt: tenant.setup_completed_at?.toISOString() ?? null,
  };
}
