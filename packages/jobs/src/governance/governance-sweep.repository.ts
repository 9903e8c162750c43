import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';

/** What the nightly governance sweep reads across partnerships: which ones to visit, and terms of reference due for review. */
export class GovernanceSweepRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager) {
    super(em);
  }

  /** Active partnerships (platform-level: the sweep then works inside each one). */
  activeTenants(): Promise<{ id: string; slug: string; name: string }[]> {
    return this.rows(`SELECT id, slug, name FROM tenants WHERE status = 'active' ORDER BY id`);
  }

  /** The latest terms of reference of each current body whose review is due by the day and not yet reminded (in the current tenant). */
  reviewsDue(tenantId: string, onDate: string): Promise<{ id: string; bodyName: string; version: number; reviewDueOn: string }[]> {
    return this.rows(
      `SELECT d.id, b.name AS "bodyName", d.version, to_char(d.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn"
       FROM body_documents d JOIN bodies b ON b.id = d.body_id AND b.archived_at IS NULL
       WHERE d.tenant_id = $1 AND d.review_due_on <= $2 AND d.review_reminded_at IS NULL
         AND d.version = (SELECT max(version) FROM body_documents x WHERE x.tenant_id = d.tenant_id AND x.body_id = d.body_id AND x.kind = d.kind)
       ORDER BY b.name`,
      [tenantId, onDate],
    );
  }

  async markReminded(tenantId: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.execute(`UPDATE body_documents SET review_reminded_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND review_reminded_at IS NULL RETURNING id`, [tenantId, documentIds]);
  }

  /** Who is reminded: the partnership's admins and officers. */
  managers(tenantId: string): Promise<{ userId: string; email: string; name: string }[]> {
    return this.rows(
      `SELECT DISTINCT u.id AS "userId", u.email, u.name FROM tenant_roles r JOIN users u ON u.id = r.user_id WHERE r.tenant_id = $1 AND r.role IN ('tenant-admin', 'officer') ORDER BY u.email`,
      [tenantId],
    );
  }
}
