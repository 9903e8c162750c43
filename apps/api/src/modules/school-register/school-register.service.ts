import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { categoryEligibility, EncodingSniffer, type Phase } from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { conflict, invalid, notFound } from '../../common/app-error';
import { offsetOf, pageOf, type PageQueryDto } from '../../common/pagination.dto';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import type { AddProspectsDto, AddProspectsResultDto, SchoolImportDto, SchoolSearchQueryDto } from './school-register.dto';
import { isUuid } from '../../common/ids';
import { likePattern } from '../../common/sql-text';
import { londonToday } from '@partnerships/domain';
import { streamUpload } from './upload-stream';

/** A whole-country export is about 60 MB. */
export const IMPORT_LIMIT_BYTES = 100 * 1024 * 1024;
/** Uploads are stored in pieces of this size and read back one at a time. */
const CHUNK_BYTES = 1024 * 1024;

const REGISTER_COLUMNS = `s.urn, s.name, s.phase, s.type, s.local_authority AS "localAuthority", s.pupils, s.status, s.postcode,
  s.statutory_low_age AS "statutoryLowAge", s.statutory_high_age AS "statutoryHighAge"`;

const IMPORT_COLUMNS = `id, status, file_name, encoding, byte_size, bytes_read, row_count, created, updated, unchanged, skipped,
  problems, problem_count, error, created_at, finished_at`;

@Injectable()
export class SchoolRegisterService {
  constructor(
    private readonly db: Database,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /** The platform-wide register: by URN, by a piece of name/postcode/URN, or by local authority. */
  async search(ctx: AuthedContext, query: SchoolSearchQueryDto) {
    if (!query.urn && !query.q && !query.localAuthority) {
      throw invalid([{ field: 'q', message: 'Give a URN, some of the school’s name or postcode, or a local authority.' }]);
    }
    const params = [query.urn ?? null, likePattern(query.q), query.localAuthority?.trim().toLowerCase() || null, query.phase ?? null, query.status ?? null];
    const where = `($1::text IS NULL OR s.urn = $1)
      AND ($2::text IS NULL OR s.name ILIKE $2 OR s.urn LIKE $2 OR replace(s.postcode, ' ', '') ILIKE replace($2, ' ', ''))
      AND ($3::text IS NULL OR lower(s.local_authority) = $3) AND ($4::text IS NULL OR s.phase = $4) AND ($5::text IS NULL OR s.status = $5)`;
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const items = await em.query(
        `SELECT ${REGISTER_COLUMNS} FROM schools s WHERE ${where} ORDER BY s.status = 'closed', s.name, s.urn LIMIT $6 OFFSET $7`,
        [...params, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM schools s WHERE ${where}`, params);
      return pageOf(items, query, total);
    });
  }

  async localAuthorities(ctx: AuthedContext) {
    const items = await this.db.asPlatform({ userId: ctx.user.id }, (em) =>
      em.query(`SELECT local_authority AS name, count(*)::int AS schools FROM schools WHERE status <> 'closed' GROUP BY local_authority ORDER BY local_authority`),
    );
    return { items };
  }

  /**
   * Stores an uploaded GIAS file and queues its import. The bytes stream into the database in
   * 1 MB pieces (the worker may be another machine), the encoding is worked out on the way,
   * and the job starts only once the upload is safely stored.
   */
  async upload(ctx: TenantContext, body: AsyncIterable<Buffer> | undefined, contentType: string | undefined): Promise<{ id: string }> {
    const id = await inTenant(this.db, ctx, async (em) => {
      const [row] = await em.query(`INSERT INTO school_imports (tenant_id, created_by) VALUES ($1, $2) RETURNING id`, [ctx.tenant.id, ctx.user.id]);
      const sniffer = new EncodingSniffer();
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let seq = 0;
      let fileName: string | null = null;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const data = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await em.query(`INSERT INTO school_import_chunks (tenant_id, import_id, seq, data) VALUES ($1, $2, $3, $4)`, [ctx.tenant.id, row.id, seq++, data]);
      };
      const { found, bytes } = await streamUpload(body, contentType, IMPORT_LIMIT_BYTES, {
        start: (name) => {
          fileName = name;
        },
        data: async (chunk) => {
          sniffer.push(chunk);
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= CHUNK_BYTES) await flush();
        },
      });
      if (!found) throw invalid([{ field: 'file', message: 'Choose the GIAS file to upload (form field "file").' }]);
      // A browser form with no file chosen still sends an empty, unnamed file part.
      if (bytes === 0) throw invalid([{ field: 'file', message: fileName ? 'The file is empty.' : 'Choose the GIAS file to upload.' }]);
      await flush();
      await em.query(`UPDATE school_imports SET file_name = $2, byte_size = $3, encoding = $4 WHERE id = $1`, [row.id, fileName, bytes, sniffer.result()]);
      return row.id as string;
    });
    await this.queue.enqueue(JobName.ImportSchools, { tenantId: ctx.tenant.id, importId: id }, { jobId: `school-import-${id}` });
    return { id };
  }

  async getImport(ctx: TenantContext, id: string): Promise<SchoolImportDto> {
    if (!isUuid(id)) throw notFound('import');
    const [row] = await inTenant(this.db, ctx, (em) => em.query(`SELECT ${IMPORT_COLUMNS} FROM school_imports WHERE tenant_id = $1 AND id = $2`, [ctx.tenant.id, id]));
    if (!row) throw notFound('import');
    return importDto(row);
  }

  async listImports(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const rows = await em.query(
        `SELECT ${IMPORT_COLUMNS.replace('problems,', `'[]'::jsonb AS problems,`)} FROM school_imports WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
        [ctx.tenant.id, query.pageSize, offsetOf(query)],
      );
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM school_imports WHERE tenant_id = $1`, [ctx.tenant.id]);
      return pageOf(rows.map(importDto), query, total);
    });
  }

  /**
   * Puts register schools on the partnership's list as prospects. Idempotent: schools already
   * listed (in any state) are left as they are. Each new prospect gets the category asked for,
   * or the first category (by position) it is eligible for.
   */
  async addProspects(ctx: TenantContext, dto: AddProspectsDto): Promise<AddProspectsResultDto> {
    const localAuthorities = dto.localAuthorities?.map((la) => la.trim().toLowerCase()).filter(Boolean);
    if (!localAuthorities?.length && !dto.phases?.length && !dto.urns?.length) {
      throw invalid([{ field: 'localAuthorities', message: 'Choose at least one local authority, phase or URN, so the whole country is not added by mistake.' }]);
    }
    const statuses = dto.statuses?.length ? dto.statuses : ['open', 'proposed-to-close'];
    const today = londonToday();
    return inTenant(this.db, ctx, async (em) => {
      const categories: CategoryRow[] = await em.query(
        `SELECT code, name, eligible_phases, eligible_types, eligible_local_authorities FROM membership_categories
         WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY position, name`,
        [ctx.tenant.id],
      );
      if (categories.length === 0) throw conflict('Add a membership category first: every member school needs one.', 'category');
      const chosen = dto.category ? categories.find((c) => c.code === dto.category) : undefined;
      if (dto.category && !chosen) throw invalid([{ field: 'category', message: `There is no current category with the code "${dto.category}".` }]);

      const schools: { id: string; phase: Phase; type: string; local_authority: string; listed: boolean }[] = await em.query(
        `SELECT s.id, s.phase, s.type, s.local_authority,
                EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.school_id = s.id) AS listed
         FROM schools s
         WHERE ($2::text[] IS NULL OR lower(s.local_authority) = ANY($2)) AND ($3::text[] IS NULL OR s.phase = ANY($3))
           AND ($4::text[] IS NULL OR s.urn = ANY($4)) AND s.status = ANY($5)`,
        [ctx.tenant.id, localAuthorities?.length ? localAuthorities : null, dto.phases?.length ? dto.phases : null, dto.urns?.length ? dto.urns : null, statuses],
      );
      const toAdd: { schoolId: string; category: string }[] = [];
      let notEligible = 0;
      for (const school of schools.filter((s) => !s.listed)) {
        const view = { phase: school.phase, type: school.type, localAuthority: school.local_authority };
        const category = (chosen ? [chosen] : categories).find((c) => categoryEligibility(categoryOf(c), view).length === 0);
        if (category) toAdd.push({ schoolId: school.id, category: category.code });
        else notEligible++;
      }
      const result = { matched: schools.length, created: toAdd.length, alreadyListed: schools.length - schools.filter((s) => !s.listed).length, notEligible, dryRun: dto.dryRun === true };
      if (dto.dryRun || toAdd.length === 0) return result;
      const created: { id: string }[] = await em.query(
        `INSERT INTO memberships (tenant_id, school_id, category, status, since)
         SELECT $1, school_id, category, 'prospect', $4 FROM unnest($2::uuid[], $3::text[]) AS t(school_id, category)
         ON CONFLICT (tenant_id, school_id) DO NOTHING RETURNING id`,
        [ctx.tenant.id, toAdd.map((a) => a.schoolId), toAdd.map((a) => a.category), today],
      );
      if (created.length > 0) {
        await em.query(
          `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_user_id, actor_name)
           SELECT $1, id, 'add', NULL, 'prospect', $3, $4, $5 FROM unnest($2::uuid[]) AS t(id)`,
          [ctx.tenant.id, created.map((c) => c.id), today, ctx.user.id, ctx.user.name],
        );
      }
      return { ...result, created: created.length };
    });
  }
}

interface CategoryRow {
  code: string;
  name: string;
  eligible_phases: Phase[];
  eligible_types: string[];
  eligible_local_authorities: string[];
}

const categoryOf = (c: CategoryRow) => ({ name: c.name, eligiblePhases: c.eligible_phases, eligibleTypes: c.eligible_types, eligibleLocalAuthorities: c.eligible_local_authorities });

function importDto(row: Record<string, unknown>): SchoolImportDto {
  const byteSize = Number(row.byte_size);
  const bytesRead = Number(row.bytes_read);
  const status = row.status as string;
  return {
    id: row.id as string,
    status,
    fileName: (row.file_name as string | null) ?? null,
    encoding: (row.encoding as string | null) ?? null,
    counts: { rows: row.row_count as number, created: row.created as number, updated: row.updated as number, unchanged: row.unchanged as number, skipped: row.skipped as number },
    problems: row.problems as SchoolImportDto['problems'],
    problemCount: row.problem_count as number,
    progress: {
      bytesRead,
      byteSize,
      percent: status === 'completed' ? 100 : byteSize > 0 ? Math.min(99, Math.floor((bytesRead / byteSize) * 100)) : 0,
    },
    error: (row.error as string | null) ?? null,
    createdAt: (row.created_at as Date).toISOString(),
    finishedAt: row.finished_at ? (row.finished_at as Date).toISOString() : null,
  };
}
