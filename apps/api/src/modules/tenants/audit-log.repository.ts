import { UnitOfWorkRepository } from '@partnerships/db';

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
  /** Newest first. */
  page(tenantId: string, page: { limit: number; offset: number }): Promise<AuditEntryRow[]> {
    return this.rows<AuditEntryRow>(
      `SELECT a.id, a.at, a.action, a.entity_table AS "entityTable", a.entity_id AS "entityId", u.email AS "actorEmail", a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE a.tenant_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2 OFFSET $3`,
      [tenantId, page.limit, page.offset],
    );
  }

  async count(tenantId: string): Promise<number> {
    const row = await this.one<{ total: number }>(`SELECT count(*)::int AS total FROM audit_log WHERE tenant_id = $1`, [tenantId]);
    return row!.total;
  }
}
