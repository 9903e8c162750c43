import { hash } from '@node-rs/argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, DEMO_TENANTS, demoAdminEmail, demoHeadEmail } from './demo-data';
import { ARGON2_OPTIONS } from '../password-hashing';
import { DEMO_FEE_SCHEDULES } from './demo-fee-schedules';
import { seedDemoGovernance } from './governance/seed-demo-governance';
import { seedGeneralMeetings } from './seed-general-meetings';
import { seedReviews } from './seed-reviews';
import { seedImprovement } from './seed-improvement';
import { seedOffers } from './seed-offers';
import { seedEvents } from './seed-events';

export class DemoSeedRefusedError extends Error {
  constructor() {
    super('Demo data (with a published demo password) is refused in production mode');
  }
}

/**
 * Seed the demo partnerships, schools and people. Idempotent: rows are matched by
 * slug, e-mail and URN, so running it again changes nothing. Runs as the owner.
 */
export async function seedDemo(dataSource: DataSource, nodeEnv: string = process.env.NODE_ENV ?? 'development'): Promise<void> {
  if (nodeEnv === 'production') throw new DemoSeedRefusedError();
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  await dataSource.transaction(async (em) => {
    await upsertUser(em, DEMO_OPERATOR_EMAIL, 'Pat Operator', passwordHash, true);
    for (const tenant of DEMO_TENANTS) {
      const [{ id: tenantId }] = await em.query(
        `INSERT INTO tenants (slug, name, description, areas, legal_form, contact_email, listed, brand_colour, setup_steps_done, setup_completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, true, $7, '{details,calendar,categories,colleagues,plan}', now())
         ON CONFLICT (slug) DO UPDATE SET name = tenants.name RETURNING id`,
        [tenant.slug, tenant.name, tenant.description, [tenant.localAuthority], tenant.legalForm, `hello@${tenant.slug}.demo.test`, tenant.brandColour],
      );
      if (tenant.noticeRule) await em.query(`UPDATE tenants SET notice_rule = $2 WHERE id = $1 AND notice_rule IS NULL`, [tenantId, JSON.stringify(tenant.noticeRule)]);
      const adminId = await upsertUser(em, demoAdminEmail(tenant.slug), `${tenant.localAuthority} Admin`, passwordHash, false);
      await grantTenantRole(em, tenantId, adminId, 'tenant-admin');
      for (const person of tenant.staff) {
        const userId = await upsertUser(em, person.email, person.name, passwordHash, false);
        for (const role of person.roles) await grantTenantRole(em, tenantId, userId, role);
      }
      for (const school of tenant.schools) {
        const [{ id: schoolId }] = await em.query(
          `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode, sixth_form, opened_on, trust, federation, religious_character, diocese, district)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $5)
           ON CONFLICT (urn) DO UPDATE SET urn = schools.urn RETURNING id`,
          [
            school.urn, school.name, school.phase, school.type, tenant.localAuthority, school.pupils, school.postcode,
            school.facts?.sixthForm ?? null, school.facts?.openedOn ?? null, school.facts?.trust ?? null, school.facts?.federation ?? null,
            school.facts?.religiousCharacter ?? null, school.facts?.diocese ?? null,
          ],
        );
        await em.query(
          `INSERT INTO membership_categories (tenant_id, code, name, voting_rights, fees_apply, position)
           VALUES ($1, $2, $3, $4, true, $5) ON CONFLICT (tenant_id, code) DO NOTHING`,
          [tenantId, school.category, school.category === 'full' ? 'Full member' : 'Associate member', school.category === 'full', school.category === 'full' ? 0 : 1],
        );
        await em.query(
          `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on)
           VALUES ($1, $2, $3, 'active', '2025-09-01') ON CONFLICT (tenant_id, school_id) DO NOTHING`,
          [tenantId, schoolId, school.category],
        );
        const headId = await upsertUser(em, demoHeadEmail(school.urn), `Headteacher of ${school.name}`, passwordHash, false);
        await em.query(
          `INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, 'headteacher')
           ON CONFLICT (school_id, user_id, role) DO NOTHING`,
          [schoolId, headId],
        );
      }
      for (const { document, status } of DEMO_FEE_SCHEDULES[tenant.slug] ?? []) {
        await em.query(
          `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at, created_by, published_by)
           SELECT $1, $2, $3, $4, $5, $6, coalesce(max(version), 0) + 1, $7, $8, CASE WHEN $7 = 'published' THEN now() END, $9, CASE WHEN $7 = 'published' THEN $9::uuid END
           FROM fee_schedules WHERE tenant_id = $1 AND period_start = $4 AND period_end = $5
           HAVING NOT EXISTS (SELECT 1 FROM fee_schedules WHERE tenant_id = $1 AND name = $2 AND period_start = $4)`,
          [tenantId, document.name, document.period.kind, document.period.start, document.period.end, document.period.label, status, JSON.stringify(document), adminId],
        );
      }
    }
    // Tens of schools per partnership and their governance (issue 10). Test suites keep the small demo, whose
    // counts their assertions rely on; a suite that wants the full demo calls seedDemoGovernance itself.
    if (nodeEnv !== 'test') await seedDemoGovernance(em, passwordHash);
    if (nodeEnv !== 'test') await seedReviews(em, passwordHash); // peer review and a confidential review (issue 12); test suites call it themselves
    if (nodeEnv !== 'test') await seedImprovement(em); // data rounds, brokerage, schools causing concern, a draft annual report (issue 12); test suites call it themselves
    await seedGeneralMeetings(em);
    await seedOffers(em);
    await seedEvents(em);
  });
}

async function upsertUser(em: EntityManager, email: string, name: string, passwordHash: string, operator: boolean): Promise<string> {
  const [{ id }] = await em.query(
    `INSERT INTO users (email, name, password_hash, is_platform_operator, email_verified_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (email) DO UPDATE SET email = users.email RETURNING id`,
    [email, name, passwordHash, operator],
  );
  return id;
}

async function grantTenantRole(em: EntityManager, tenantId: string, userId: string, role: string): Promise<void> {
  await em.query(
    `INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, user_id, role) DO NOTHING`,
    [tenantId, userId, role],
  );
}

export { seedDemoGovernance, seedReviews, seedImprovement };
