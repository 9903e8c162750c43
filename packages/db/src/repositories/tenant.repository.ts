import type { TenantRole } from '@partnerships/domain';
import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '../repository';

/** What the access guard and most features need to know about a partnership. */
export interface TenantRef {
  id: string;
  slug: string;
  name: string;
  status: string;
}

/** A partnership the public calculator may quote for. */
export interface ActiveTenant {
  id: string;
  name: string;
  areas: string[];
}

/** What a partnership's pages need on every visit. */
export interface TenantLook {
  brandColour: string | null;
  hasLogo: boolean;
  setupComplete: boolean;
}

/** A partnership's profile: what its public page and its settings both show. */
export interface TenantProfile {
  slug: string;
  name: string;
  description: string | null;
  areas: string[];
  legalForm: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  inNationalAssociation: boolean;
  brandColour: string | null;
  logoDataUrl: string | null;
}

/** The settings a partnership edits, as the API names them. */
export interface TenantSettings extends TenantProfile {
  listed: boolean;
  budgetYear: string;
  noticeRule: Record<string, unknown> | null;
  template: string | null;
  status: string;
}

export type EditableTenantSetting = Exclude<keyof TenantSettings, 'slug' | 'template' | 'status'>;

/** API field -> tenants column, for the settings a partnership edits. */
const SETTING_COLUMNS: Record<EditableTenantSetting, string> = {
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

/** The settings a partnership edits, in the order an UPDATE names them. */
export const EDITABLE_TENANT_SETTINGS = Object.keys(SETTING_COLUMNS) as EditableTenantSetting[];

const SETTINGS_SQL = `SELECT slug, name, description, areas, legal_form AS "legalForm", contact_email AS "contactEmail", contact_phone AS "contactPhone",
  website, listed, in_national_association AS "inNationalAssociation", budget_year AS "budgetYear", brand_colour AS "brandColour",
  logo_data_url AS "logoDataUrl", notice_rule AS "noticeRule", template, status FROM tenants WHERE id = $1`;

/** A new partnership, as onboarding creates it (on a trial, unlisted). */
export interface NewTenant {
  slug: string;
  name: string;
  areas: string[];
  legalForm: string;
  contactEmail: string;
  contactPhone: string | null;
  website: string | null;
  inNationalAssociation: boolean;
  trialEndsAt: string;
  template: string;
  budgetYear: string;
  noticeRule: unknown;
  createdBy: string;
}

/** Where the setup wizard stands. */
export interface TenantSetupState {
  template: string | null;
  stepsDone: string[];
  completedAt: Date | null;
}

/** What the setup wizard's steps check about the partnership itself. */
export interface TenantSetupDetails extends TenantSetupState {
  name: string;
  description: string | null;
  areas: string[];
  legalForm: string | null;
  contactEmail: string | null;
  plan: string;
  trialEndsAt: string | null;
  createdBy: string | null;
}

/** The platform plan and the trial's last day (YYYY-MM-DD). */
export interface TenantPlanState {
  plan: string;
  trialEndsAt: string | null;
}

/** One academic year's saved term dates. Half terms are `{ name, start, end }` (YYYY-MM-DD). */
export interface SavedCalendar<H = unknown> {
  year: number;
  halfTerms: H[];
  updatedAt: Date;
}

/** Someone with a role in the partnership, and all their roles there. */
export interface TenantPerson {
  userId: string;
  email: string;
  name: string;
  roles: TenantRole[];
}

export interface PersonContact {
  name: string;
  email: string;
}

interface SetupRow {
  template: string | null;
  setup_steps_done: string[];
  setup_completed_at: Date | null;
}

const toSetupState = (row: SetupRow): TenantSetupState => ({ template: row.template, stepsDone: row.setup_steps_done, completedAt: row.setup_completed_at });

/**
 * Partnerships (platform-level rows), their term dates (`tenant_calendars`) and who holds which
 * role in them (`tenant_roles`). Many features read a partnership: each method says what for.
 */
export class TenantRepository extends UnitOfWorkRepository {
  // ---- finding a partnership

  findBySlug(slug: string): Promise<TenantRef | null> {
    return this.one<TenantRef>(`SELECT id, slug, name, status FROM tenants WHERE slug = $1`, [slug]);
  }

  /** Its address and name, e.g. for "you have joined Redbridge". */
  findSlugAndName(id: string): Promise<{ slug: string; name: string } | null> {
    return this.one<{ slug: string; name: string }>(`SELECT slug, name FROM tenants WHERE id = $1`, [id]);
  }

  /** Active partnerships only (suspended ones are not quoted for). */
  async findActiveBySlug(slug: string): Promise<ActiveTenant | null> {
    const row = await this.one<{ id: string; name: string; areas: string[] | null }>(`SELECT id, name, areas FROM tenants WHERE slug = $1 AND status = 'active'`, [slug]);
    return row ? { id: row.id, name: row.name, areas: row.areas ?? [] } : null;
  }

  /** Which of these slugs are taken. */
  async takenSlugs(slugs: string[]): Promise<Set<string>> {
    if (!slugs.length) return new Set();
    const rows = await this.rows<{ slug: string }>(`SELECT slug FROM tenants WHERE slug = ANY($1)`, [slugs]);
    return new Set(rows.map((r) => r.slug));
  }

  async lockForUpdate(id: string): Promise<void> {
    await this.execute(`SELECT id FROM tenants WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Locked for a status change (suspension). */
  lockBySlug(slug: string): Promise<{ id: string; status: string } | null> {
    return this.one<{ id: string; status: string }>(`SELECT id, status FROM tenants WHERE slug = $1 FOR UPDATE`, [slug]);
  }

  // ---- roles

  /** The user's roles in the partnership, sorted; none means no access. */
  async rolesOf(tenantId: string, userId: string): Promise<TenantRole[]> {
    const rows = await this.rows<{ role: TenantRole }>(`SELECT role FROM tenant_roles WHERE tenant_id = $1 AND user_id = $2 ORDER BY role`, [tenantId, userId]);
    return rows.map((r) => r.role);
  }

  /** Gives the user a role in the partnership; having it already changes nothing. */
  async grantRole(tenantId: string, userId: string, role: TenantRole): Promise<void> {
    await this.execute(`INSERT INTO tenant_roles (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, user_id, role) DO NOTHING`, [tenantId, userId, role]);
  }

  /** The partnership's admins, for e-mails that need a person to act. */
  adminContacts(tenantId: string): Promise<PersonContact[]> {
    return this.rows<PersonContact>(
      `SELECT DISTINCT u.email, u.name FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1 AND r.role = 'tenant-admin' ORDER BY u.email`,
      [tenantId],
    );
  }

  /** The people with a role there, by name, each with all their roles. */
  peoplePage(tenantId: string, page: PageWindow): Promise<PagedRows<TenantPerson>> {
    return this.pageRows<TenantPerson>(
      `SELECT ${PAGE_TOTAL}, u.id AS "userId", u.email, u.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1
         GROUP BY u.id, u.email, u.name ORDER BY u.name`,
      [tenantId],
      page,
    );
  }

  /** Everyone with a role there apart from the given person (the creator): has the admin brought in colleagues? */
  async countPeopleOtherThan(tenantId: string, userId: string | null): Promise<number> {
    const row = await this.one<{ n: number }>(`SELECT count(DISTINCT user_id)::int AS n FROM tenant_roles WHERE tenant_id = $1 AND user_id IS DISTINCT FROM $2`, [tenantId, userId]);
    return row!.n;
  }

  // ---- creating one (onboarding)

  async create(tenant: NewTenant): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO tenants (slug, name, areas, legal_form, contact_email, contact_phone, website, in_national_association,
                                listed, plan, trial_ends_at, template, budget_year, notice_rule, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, 'trial', $9, $10, $11, $12, $13) RETURNING id`,
      [tenant.slug, tenant.name, tenant.areas, tenant.legalForm, tenant.contactEmail, tenant.contactPhone, tenant.website,
        tenant.inNationalAssociation, tenant.trialEndsAt, tenant.template, tenant.budgetYear, JSON.stringify(tenant.noticeRule), tenant.createdBy],
    );
    return row!.id;
  }

  /** From here on this unit of work is inside the partnership, under its row-level security. */
  async enter(tenantId: string): Promise<void> {
    await this.execute(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  }

  // ---- the partnership's own pages and settings

  look(id: string): Promise<TenantLook | null> {
    return this.one<TenantLook>(
      `SELECT brand_colour AS "brandColour", logo_data_url IS NOT NULL AS "hasLogo", setup_completed_at IS NOT NULL AS "setupComplete"
         FROM tenants WHERE id = $1`,
      [id],
    );
  }

  settings(id: string): Promise<TenantSettings | null> {
    return this.one<TenantSettings>(SETTINGS_SQL, [id]);
  }

  /** Writes only the given settings (values as stored: the notice rule as JSON text), in one UPDATE, so the audit trigger records just those. */
  async updateSettings(id: string, changes: [EditableTenantSetting, unknown][]): Promise<void> {
    if (!changes.length) return;
    const sets = changes.map(([field], i) => `${SETTING_COLUMNS[field]} = $${i + 2}`).join(', ');
    await this.execute(`UPDATE tenants SET ${sets} WHERE id = $1`, [id, ...changes.map(([, value]) => value)]);
  }

  async budgetYear(id: string): Promise<string> {
    const row = await this.one<{ budget_year: string }>(`SELECT budget_year FROM tenants WHERE id = $1`, [id]);
    return row!.budget_year;
  }

  /** The partnership's notice rule (JSON as saved), or null when it has none. */
  async noticeRule(id: string): Promise<unknown> {
    const row = await this.one<{ notice_rule: unknown }>(`SELECT notice_rule FROM tenants WHERE id = $1`, [id]);
    return row?.notice_rule ?? null;
  }

  plan(id: string): Promise<TenantPlanState | null> {
    return this.one<TenantPlanState>(`SELECT plan, to_char(trial_ends_at, 'YYYY-MM-DD') AS "trialEndsAt" FROM tenants WHERE id = $1`, [id]);
  }

  async setPlan(id: string, plan: string): Promise<void> {
    await this.execute(`UPDATE tenants SET plan = $2 WHERE id = $1`, [id, plan]);
  }

  /** Member schools as the rest of the product counts them: everyone not gone and not merely interested. */
  async memberSchoolCount(id: string): Promise<number> {
    const row = await this.one<{ n: number }>(`SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND status NOT IN ('left', 'prospect')`, [id]);
    return row!.n;
  }

  // ---- the setup wizard

  async setupDetails(id: string): Promise<TenantSetupDetails | null> {
    const row = await this.one<SetupRow & {
      name: string; description: string | null; areas: string[]; legal_form: string | null; contact_email: string | null;
      plan: string; trial_ends_at: string | null; created_by: string | null;
    }>(
      `SELECT name, description, areas, legal_form, contact_email, plan, to_char(trial_ends_at, 'YYYY-MM-DD') AS trial_ends_at,
            template, setup_steps_done, setup_completed_at, created_by
     FROM tenants WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      ...toSetupState(row),
      name: row.name,
      description: row.description,
      areas: row.areas,
      legalForm: row.legal_form,
      contactEmail: row.contact_email,
      plan: row.plan,
      trialEndsAt: row.trial_ends_at,
      createdBy: row.created_by,
    };
  }

  /** Saves which steps are done; the first time all are, the setup is complete (and stays so). */
  async recordSetupSteps(id: string, done: string[], allDone: boolean): Promise<TenantSetupState> {
    // UPDATE ... RETURNING answers [rows, count].
    const [[row]] = (await this.em.query(
      `UPDATE tenants SET setup_steps_done = $2,
                setup_completed_at = CASE WHEN $3 THEN coalesce(setup_completed_at, now()) ELSE setup_completed_at END
         WHERE id = $1 RETURNING template, setup_steps_done, setup_completed_at`,
      [id, done, allDone],
    )) as [[SetupRow], number];
    return toSetupState(row);
  }

  // ---- term dates

  /** Saved academic years (all, or only the one starting in September of `onlyYear`). */
  async calendars<H = unknown>(tenantId: string, onlyYear?: number): Promise<SavedCalendar<H>[]> {
    const rows = await this.rows<{ year: number; half_terms: H[]; updated_at: Date }>(
      `SELECT extract(year FROM academic_year_start)::int AS year, half_terms, updated_at FROM tenant_calendars
       WHERE tenant_id = $1 AND ($2::int IS NULL OR academic_year_start = make_date($2::int, 9, 1))`,
      [tenantId, onlyYear ?? null],
    );
    return rows.map((r) => ({ year: r.year, halfTerms: r.half_terms, updatedAt: r.updated_at }));
  }

  /** Saves one academic year's half terms; the same dates again write nothing (and audit nothing). */
  async saveCalendar(tenantId: string, startYear: number, halfTerms: unknown[]): Promise<void> {
    await this.execute(
      `INSERT INTO tenant_calendars (tenant_id, academic_year_start, half_terms) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, academic_year_start) DO UPDATE SET half_terms = EXCLUDED.half_terms, updated_at = now()
         WHERE tenant_calendars.half_terms IS DISTINCT FROM EXCLUDED.half_terms`,
      [tenantId, `${startYear}-09-01`, JSON.stringify(halfTerms)],
    );
  }

  // ---- what member schools see and the membership settings

  /** Which census (october, january or may) the partnership's fees take pupil numbers from. */
  async feeCensus(id: string): Promise<string | null> {
    const row = await this.one<{ fee_census: string }>(`SELECT fee_census FROM tenants WHERE id = $1`, [id]);
    return row?.fee_census ?? null;
  }

  /** Writes only a real change, so the audit log records nothing otherwise. */
  async setFeeCensus(id: string, census: string): Promise<void> {
    await this.execute(`UPDATE tenants SET fee_census = $2 WHERE id = $1 AND fee_census IS DISTINCT FROM $2`, [id, census]);
  }

  /** How a member school reaches the partnership. */
  publicContact(id: string): Promise<{ contactEmail: string | null; contactPhone: string | null; website: string | null } | null> {
    return this.one(`SELECT contact_email AS "contactEmail", contact_phone AS "contactPhone", website FROM tenants WHERE id = $1`, [id]);
  }

  /** The partnership's admins as a member school's page lists them, by name. */
  adminContactsByName(tenantId: string): Promise<PersonContact[]> {
    return this.rows<PersonContact>(
      `SELECT DISTINCT u.name, u.email FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1 AND r.role = 'tenant-admin' ORDER BY u.name`,
      [tenantId],
    );
  }

  // ---- the platform operator

  async suspend(id: string, reason: string): Promise<void> {
    await this.execute(`UPDATE tenants SET status = 'suspended', suspended_at = now(), suspended_reason = $2 WHERE id = $1`, [id, reason]);
  }

  async reinstate(id: string): Promise<void> {
    await this.execute(`UPDATE tenants SET status = 'active', suspended_at = NULL, suspended_reason = NULL WHERE id = $1`, [id]);
  }
}
