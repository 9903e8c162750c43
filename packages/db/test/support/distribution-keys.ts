/**
 * Citus's rules for tables distributed by `tenant_id` (ADR 0007, docs/scaling.md), checked against
 * the live catalogue. `readCatalogue()` reads one schema; `distributionKeyProblems()` is a pure
 * function of what it read, so a fixture can show each rule being caught.
 *
 * A tenant-owned table is one with row-level security and a `tenant_id` column. For each:
 * - `tenant_id` is NOT NULL (Citus cannot place a row whose distribution column is NULL);
 * - its primary key includes `tenant_id`;
 * - every unique constraint and unique index includes `tenant_id`;
 * - every foreign key that points at a tenant-owned table (from any table) pairs `tenant_id`
 *   with `tenant_id`: `(tenant_id, x_id) REFERENCES other (tenant_id, id)`, so the rows it joins
 *   live on the same shard.
 * Tables that mix platform and tenant rows (a nullable `tenant_id`) are named in `mixed` with the
 * reason; they stay on the coordinator (docs/scaling.md) and only the foreign-key rule applies.
 */

export interface CatalogueTable {
  name: string;
  rowSecurity: boolean;
  /** null when the table has no tenant_id column. */
  tenantIdNotNull: boolean | null;
}

export interface CatalogueKey {
  table: string;
  name: string;
  kind: 'primary key' | 'unique constraint' | 'unique index';
  /** Columns in order; an expression is printed as PostgreSQL prints it. */
  columns: string[];
}

export interface CatalogueForeignKey {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
}

export interface Catalogue {
  tables: CatalogueTable[];
  keys: CatalogueKey[];
  foreignKeys: CatalogueForeignKey[];
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The tables, primary keys, unique constraints and indexes, and foreign keys of one schema. */
export async function readCatalogue(query: Query, schema = 'public'): Promise<Catalogue> {
  const tables = (await query(
    `SELECT c.relname AS name, c.relrowsecurity AS "rowSecurity", a.attnotnull AS "tenantIdNotNull"
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema],
  )) as CatalogueTable[];
  const keys = (await query(
    `SELECT c.relname AS "table", coalesce(k.conname, i.relname) AS name,
            CASE WHEN x.indisprimary THEN 'primary key' WHEN k.conname IS NOT NULL THEN 'unique constraint' ELSE 'unique index' END AS kind,
            array_to_json(array(SELECT coalesce(a.attname, pg_get_indexdef(x.indexrelid, u.o::int, true))
                                FROM unnest(x.indkey) WITH ORDINALITY u(attnum, o)
                                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum AND u.attnum > 0
                                ORDER BY u.o)) AS columns
     FROM pg_index x
     JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u')
     WHERE n.nspname = $1 AND x.indisunique ORDER BY 1, 2`,
    [schema],
  )) as CatalogueKey[];
  const foreignKeys = (await query(
    `SELECT r.relname AS "table", k.conname AS name, t.relname AS target,
            array_to_json(array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o)) AS columns,
            array_to_json(array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)) AS "targetColumns"
     FROM pg_constraint k
     JOIN pg_class r ON r.oid = k.conrelid
     JOIN pg_class t ON t.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = r.relnamespace
     WHERE n.nspname = $1 AND k.contype = 'f' ORDER BY 1, 2`,
    [schema],
  )) as CatalogueForeignKey[];
  return { tables, keys, foreignKeys };
}

/** Every break of the rules above, one sentence each naming the table and the constraint. */
export function distributionKeyProblems(catalogue: Catalogue, mixed: ReadonlyMap<string, string> = new Map()): string[] {
  const problems: string[] = [];
  const tenantOwned = new Set<string>();
  for (const table of catalogue.tables) {
    if (table.tenantIdNotNull === null) continue;
    if (mixed.has(table.name)) continue;
    if (!table.rowSecurity) problems.push(`${table.name}: has tenant_id but no row-level security (protectTenantTables in tenant-table.ts), so it is neither tenant-owned nor platform`);
    else if (!table.tenantIdNotNull) problems.push(`${table.name}: tenant_id is nullable; a table distributed by tenant_id needs it NOT NULL`);
    tenantOwned.add(table.name);
  }
  for (const name of mixed.keys()) {
    if (!catalogue.tables.some((t) => t.name === name && t.tenantIdNotNull === false)) problems.push(`${name}: listed as a mixed platform/tenant table, but it has no nullable tenant_id (take it off the list)`);
  }

  for (const table of tenantOwned) {
    if (!catalogue.keys.some((k) => k.table === table && k.kind === 'primary key')) problems.push(`${table}: has no primary key; it needs PRIMARY KEY (tenant_id, id)`);
  }
  for (const key of catalogue.keys) {
    if (!tenantOwned.has(key.table) || key.columns.includes('tenant_id')) continue;
    const wanted = key.kind === 'primary key' ? `PRIMARY KEY (tenant_id, ${key.columns.join(', ')})` : `(tenant_id, ${key.columns.join(', ')})`;
    problems.push(`${key.table}: ${key.kind} ${key.name} (${key.columns.join(', ')}) does not include tenant_id; make it ${wanted}`);
  }
  for (const fk of catalogue.foreignKeys) {
    if (!tenantOwned.has(fk.target)) continue;
    const at = fk.columns.indexOf('tenant_id');
    if (at < 0 || fk.targetColumns[at] !== 'tenant_id') {
      const others = fk.columns.filter((c) => c !== 'tenant_id');
      const targets = fk.targetColumns.filter((c) => c !== 'tenant_id');
      problems.push(
        `${fk.table}: foreign key ${fk.name} (${fk.columns.join(', ')}) -> ${fk.target} (${fk.targetColumns.join(', ')}) does not pair tenant_id with tenant_id; make it (tenant_id, ${others.join(', ')}) REFERENCES ${fk.target} (tenant_id, ${targets.join(', ')})`,
      );
    }
  }
  return problems;
}
