import { UnitOfWorkRepository } from '@partnerships/db';
import type { FeeSchedule, Phase } from '@partnerships/domain';

/** The member states that belong in a billing run's list (suspended ones are listed, and skipped with the reason). */
export const MEMBER_STATES_FOR_BILLING = ['active', 'notice-given', 'suspended'] as const;

/** One member as billing reads it (see `MemberForInvoice`). */
export interface MemberForBillingRow {
  membership_id: string;
  school_id: string;
  urn: string;
  name: string;
  phase: Phase;
  type: string;
  local_authority: string;
  postcode: string | null;
  status: string;
  category: string;
  fees_apply: boolean;
  joined_on: string | null;
  leaving_on: string | null;
  /** The school register's number of pupils. */
  register_pupils: number | null;
  /** The partnership's latest approved figure for its census month, if any (`choosePupilFigure` decides). */
  census: string | null;
  census_pupils: number | null;
  census_decided_at: string | null;
  /** The service level (tier) the school chose, if any (offers, issue 11). */
  service_level: string | null;
}

export interface ScheduleForBillingRow {
  id: string;
  version: number;
  document: FeeSchedule;
  period_label: string;
  period_start: string;
  period_end: string;
  status: string;
}

/** The school, membership and category a corrected pupil number is priced with. */
export interface MemberForCorrection {
  phase: Phase;
  type: string;
  category: string;
  service_level: string | null;
}

/** The school as printed in an invoice's "bill to". */
export interface SchoolToBill {
  id: string;
  urn: string;
  name: string;
  phase: Phase;
  localAuthority: string;
  postcode: string | null;
}

/**
 * What invoicing reads from aggregates it does not own (partnership, members, schools, fee
 * schedules, school people): read-only, and only the columns billing needs, so the bulk reads of
 * a billing run stay one statement each.
 */
export class BillingSourcesRepository extends UnitOfWorkRepository {
  /**
   * Members of the tenant (all in a billable state, or those listed), with what the pupil number
   * the partnership's fees use is chosen from, in one query: the latest approved figure for its
   * census month and the register's (the choice is `choosePupilFigure`'s).
   */
  membersForBilling(tenantId: string, censusMonth: string, membershipIds: string[] | null): Promise<MemberForBillingRow[]> {
    return this.rows<MemberForBillingRow>(
      `SELECT m.id AS membership_id, m.school_id, s.urn, s.name, s.phase, s.type, s.local_authority, s.postcode, m.status, m.category,
            coalesce(c.fees_apply, true) AS fees_apply, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, m.notice ->> 'leavingOn' AS leaving_on,
            s.pupils AS register_pupils, pc.census, pc.pupils AS census_pupils, to_char(pc.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS census_decided_at,
            m.service_level
     FROM memberships m JOIN schools s ON s.id = m.school_id
     LEFT JOIN membership_categories c ON c.tenant_id = m.tenant_id AND c.code = m.category
     LEFT JOIN LATERAL (
       SELECT p.census, p.pupils, p.decided_at FROM school_pupil_counts p
       WHERE p.tenant_id = m.tenant_id AND p.school_id = m.school_id AND p.status = 'approved' AND right(p.census, 2) = $2
       ORDER BY p.census DESC, p.decided_at DESC NULLS LAST LIMIT 1) pc ON true
     WHERE m.tenant_id = $1 AND ($3::uuid[] IS NULL OR m.id = ANY($3::uuid[])) AND ($3::uuid[] IS NOT NULL OR m.status = ANY($4::text[]))
     ORDER BY s.name, s.urn`,
      [tenantId, censusMonth, membershipIds, [...MEMBER_STATES_FOR_BILLING]],
    );
  }

  /** A fee schedule version by id (any status), with its period as ISO dates. */
  schedule(tenantId: string, scheduleId: string): Promise<ScheduleForBillingRow | null> {
    return this.one<ScheduleForBillingRow>(
      `SELECT id, version, document, period_label, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end, status
     FROM fee_schedules WHERE tenant_id = $1 AND id = $2`,
      [tenantId, scheduleId],
    );
  }

  /** A schedule's status, or null when there is no such schedule. */
  async scheduleStatus(tenantId: string, scheduleId: string): Promise<string | null> {
    const row = await this.one<{ status: string }>(`SELECT status FROM fee_schedules WHERE tenant_id = $1 AND id = $2`, [tenantId, scheduleId]);
    return row?.status ?? null;
  }

  /** The published schedules, latest period first. */
  async publishedSchedules(tenantId: string): Promise<{ id: string; periodLabel: string }[]> {
    const rows = await this.rows<{ id: string; period_label: string }>(
      `SELECT id, period_label FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_start DESC`,
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, periodLabel: r.period_label }));
  }

  /** The fee schedule document an invoice was priced with. */
  async scheduleDocument(scheduleId: string): Promise<FeeSchedule | null> {
    const schedule = await this.one<{ document: FeeSchedule }>(`SELECT document FROM fee_schedules WHERE id = $1`, [scheduleId]);
    return schedule?.document ?? null;
  }

  memberForCorrection(membershipId: string): Promise<MemberForCorrection | null> {
    return this.one<MemberForCorrection>(`SELECT s.phase, s.type, m.category, m.service_level FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.id = $1`, [membershipId]);
  }

  /** The partnership's name and contact details, as a seller. */
  async partnership(tenantId: string): Promise<{ name: string; contactEmail: string | null; website: string | null }> {
    const tenant = await this.one<{ name: string; contact_email: string | null; website: string | null }>(`SELECT name, contact_email, website FROM tenants WHERE id = $1`, [tenantId]);
    if (!tenant) throw new Error(`Partnership ${tenantId} was not found`);
    return { name: tenant.name, contactEmail: tenant.contact_email, website: tenant.website };
  }

  /** A school by id, as an invoice addresses it. */
  async schoolToBill(schoolId: string): Promise<SchoolToBill | null> {
    const row = await this.one<{ id: string; urn: string; name: string; phase: Phase; local_authority: string; postcode: string | null }>(
      `SELECT id, urn, name, phase, local_authority, postcode FROM schools WHERE id = $1`,
      [schoolId],
    );
    return row ? { id: row.id, urn: row.urn, name: row.name, phase: row.phase, localAuthority: row.local_authority, postcode: row.postcode ?? null } : null;
  }

  /** The partnership's membership of a school, if there is one. */
  async membershipOf(tenantId: string, membershipId: string): Promise<{ schoolId: string } | null> {
    const row = await this.one<{ school_id: string }>(`SELECT school_id FROM memberships WHERE tenant_id = $1 AND id = $2`, [tenantId, membershipId]);
    return row ? { schoolId: row.school_id } : null;
  }

  /** E-mail addresses of the school's people in a role, in order. */
  async schoolRoleEmails(schoolId: string, role: string): Promise<string[]> {
    const rows = await this.rows<{ email: string }>(`SELECT u.email FROM school_roles r JOIN users u ON u.id = r.user_id WHERE r.school_id = $1 AND r.role = $2 ORDER BY u.email`, [schoolId, role]);
    return rows.map((r) => r.email);
  }

  /** The contact named on the membership application, if any. */
  async applicationContactEmail(membershipId: string): Promise<string | null> {
    const membership = await this.one<{ email: string | null }>(`SELECT application -> 'contact' ->> 'email' AS email FROM memberships WHERE id = $1`, [membershipId]);
    return membership?.email ?? null;
  }

  /** Partnerships that are active (the sweep's list). */
  async activeTenantIds(): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(`SELECT id FROM tenants WHERE status = 'active' ORDER BY id`);
    return rows.map((r) => r.id);
  }
}
