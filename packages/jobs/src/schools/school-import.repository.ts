import { type EntityManager, PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '@partnerships/db';
import type { CsvEncoding } from '@partnerships/domain';

/** A GIAS upload and how far its import has gone. */
export interface SchoolImportRow {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  file_name: string | null;
  encoding: CsvEncoding | null;
  /** bigint: pg hands it over as text. */
  byte_size: string;
  bytes_read: string;
  row_count: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: { row: number; urn: string | null; message: string }[];
  problem_count: number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** What the job saves after every piece it reads. */
export interface ImportProgress {
  bytesRead: number;
  counts: { rows: number; created: number; updated: number; unchanged: number; skipped: number };
  problems: unknown[];
  problemCount: number;
}

/** What the import job needs of where an upload is stored: a partnership's imports, or the platform's (RegisterImportRepository). */
export interface ImportStore {
  start(importId: string): Promise<{ encoding: CsvEncoding | null; created_by: string | null } | null>;
  status(importId: string): Promise<string | null>;
  chunk(importId: string, seq: number): Promise<Buffer | null>;
  saveProgress(importId: string, progress: ImportProgress, finish?: { status: 'completed' | 'failed'; error?: string }): Promise<void>;
  dropChunks(importId: string): Promise<void>;
  fail(importId: string, error: string): Promise<void>;
}

export const IMPORT_COLUMNS = `id, status, file_name, encoding, byte_size, bytes_read, row_count, created, updated, unchanged, skipped,
  problems, problem_count, error, created_at, finished_at`;

/** The pair of tables an upload lives in: the imports, and the pieces of each file (`import_id`, `seq`, `data`). */
export interface ImportTables {
  imports: string;
  chunks: string;
}

/**
 * GIAS uploads in one pair of tables (`imports`, and their stored bytes in `chunks`, dropped once
 * read). The API stores an upload here; the `schools.import` job reads it back and records its
 * progress. With a tenant, its rows carry `tenant_id` and are created and listed as that tenant's;
 * without, the tables are platform-owned. SchoolImportRepository and RegisterImportRepository name
 * the two pairs.
 */
export class ImportRepository extends UnitOfWorkRepository implements ImportStore {
  /** The tenant as the first parameter of a statement that names it ($1), or nothing. */
  private readonly tenantParams: string[];

  constructor(
    em: EntityManager,
    private readonly tables: ImportTables,
    tenantId: string | null,
  ) {
    super(em);
    this.tenantParams = tenantId ? [tenantId] : [];
  }

  /** `$n` for a statement's n-th own parameter, after the tenant's where there is one. */
  private p(n: number): string {
    return `$${n + this.tenantParams.length}`;
  }

  /** What a statement adds to name the tenant, where there is one: a column and its value, a condition. */
  private get tenant(): { column: string; value: string; and: string; where: string } {
    return this.tenantParams.length
      ? { column: 'tenant_id, ', value: '$1, ', and: 'tenant_id = $1 AND ', where: ' WHERE tenant_id = $1' }
      : { column: '', value: '', and: '', where: '' };
  }

  // ---- the upload (API)

  /** A new, queued import; returns its id. */
  async create(createdBy: string): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO ${this.tables.imports} (${this.tenant.column}created_by) VALUES (${this.tenant.value}${this.p(1)}) RETURNING id`,
      [...this.tenantParams, createdBy],
    );
    return row!.id;
  }

  /** Stores the next piece of the file (`seq` counts from 0). */
  async addChunk(importId: string, seq: number, data: Buffer): Promise<void> {
    await this.execute(
      `INSERT INTO ${this.tables.chunks} (${this.tenant.column}import_id, seq, data) VALUES (${this.tenant.value}${this.p(1)}, ${this.p(2)}, ${this.p(3)})`,
      [...this.tenantParams, importId, seq, data],
    );
  }

  /** Once the whole file is stored: its name, size and encoding. */
  async describeFile(importId: string, file: { name: string | null; bytes: number; encoding: CsvEncoding }): Promise<void> {
    await this.execute(`UPDATE ${this.tables.imports} SET file_name = $2, byte_size = $3, encoding = $4 WHERE id = $1`, [importId, file.name, file.bytes, file.encoding]);
  }

  find(id: string): Promise<SchoolImportRow | null> {
    return this.one<SchoolImportRow>(`SELECT ${IMPORT_COLUMNS} FROM ${this.tables.imports} WHERE ${this.tenant.and}id = ${this.p(1)}`, [...this.tenantParams, id]);
  }

  /** Newest first, without the problem lists (`problems` is empty; `problem_count` says how many). */
  listPage(page: PageWindow): Promise<PagedRows<SchoolImportRow>> {
    return this.pageRows<SchoolImportRow>(
      `SELECT ${PAGE_TOTAL}, ${IMPORT_COLUMNS.replace('problems,', `'[]'::jsonb AS problems,`)} FROM ${this.tables.imports}${this.tenant.where} ORDER BY created_at DESC`,
      this.tenantParams,
      page,
    );
  }

  // ---- the import (job)

  /**
   * Marks a queued (or interrupted) import running, from the start again. Null when it is not
   * queued or running here: finished already, or not in this database.
   */
  async start(importId: string): Promise<{ encoding: CsvEncoding | null; created_by: string | null } | null> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [rows] = (await this.em.query(
      `UPDATE ${this.tables.imports} SET status = 'running', started_at = now(), bytes_read = 0, row_count = 0, created = 0, updated = 0,
         unchanged = 0, skipped = 0, problems = '[]', problem_count = 0, error = NULL
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING encoding, created_by`,
      [importId],
    )) as [{ encoding: CsvEncoding | null; created_by: string | null }[], number];
    return rows[0] ?? null;
  }

  /** The import's status, or null when this database has no such import. */
  async status(importId: string): Promise<string | null> {
    const row = await this.one<{ status: string }>(`SELECT status FROM ${this.tables.imports} WHERE id = $1`, [importId]);
    return row?.status ?? null;
  }

  /** The stored piece `seq` of the file, or null after the last. */
  async chunk(importId: string, seq: number): Promise<Buffer | null> {
    const row = await this.one<{ data: Buffer }>(`SELECT data FROM ${this.tables.chunks} WHERE import_id = $1 AND seq = $2`, [importId, seq]);
    return row?.data ?? null;
  }

  /** Saves progress and counts; with `finish`, the import's end too. */
  async saveProgress(importId: string, progress: ImportProgress, finish?: { status: 'completed' | 'failed'; error?: string }): Promise<void> {
    const { counts } = progress;
    await this.execute(
      `UPDATE ${this.tables.imports} SET bytes_read = $2, row_count = $3, created = $4, updated = $5, unchanged = $6, skipped = $7,
         problems = $8, problem_count = $9, status = coalesce($10, status), error = coalesce($11, error),
         finished_at = CASE WHEN $10::text IS NULL THEN finished_at ELSE now() END
       WHERE id = $1`,
      [
        importId, progress.bytesRead, counts.rows, counts.created, counts.updated, counts.unchanged, counts.skipped,
        JSON.stringify(progress.problems), progress.problemCount, finish?.status ?? null, finish?.error ?? null,
      ],
    );
  }

  /** The file's bytes are not needed once it has been read. */
  async dropChunks(importId: string): Promise<void> {
    await this.execute(`DELETE FROM ${this.tables.chunks} WHERE import_id = $1`, [importId]);
  }

  async fail(importId: string, error: string): Promise<void> {
    await this.execute(`UPDATE ${this.tables.imports} SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [importId, error]);
  }
}

/** One partnership's GIAS uploads (`school_imports`, `school_import_chunks`). */
export class SchoolImportRepository extends ImportRepository {
  constructor(em: EntityManager, tenantId: string) {
    super(em, { imports: 'school_imports', chunks: 'school_import_chunks' }, tenantId);
    if (!tenantId) throw new Error('SchoolImportRepository needs a tenant');
  }
}
