import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Column, DataSource, Entity, Index, PrimaryGeneratedColumn, type EntityMetadata } from 'typeorm';
import { createDataSource, createFreshDatabase, dropDatabase, ENTITIES } from '../src';

/**
 * The entities must say exactly what the migrations built (ADR 0005): every table has an entity,
 * and every entity's columns, SQL types, nullability, defaults, primary key and unique indexes
 * match the live schema after migrating. Migrations stay hand-written SQL; this test is what
 * keeps the entities honest. A failure names the table and column that differ.
 */

/** Tables that are not application data: TypeORM's own record of the migrations that ran. */
const NOT_ENTITIES = new Set(['schema_migrations']);

interface LiveColumn {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  default: string | null;
  generated: string;
}

interface LiveIndex {
  table: string;
  name: string;
  columns: string[];
  partial: boolean;
}

interface LiveSchema {
  tables: string[];
  columns: LiveColumn[];
  primaryKeys: Map<string, string[]>;
  uniqueIndexes: LiveIndex[];
}

async function readLiveSchema(ds: DataSource): Promise<LiveSchema> {
  const tables = ((await ds.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  )) as { name: string }[]).map((t) => t.name);
  const columns = (await ds.query(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default", a.attgenerated AS generated
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY 1, a.attnum`,
  )) as LiveColumn[];
  const indexes = (await ds.query(
    `SELECT c.relname AS "table", i.relname AS name, x.indisprimary AS "primary", x.indpred IS NOT NULL AS partial,
            array_to_json(array(SELECT coalesce(a.attname, pg_get_indexdef(x.indexrelid, k.ord::int, true))
                                FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                                ORDER BY k.ord)) AS columns
     FROM pg_index x
     JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND x.indisunique`,
  )) as (LiveIndex & { primary: boolean })[];
  const primaryKeys = new Map(indexes.filter((i) => i.primary).map((i) => [i.table, [...i.columns].sort()]));
  const uniqueIndexes = indexes.filter((i) => !i.primary).map(({ table, name, columns: cols, partial }) => ({ table, name, columns: cols, partial }));
  return { tables, columns, primaryKeys, uniqueIndexes };
}

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Each entity column's default as PostgreSQL prints it (`'draft'::text`, `'{}'::text[]`, `now()`),
 * found by declaring a throw-away column of the entity's type with the entity's default. Comparing
 * printed forms means an entity may write a default as the migration does
 * (`default: () => "replace(gen_random_uuid()::text, '-', '')"`) and still match.
 */
async function entityDefaults(ds: DataSource): Promise<Map<ColumnMetadata, string | null>> {
  const printed = new Map<ColumnMetadata, string | null>();
  const probes: { column: ColumnMetadata; type: string; sql: string }[] = [];
  for (const meta of ds.entityMetadatas) {
    for (const column of meta.columns) {
      if (column.isGenerated && column.generationStrategy === 'uuid') printed.set(column, 'gen_random_uuid()');
      else if (column.isGenerated && column.generationStrategy === 'increment') printed.set(column, `nextval('${meta.tableName}_${column.databaseName}_seq'::regclass)`);
      else {
        // TypeORM quotes numbers ('0'), which PostgreSQL prints as '0'::bigint; a migration writes 0.
        const sql = typeof column.default === 'number' ? String(column.default) : ds.driver.normalizeDefault(column);
        if (sql === undefined) printed.set(column, null);
        else probes.push({ column, type: entityType(ds, column), sql });
      }
    }
  }
  await ds.transaction(async (em) => {
    for (const { column, type, sql } of probes) {
      await em.query('SAVEPOINT default_probe');
      try {
        await em.query(`CREATE TEMP TABLE default_probe (x ${type} DEFAULT ${sql}) ON COMMIT DROP`);
        const [row] = (await em.query(`SELECT pg_get_expr(adbin, adrelid) AS printed FROM pg_attrdef WHERE adrelid = 'pg_temp.default_probe'::regclass`)) as { printed: string }[];
        printed.set(column, row.printed);
        await em.query('DROP TABLE default_probe');
        await em.query('RELEASE SAVEPOINT default_probe');
      } catch (error) {
        await em.query('ROLLBACK TO SAVEPOINT default_probe');
        printed.set(column, `${sql} (not valid for ${type}: ${(error as Error).message})`);
      }
    }
  });
  return printed;
}

const shown = (value: string | null) => value ?? '(none)';

function entityType(ds: DataSource, column: ColumnMetadata): string {
  return ds.driver.normalizeType(column) + (column.isArray ? '[]' : '');
}

/** Every difference between the entities a DataSource knows and the live schema, one sentence each. */
function differences(ds: DataSource, live: LiveSchema, defaults: Map<ColumnMetadata, string | null>): string[] {
  const problems: string[] = [];
  const liveTables = new Set(live.tables);
  const entityTables = new Set(ds.entityMetadatas.map((m) => m.tableName));

  for (const table of live.tables) {
    if (!NOT_ENTITIES.has(table) && !entityTables.has(table)) problems.push(`${table}: table has no entity (add one in packages/db/src/entities and to ENTITIES)`);
  }

  for (const meta of ds.entityMetadatas) {
    const table = meta.tableName;
    if (!liveTables.has(table)) {
      problems.push(`${table}: entity ${meta.name} names a table that the migrations do not create`);
      continue;
    }
    const liveColumns = new Map(live.columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    const entityColumns = new Set(meta.columns.map((c) => c.databaseName));

    for (const name of liveColumns.keys()) {
      if (!entityColumns.has(name)) problems.push(`${table}.${name}: column is missing from entity ${meta.name}`);
    }
    for (const column of meta.columns) {
      const name = column.databaseName;
      const found = liveColumns.get(name);
      if (!found) {
        problems.push(`${table}.${name}: entity ${meta.name} has a column the table does not`);
        continue;
      }
      const type = entityType(ds, column);
      if (type !== found.type) problems.push(`${table}.${name}: type is ${type} in the entity, ${found.type} in the database`);
      if (column.isNullable === found.notNull) {
        problems.push(`${table}.${name}: ${column.isNullable ? 'nullable' : 'NOT NULL'} in the entity, ${found.notNull ? 'NOT NULL' : 'nullable'} in the database`);
      }
      const expected = defaults.get(column) ?? null;
      const actual = found.default;
      if (expected !== actual) problems.push(`${table}.${name}: default is ${shown(expected)} in the entity, ${shown(actual)} in the database`);
      const generated = column.generatedType === 'STORED' ? 's' : '';
      if (generated !== found.generated) problems.push(`${table}.${name}: ${generated ? 'generated' : 'not generated'} in the entity, ${found.generated ? 'generated' : 'not generated'} in the database`);
    }

    const entityKey = meta.primaryColumns.map((c) => c.databaseName).sort();
    const liveKey = live.primaryKeys.get(table) ?? [];
    if (entityKey.join(',') !== liveKey.join(',')) problems.push(`${table}: primary key is (${entityKey.join(', ')}) in the entity, (${liveKey.join(', ')}) in the database`);

    // Unique indexes: compared by their columns (in order) and whether they are partial. An index on
    // an expression (lower(name)) is declared by its name alone: @Index('bodies_name_key', { synchronize: false }).
    const key = (columns: string[], partial: boolean) => `(${columns.join(', ')})${partial ? ' partial' : ''}`;
    const entityUniques = [
      ...meta.indices.filter((i) => i.isUnique || (!i.synchronize && i.columns.length === 0)).map((i) => ({ name: i.columns.length ? null : (i.givenName ?? null), key: key(i.columns.map((c) => c.databaseName), !!i.where) })),
      ...meta.uniques.map((u) => ({ name: null, key: key(u.columns.map((c) => c.databaseName), false) })),
    ];
    const liveUniques = live.uniqueIndexes.filter((i) => i.table === table).map((i) => ({ name: i.name, key: key(i.columns, i.partial) }));
    const same = (a: { name: string | null; key: string }, b: { name: string | null; key: string }) => a.key === b.key || (a.name !== null && a.name === b.name);
    for (const unique of liveUniques) {
      if (!entityUniques.some((e) => same(e, unique))) problems.push(`${table}: unique index ${unique.name} ${unique.key} is not declared on entity ${meta.name}`);
    }
    for (const unique of entityUniques) {
      if (!liveUniques.some((l) => same(unique, l))) problems.push(`${table}: entity ${meta.name} declares unique ${unique.name ?? unique.key}, which the database does not have`);
    }
  }
  return problems;
}

/** A deliberately drifted entity, to prove the comparison notices drift. */
@Entity({ name: 'tenant_documents' })
@Index('tenant_documents_title_key', ['title'], { unique: true })
class DriftedTenantDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'integer' }) title: number;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', nullable: true, default: 'draft' }) body: string | null;
  @Column({ type: 'text', nullable: true }) colour: string | null;
}

let url: string;
let ds: DataSource;
let live: LiveSchema;
let defaults: Map<ColumnMetadata, string | null>;

beforeAll(async () => {
  url = await createFreshDatabase('partnerships_test_entity_schema');
  ds = createDataSource({ url, embedded: false });
  await ds.initialize();
  live = await readLiveSchema(ds);
  defaults = await entityDefaults(ds);
});

afterAll(async () => {
  await ds?.destroy();
  if (url) await dropDatabase(url);
});

describe('entities match the migrated schema', () => {
  it('reads the schema it checks against', () => {
    expect(live.tables.length).toBeGreaterThanOrEqual(31);
    expect(live.columns.find((c) => c.table === 'invoices' && c.column === 'reminders_sent')).toMatchObject({ type: 'text[]', notNull: true });
  });

  it('has an entity for every table, and a table for every entity', () => {
    const entityTables = ds.entityMetadatas.map((m) => m.tableName).sort();
    const tables = live.tables.filter((t) => !NOT_ENTITIES.has(t));
    expect(entityTables).toEqual(tables);
    expect(ENTITIES).toHaveLength(tables.length);
  });

  it('declares every column with its SQL type, nullability, default, primary key and unique indexes', () => {
    expect(differences(ds, live, defaults)).toEqual([]);
  });

  it('names the table and column when an entity drifts', async () => {
    const drifted = new DataSource({ type: 'postgres', url, entities: [DriftedTenantDocument], synchronize: false, logging: false });
    await drifted.initialize();
    try {
      expect(differences(drifted, live, await entityDefaults(drifted))).toEqual(
        expect.arrayContaining([
          'tenants: table has no entity (add one in packages/db/src/entities and to ENTITIES)',
          'tenant_documents.created_by: column is missing from entity DriftedTenantDocument',
          'tenant_documents.title: type is integer in the entity, text in the database',
          'tenant_documents.url: NOT NULL in the entity, nullable in the database',
          "tenant_documents.body: default is 'draft'::text in the entity, (none) in the database",
          'tenant_documents.colour: entity DriftedTenantDocument has a column the table does not',
          'tenant_documents: entity DriftedTenantDocument declares unique (title), which the database does not have',
        ]),
      );
    } finally {
      await drifted.destroy();
    }
  });
});
