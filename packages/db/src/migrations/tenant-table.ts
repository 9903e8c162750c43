import type { QueryRunner } from 'typeorm';

export interface ProtectTenantTablesOptions {
  /** Whether a table gets the `audit_row()` trigger (default: every table). Tables whose rows must not be traced to a person (secret ballot choices) answer false. */
  audited?: (table: string) => boolean;
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
