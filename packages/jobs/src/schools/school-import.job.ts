import { type Database, type EntityManager, SchoolRegisterRepository } from '@partnerships/db';
import {
  CsvReader,
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
import { RegisterImportRepository } from './register-import.repository';
import { type ImportStore, SchoolImportRepository } from './school-import.repository';

export { RegisterImportRepository } from './register-import.repository';
export { SchoolImportRepository } from './school-import.repository';
export type { ImportProgress, ImportStore, SchoolImportRow } from './school-import.repository';

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
 *
 * A partnership's upload has its `tenantId`; the platform operator's upload of the national
 * extract (`register_imports`) has `tenantId: null` and is read as the platform.
 */
export async function runSchoolImport(db: Database, payload: { tenantId: string | null; importId: string }, logger?: Logger): Promise<void> {
  const { tenantId, importId } = payload;
  const imports = (em: EntityManager): ImportStore => (tenantId ? new SchoolImportRepository(em, tenantId) : new RegisterImportRepository(em));
  const within = <T>(scope: { userId?: string | null }, work: (em: EntityManager) => Promise<T>): Promise<T> =>
    tenantId ? db.inTenant(tenantId, scope, work) : db.asPlatform(scope, work);
  const job = await within({}, (em) => imports(em).start(importId));
  if (!job) {
    const known = await within({}, (em) => imports(em).status(importId));
    if (known) return; // finished already: a repeated job changes nothing
    // Unknown here: another deployment sharing the queue took it, or it is not committed yet. Failing lets it be retried.
    throw new Error(`School import ${importId} was not found in this database`);
  }
  const scope = { userId: job.created_by ?? null };
  const counts: Counts = { rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let bytesRead = 0;
  const report = (problem: ImportProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(problem);
  };
  const save = (em: EntityManager, finish?: { status: 'completed' | 'failed'; error?: string }) =>
    imports(em).saveProgress(importId, { bytesRead, counts, problems, problemCount }, finish);

  try {
    const decoder = textDecoderFor(job.encoding ?? 'utf-8');
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
      const bytes = await within(scope, (em) => imports(em).chunk(importId, seq));
      if (!bytes) {
        await take(reader.push(decoder.decode()));
        await take(reader.end());
        break;
      }
      await take(reader.push(decoder.decode(bytes, { stream: true })));
      bytesRead += bytes.length;
      await within(scope, (em) => save(em));
    }
    if (!file.fatal && batch.length > 0) await writeBatch(db, scope, batch, counts);
    if (!file.fatal && !file.columns) file.fatal = 'The file is empty: it has no header row and no schools.';

    await within(scope, async (em) => {
      await save(em, file.fatal ? { status: 'failed', error: file.fatal } : { status: 'completed' });
      await imports(em).dropChunks(importId);
    });
    logger?.info({ importId, tenantId, ...counts, problems: problemCount }, 'school import finished');
  } catch (error) {
    logger?.error({ err: error, importId, tenantId }, 'school import failed');
    await within(scope, (em) =>
      imports(em).fail(importId, 'The import stopped because of a problem on our side. Nothing after the rows already counted was changed; please try again.'),
    );
  }
}

/**
 * Upserts one batch into the platform register, in one statement (see
 * `SchoolRegisterRepository.upsertByUrn`): unchanged rows are not written, and closed schools
 * the register never held are skipped.
 */
async function writeBatch(db: Database, scope: { userId: string | null }, batch: Pending[], counts: Counts): Promise<void> {
  await db.asPlatform(scope, async (em) => {
    const register = new SchoolRegisterRepository(em);
    const existing = await register.existingUrns(batch.map((p) => p.school.urn));
    const writable = batch.filter((p) => existing.has(p.school.urn) || shouldAddToRegister(p.school));
    counts.skipped += batch.length - writable.length;
    if (writable.length === 0) return;
    const changed = await register.upsertByUrn(writable.map((p) => p.school));
    let created = 0;
    for (const urn of changed) if (!existing.has(urn)) created++;
    counts.created += created;
    counts.updated += changed.length - created;
    counts.unchanged += writable.length - changed.length;
  });
}
