import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, keys that a distributed database (Citus) accepts (ADR 0007, docs/scaling.md).
 *
 * Citus shards a table by one column and requires every primary key, unique constraint and
 * foreign key of a distributed table to include it. Partnerships' rows are to be distributed by
 * `tenant_id`, so for every tenant-owned table (row-level security on, `tenant_id NOT NULL`):
 * - the primary key becomes `(tenant_id, <old key>)` (same constraint name);
 * - every unique constraint or unique index without `tenant_id` gets it as its first column;
 * - every foreign key that points at a tenant-owned table becomes
 *   `(tenant_id, x_id) REFERENCES other (tenant_id, id)`, with the same name and the same
 *   ON DELETE / ON UPDATE actions; ON DELETE SET NULL / SET DEFAULT name only the old columns
 *   (`ON DELETE SET NULL (x_id)`, PostgreSQL 15+), so tenant_id is never nulled. Nullable
 *   x_id columns keep working: a composite key is MATCH SIMPLE, unchecked while x_id is NULL.
 * Foreign keys to `tenants(id)`, `users(id)` and `schools(id)` stay: those are reference tables.
 *
 * The migration walks the catalogue rather than naming ~100 tables, so every table created by an
 * earlier migration is rewritten the same way; tables created after it are born with these keys
 * (ADR 0005, tenant-table.ts) and packages/db/test/distribution-keys.spec.ts keeps them so.
 */

interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  onDelete: string;
  onUpdate: string;
  deferrable: boolean;
  deferred: boolean;
}

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const list = (names: string[]) => names.map(quote).join(', ');

/** Tenant-owned tables: in public, row-level security enabled, a NOT NULL tenant_id column. */
const TENANT_TABLES_SQL = `
  SELECT c.oid, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped AND a.attnotnull
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity`;

export class CitusReadyKeys1765100000000 implements MigrationInterface {
  name = 'CitusReadyKeys1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const foreignKeys = (await q.query(
      `WITH tenant_tables AS (${TENANT_TABLES_SQL})
       SELECT r.relname AS "table", k.conname AS name, t.relname AS target,
              array_to_json(array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o)) AS columns,
              array_to_json(array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)) AS "targetColumns",
              k.confdeltype AS "onDelete", k.confupdtype AS "onUpdate", k.condeferrable AS deferrable, k.condeferred AS deferred
       FROM pg_constraint k
       JOIN pg_class r ON r.oid = k.conrelid
       JOIN pg_class t ON t.oid = k.confrelid
       WHERE k.contype = 'f' AND k.confrelid IN (SELECT oid FROM tenant_tables)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.confrelid AND a.attnum = ANY (k.confkey) AND a.attname = 'tenant_id')
       ORDER BY r.relname, k.conname`,
    )) as ForeignKey[];

    const tenantColumn = new Set(
      ((await q.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      )) as { name: string }[]).map((t) => t.name),
    );
    for (const fk of foreignKeys) {
      if (!tenantColumn.has(fk.table)) throw new Error(`${fk.table}.${fk.name} points at tenant-owned ${fk.target} but ${fk.table} has no tenant_id column`);
      if (fk.columns.includes('tenant_id')) throw new Error(`${fk.table}.${fk.name} uses tenant_id against another column of ${fk.target}`);
      if (fk.onUpdate === 'n' || fk.onUpdate === 'd') throw new Error(`${fk.table}.${fk.name}: ON UPDATE SET NULL/DEFAULT cannot name columns; rewrite it by hand`);
    }

    // 1. The foreign keys that depend on the old keys go first.
    for (const fk of foreignKeys) await q.query(`ALTER TABLE ${quote(fk.table)} DROP CONSTRAINT ${quote(fk.name)}`);

    // 2. Primary keys without tenant_id become (tenant_id, <old key>), keeping their names.
    const primaryKeys = (await q.query(
      `WITH tenant_tables AS (${TENANT_TABLES_SQL})
       SELECT t.name AS "table", k.conname AS name,
              array_to_json(array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o)) AS columns
       FROM tenant_tables t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'p'
       ORDER BY t.name`,
    )) as { table: string; name: string; columns: string[] }[];
    for (const pk of primaryKeys.filter((p) => !p.columns.includes('tenant_id'))) {
      await q.query(`ALTER TABLE ${quote(pk.table)} DROP CONSTRAINT ${quote(pk.name)}, ADD CONSTRAINT ${quote(pk.name)} PRIMARY KEY (tenant_id, ${list(pk.columns)})`);
    }

    // 3. Unique constraints and unique indexes without tenant_id get it as their first column.
    const uniques = (await q.query(
      `WITH tenant_tables AS (${TENANT_TABLES_SQL})
       SELECT t.name AS "table", i.relname AS index, k.conname AS "constraint", pg_get_indexdef(x.indexrelid) AS definition,
              array_to_json(array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n ORDER BY u.o)) AS columns
       FROM tenant_tables t
       JOIN pg_index x ON x.indrelid = t.oid AND x.indisunique AND NOT x.indisprimary
       JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.contype = 'u'
       WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey) AND a.attname = 'tenant_id')
       ORDER BY t.name, i.relname`,
    )) as { table: string; index: string; constraint: string | null; definition: string; columns: string[] }[];
    for (const u of uniques) {
      if (u.constraint) {
        await q.query(`ALTER TABLE ${quote(u.table)} DROP CONSTRAINT ${quote(u.constraint)}, ADD CONSTRAINT ${quote(u.constraint)} UNIQUE (tenant_id, ${list(u.columns)})`);
      } else {
        const definition = u.definition.replace(/ USING (\w+) \(/, ' USING $1 (tenant_id, ');
        if (definition === u.definition) throw new Error(`${u.table}.${u.index}: cannot add tenant_id to ${u.definition}`);
        await q.query(`DROP INDEX ${quote(u.index)}`);
        await q.query(definition);
      }
    }

    // 4. The foreign keys again, as (tenant_id, x_id) -> (tenant_id, id), with their old actions.
    for (const fk of foreignKeys) {
      const setColumns = fk.onDelete === 'n' || fk.onDelete === 'd' ? ` (${list(fk.columns)})` : '';
      await q.query(
        `ALTER TABLE ${quote(fk.table)} ADD CONSTRAINT ${quote(fk.name)} FOREIGN KEY (tenant_id, ${list(fk.columns)})
         REFERENCES ${quote(fk.target)} (tenant_id, ${list(fk.targetColumns)})
         ON DELETE ${ACTIONS[fk.onDelete]}${setColumns} ON UPDATE ${ACTIONS[fk.onUpdate]}
         ${fk.deferrable ? `DEFERRABLE INITIALLY ${fk.deferred ? 'DEFERRED' : 'IMMEDIATE'}` : ''}`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The reverse walk: composite foreign keys lose tenant_id, (tenant_id, …) primary keys lose it
    // (except billing_counters, whose key was always (tenant_id, series)), and the three unique
    // constraints that were global become global again.
    const foreignKeys = (await q.query(
      `WITH tenant_tables AS (${TENANT_TABLES_SQL})
       SELECT r.relname AS "table", k.conname AS name, t.relname AS target,
              array_to_json(array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o)) AS columns,
              array_to_json(array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)) AS "targetColumns",
              k.confdeltype AS "onDelete", k.confupdtype AS "onUpdate", k.condeferrable AS deferrable, k.condeferred AS deferred
       FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
       WHERE k.contype = 'f' AND k.confrelid IN (SELECT oid FROM tenant_tables) AND array_length(k.confkey, 1) > 1`,
    )) as ForeignKey[];
    const composite = foreignKeys.filter((fk) => fk.columns[0] === 'tenant_id' && fk.targetColumns[0] === 'tenant_id');
    for (const fk of composite) await q.query(`ALTER TABLE ${quote(fk.table)} DROP CONSTRAINT ${quote(fk.name)}`);
    for (const [table, constraint, column] of [
      ['invitations', 'invitations_token_hash_key', 'token_hash'],
      ['platform_invoices', 'platform_invoices_stripe_key', 'stripe_invoice_id'],
      ['stripe_accounts', 'stripe_accounts_account_key', 'account_id'],
    ]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}, ADD CONSTRAINT ${constraint} UNIQUE (${column})`);
    }
    const primaryKeys = (await q.query(
      `WITH tenant_tables AS (${TENANT_TABLES_SQL})
       SELECT t.name AS "table", k.conname AS name FROM tenant_tables t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'p'
       WHERE t.name <> 'billing_counters' AND pg_get_constraintdef(k.oid) = 'PRIMARY KEY (tenant_id, id)'`,
    )) as { table: string; name: string }[];
    for (const pk of primaryKeys) await q.query(`ALTER TABLE ${quote(pk.table)} DROP CONSTRAINT ${quote(pk.name)}, ADD CONSTRAINT ${quote(pk.name)} PRIMARY KEY (id)`);
    for (const fk of composite) {
      await q.query(
        `ALTER TABLE ${quote(fk.table)} ADD CONSTRAINT ${quote(fk.name)} FOREIGN KEY (${list(fk.columns.slice(1))}) REFERENCES ${quote(fk.target)} (${list(fk.targetColumns.slice(1))})
         ON DELETE ${ACTIONS[fk.onDelete]} ON UPDATE ${ACTIONS[fk.onUpdate]}`,
      );
    }
  }
}
