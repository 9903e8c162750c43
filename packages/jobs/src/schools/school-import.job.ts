import type { Database, EntityManager } from '@partnerships/db';
import {
  CsvReader,
  type CsvEncoding,
  type CsvRecord,
  giasColumns,
  type GiasColumnIndex,
  missingColumnsMessage,
  readGiasRow,
  type RegisterEntry,
  shouldAddToRegister,
  textDecoderFor,
} from '@partnerships/domain';
import type { Logger } from 'pino';

/** Rows written to the register per statement. */
const BATCH_ROWS = 1000;
/** Problems kept for the admin to read; the count says how many there were in all. */
export const MAX_PROBLEMS_KEPT = 1000;

export interface ImportProblem {
  row: number;
  urn: string | null;
  message: string;
}

interface Counts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

interface Pending {
  row: number;
  school: RegisterEntry;
}

/**
 * Reads an uploaded GIAS establishment file and brings the platform's school register up to
 * date: the bytes are streamed from the upload's chunks, decoded, parsed and mapped (rules in
 * packages/domain/src/schools), and written in batches by URN. A row that cannot be used is
 * reported with its row number and skipped; the rest carry on. Running it twice changes nothing
 * the second time ("unchanged"). Progress and counts are saved after every chunk read.
 */
export async function runSchoolImport(db: Database, payload: { tenantId: string; importId: string }, logger?: Logger): Promise<void> {
  const { tenantId, importId } = payload;
  // TypeORM answers an UPDATE with [rows, count].
  const [[job]] = await db.inTenant(tenantId, {}, (em) =>
    em.query(
      `UPDATE school_imports SET status = 'running', started_at = now(), bytes_read = 0, row_count = 0, created = 0, updated = 0,
         unchanged = 0, skipped = 0, problems = '[]', problem_count = 0, error = NULL
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING encoding, created_by`,
      [importId],
    ),
  );
  if (!job) {
    const [known] = await db.inTenant(tenantId, {}, (em) => em.query(`SELECT status FROM school_imports WHERE id = $1`, [importId]));
    if (known) return; // finished already: a repeated job changes nothing
    // Unknown here: another deployment sharing the queue took it, or it is not committed yet. Failing lets it be retried.
    throw new Error(`School import ${importId} was not found in this database`);
  }
  const scope = { userId: (job.created_by as string | null) ?? null };
  const counts: Counts = { rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let bytesRead = 0;
  const report = (problem: ImportProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(problem);
  };
  const save = (em: EntityManager, finish?: { status: 'completed' | 'failed'; error?: string }) =>
    em.query(
      `UPDATE school_imports SET bytes_read = $2, row_count = $3, created = $4, updated = $5, unchanged = $6, skipped = $7,
         problems = $8, problem_count = $9, status = coalesce($10, status), error = coalesce($11, error),
         finished_at = CASE WHEN $10::text IS NULL THEN finished_at ELSE now() END
       WHERE id = $1`,
      [
        importId, bytesRead, counts.rows, counts.created, counts.updated, counts.unchanged, counts.skipped,
        JSON.stringify(problems), problemCount, finish?.status ?? null, finish?.error ?? null,
      ],
    );

  try {
    const decoder = textDecoderFor((job.encoding as CsvEncoding | null) ?? 'utf-8');
    const reader = new CsvReader();
    const firstRowOf = new Map<string, number>();
    const file: { columns: GiasColumnIndex | null; fatal: string | null } = { columns: null, fatal: null };
    let batch: Pending[] = [];

    const take = async (records: CsvRecord[]) => {
      for (const record of records) {
        if (file.fatal) return;
        if (!file.columns) {
          const found = giasColumns(record.fields);
          if (found.missing.length > 0) {
            file.fatal = missingColumnsMessage(found.missing);
            report({ row: record.row, urn: null, message: file.fatal });
            return;
          }
          file.columns = found.columns;
          reader.keepOnly(Object.values(found.columns));
          continue;
        }
        counts.rows++;
        const result = readGiasRow(record.fields, file.columns);
        if (result.kind === 'problem') {
          counts.skipped++;
          report({ row: record.row, urn: result.urn, message: result.message });
          continue;
        }
        const first = firstRowOf.get(result.school.urn);
        if (first !== undefined) {
          counts.skipped++;
          report({ row: record.row, urn: result.school.urn, message: `This URN is also on row ${first}; only the first row for a school is used.` });
          continue;
        }
        firstRowOf.set(result.school.urn, record.row);
        for (const warning of result.warnings) report({ row: record.row, urn: result.school.urn, message: warning });
        batch.push({ row: record.row, school: result.school });
        if (batch.length >= BATCH_ROWS) {
          await writeBatch(db, scope, batch, counts);
          batch = [];
        }
      }
    };

    for (let seq = 0; !file.fatal; seq++) {
      const [chunk] = await db.inTenant(tenantId, scope, (em) => em.query(`SELECT data FROM school_import_chunks WHERE import_id = $1 AND seq = $2`, [importId, seq]));
      if (!chunk) {
        await take(reader.push(decoder.decode()));
        await take(reader.end());
        break;
      }
      const bytes = chunk.data as Buffer;
      await take(reader.push(decoder.decode(bytes, { stream: true })));
      bytesRead += bytes.length;
      await db.inTenant(tenantId, scope, (em) => save(em));
    }
    if (!file.fatal && batch.length > 0) await writeBatch(db, scope, batch, counts);
    if (!file.fatal && !file.columns) file.fatal = 'The file is empty: it has no header row and no schools.';

    await db.inTenant(tenantId, scope, async (em) => {
      await save(em, file.fatal ? { status: 'failed', error: file.fatal } : { status: 'completed' });
      await em.query(`DELETE FROM school_import_chunks WHERE import_id = $1`, [importId]);
    });
    logger?.info({ importId, tenantId, ...counts, problems: problemCount }, 'school import finished');
  } catch (error) {
    logger?.error({ err: error, importId, tenantId }, 'school import failed');
    await db.inTenant(tenantId, scope, (em) =>
      em.query(`UPDATE school_imports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
        importId,
        'The import stopped because of a problem on our side. Nothing after the rows already counted was changed; please try again.',
      ]),
    );
  }
}

/**
 * Upserts one batch into the platform register. Rows that would change nothing are left
 * alone (so a re-import writes nothing and the audit log stays quiet); a blank number in the
 * file never wipes one the register already holds.
 */
async function writeBatch(db: Database, scope: { userId: string | null }, batch: Pending[], counts: Counts): Promise<void> {
  await db.asPlatform(scope, async (em) => {
    const urns = batch.map((p) => p.school.urn);
    const existing = new Set<string>((await em.query(`SELECT urn FROM schools WHERE urn = ANY($1::text[])`, [urns])).map((r: { urn: string }) => r.urn));
    const writable = batch.filter((p) => existing.has(p.school.urn) || shouldAddToRegister(p.school));
    counts.skipped += batch.length - writable.length;
    if (writable.length === 0) return;
    const column = <K extends keyof RegisterEntry>(key: K) => writable.map((p) => p.school[key]);
    const changed: { urn: string }[] = await em.query(
      `INSERT INTO schools AS s (urn, name, phase, type, local_authority, status, pupils, postcode, statutory_low_age, statutory_high_age)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[])
       ON CONFLICT (urn) DO UPDATE SET
         name = excluded.name, phase = excluded.phase, type = excluded.type, local_authority = excluded.local_authority, status = excluded.status,
         pupils = coalesce(excluded.pupils, s.pupils), postcode = coalesce(excluded.postcode, s.postcode),
         statutory_low_age = coalesce(excluded.statutory_low_age, s.statutory_low_age),
         statutory_high_age = coalesce(excluded.statutory_high_age, s.statutory_high_age), updated_at = now()
       WHERE (s.name, s.phase, s.type, s.local_authority, s.status) IS DISTINCT FROM (excluded.name, excluded.phase, excluded.type, excluded.local_authority, excluded.status)
          OR (excluded.pupils IS NOT NULL AND excluded.pupils IS DISTINCT FROM s.pupils)
          OR (excluded.postcode IS NOT NULL AND excluded.postcode IS DISTINCT FROM s.postcode)
          OR (excluded.statutory_low_age IS NOT NULL AND excluded.statutory_low_age IS DISTINCT FROM s.statutory_low_age)
          OR (excluded.statutory_high_age IS NOT NULL AND excluded.statutory_high_age IS DISTINCT FROM s.statutory_high_age)
       RETURNING s.urn`,
      [
        column('urn'),
        column('name'),
        column('phase'),
        column('type'),
        column('localAuthority'),
        column('status'),
        column('pupils'),
        column('postcode'),
        column('statutoryLowAge'),
        column('statutoryHighAge'),
      ],
    );
    let created = 0;
    for (const { urn } of changed) if (!existing.has(urn)) created++;
    counts.created += created;
    counts.updated += changed.length - created;
    counts.unchanged += writable.length - changed.length;
  });
}
