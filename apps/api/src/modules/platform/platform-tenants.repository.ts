import { UnitOfWorkRepository } from '@partnerships/db';

/** A partnership as the platform operator's list shows it. */
export interface PlatformTenantRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  plan: string;
  trialEndsAt: string | null;
  template: string | null;
  setupStepsDone: string[];
  setupCompletedAt: Date | null;
  /** Member schools, counted by the owner-run `tenant_member_counts()` (the operator cannot read memberships). */
  memberCount: number;
  listed: boolean;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  createdByEmail: string | null;
  createdAt: Date;
}

const TENANT_SQL = `SELECT t.id, t.slug, t.name, t.status, t.plan, to_char(t.trial_ends_at, 'YYYY-MM-DD') AS "trialEndsAt", t.template,
    t.setup_steps_done AS "setupStepsDone", t.setup_completed_at AS "setupCompletedAt", coalesce(c.members, 0) AS "memberCount",
    t.listed, t.suspended_at AS "suspendedAt", t.suspended_reason AS "suspendedReason", u.email AS "createdByEmail", t.created_at AS "createdAt"
  FROM tenants t LEFT JOIN tenant_member_counts() c ON c.tenant_id = t.id LEFT JOIN users u ON u.id = t.created_by`;

/** Read model: the platform operator's view of every partnership. */
export class PlatformTenantsRepository extends UnitOfWorkRepository {
  /** Every partnership, by name. */
  all(): Promise<PlatformTenantRow[]> {
    return this.rows<PlatformTenantRow>(`${TENANT_SQL} ORDER BY t.name`);
  }

  find(id: string): Promise<PlatformTenantRow | null> {
    return this.one<PlatformTenantRow>(`${TENANT_SQL} WHERE t.id = $1`, [id]);
  }
}
