import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';

/** One change the audit trigger recorded, with who made it. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  action: string;
  entityTable: string;
  entityId: string | null;
  actorEmail: string | null;
  detail: unknown;
}

/** The partnership's audit log (written only by the `audit_row()` trigger; read here). */
export class AuditLogRepository extends UnitOfWorkRepository {
  /** Newest first, with how many entries there are. */
  page(tenantId: string, page: PageWindow): Promise<PagedRows<AuditEntryRow>> {
    return this.pageRows<AuditEntryRow>(
      `SELECT ${PAGE_TOTAL}, a.id, a.at, a.action, a.entity_table AS "entityTable", a.entity_id AS "entityId", u.email AS "actorEmail", a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.tenant_id = $1 ORDER BY a.at DESC, a.id DESC`,
      [tenantId],
      page,
    );
  }
}
