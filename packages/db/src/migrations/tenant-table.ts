import type { QueryRunner } from 'typeorm';

export interface ProtectTenantTablesOptions {
  /** Whether a table gets the `audit_row()` trigger (default: every table). Tables whose rows must not be traced to a person (secret ballot choices) answer false. */
  audited?: (table: string) => boolean;
}

/**
 * How a tenant-owned table is born (ADR 0005, ADR 0007): ready to be distributed by partnership,
 * so its primary key, unique constraints and references to other tenant-owned tables all carry
 * tenant_id. `packages/db/test/distribution-keys.spec.ts` fails on a table that breaks this.
 *
 *   CREATE TABLE newsletter_reads (
 *     id uuid NOT NULL DEFAULT gen_random_uuid(),
 *     tenant_id uuid NOT NULL REFERENCES tenants(id),          -- tenants, users, schools: reference tables, one column
 *     newsletter_id uuid NOT NULL,
 *     school_id uuid NOT NULL REFERENCES schools(id),
 *     PRIMARY KEY (tenant_id, id),
 *     UNIQUE (tenant_id, newsletter_id, school_id),
 *     FOREIGN KEY (tenant_id, newsletter_id) REFERENCES newsletters (tenant_id, id) ON DELETE CASCADE)
 *
 * A nullable reference that is cleared with its target says which column: `ON DELETE SET NULL
 * (newsletter_id)`; plain `SET NULL` would clear tenant_id too and fail.
 */
export const TENANT_KEY = 'PRIMARY KEY (tenant_id, id)';

/** `FOREIGN KEY (tenant_id, <column>) REFERENCES <table> (tenant_id, id)`, optionally `ON DELETE …` (SET NULL names the column only). */
export function tenantReference(column: string, table: string, onDelete?: 'CASCADE' | 'RESTRICT' | 'SET NULL'): string {
  const action = onDelete === 'SET NULL' ? ` ON DELETE SET NULL (${column})` : onDelete ? ` ON DELETE ${onDelete}` : '';
  return `FOREIGN KEY (tenant_id, ${column}) REFERENCES ${table} (tenant_id, id)${action}`;
}

/**
 * The second wall for tables that belong to one tenant: row-level security enabled and forced, the
 * `<table>_isolation` policy (rows of the current `app.tenant_id` only, for reading and writing)
 * and, unless told otherwise, the `<table>_audit` trigger. Grants stay with each migration, since
 * which tables may be updated or deleted from differs table by table.
 */
export async function protectTenantTables(q: QueryRunner, tables: readonly string[], options: ProtectTenantTablesOptions = {}): Promise<void> {
  const audited = options.audited ?? (() => true);
  for (const table of tables) {
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY ${table}_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    if (audited(table)) {
      await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    }
  }
}
