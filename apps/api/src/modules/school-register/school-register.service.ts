import { Inject, Injectable } from '@nestjs/common';
import { Database, SchoolRegisterRepository } from '@partnerships/db';
import { categoryEligibility, EncodingSniffer } from '@partnerships/domain';
import { JobName, type JobQueue, RegisterImportRepository, SchoolImportRepository, type SchoolImportRow } from '@partnerships/jobs';
import { conflict, invalid, notFound } from '../../common/app-error';
import { readPage } from '../../common/pagination';
import type { PageQueryDto } from '../../common/pagination.dto';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { JOB_QUEUE } from '../../runtime/runtime.module';
import type { AddProspectsDto, AddProspectsResultDto, ProspectSchoolDto, SchoolImportDto, SchoolSearchQueryDto } from './school-register.dto';
import { isUuid } from '../../common/ids';
import { likePattern } from '../../common/sql-text';
import { londonToday } from '@partnerships/domain';
import { MembershipCategoryRepository } from '../memberships/membership-category.repository';
import { MembershipRepository } from '../memberships/membership.repository';
import { streamUpload } from './upload-stream';

/** A whole-country export is about 60 MB. */
export const IMPORT_LIMIT_BYTES = 100 * 1024 * 1024;
/** A preview names the schools it would add, up to this many (a whole local authority is a few hundred). */
const NAMED_PROSPECTS = 1000;
/** Uploads are stored in pieces of this size and read back one at a time. */
const CHUNK_BYTES = 1024 * 1024;
/** How long a process keeps the local-authority list at most, even when the register looks unchanged. */
const LOCAL_AUTHORITY_CACHE_MS = 60_000;

type LocalAuthorityCount = Awaited<ReturnType<SchoolRegisterRepository['localAuthorities']>>[number];

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
    const search = {
      urn: query.urn ?? null,
      pattern: likePattern(query.q),
      localAuthority: query.localAuthority?.trim().toLowerCase() || null,
      phase: query.phase ?? null,
      status: query.status ?? null,
    };
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      return readPage(query, (window) => new SchoolRegisterRepository(em).searchPage(search, window));
    });
  }

  /**
   * The register's local authorities with their open schools. Every members page asks for them, so
   * each API process keeps the last answer and works it out again only when the register has changed
   * (a register import, in any process, moves the latest `schools.updated_at`) or a minute has passed
   * (a backstop for a change committed out of order by a slower, concurrent import).
   */
  async localAuthorities(ctx: AuthedContext) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const register = new SchoolRegisterRepository(em);
      const stamp = await register.changedStamp();
      const cached = this.localAuthorityCache;
      if (cached && cached.stamp === stamp && Date.now() - cached.at < LOCAL_AUTHORITY_CACHE_MS) return { items: cached.items };
      const items = await register.localAuthorities();
      this.localAuthorityCache = { stamp, items, at: Date.now() };
      return { items };
    });
  }
  private localAuthorityCache: { stamp: string; items: LocalAuthorityCount[]; at: number } | null = null;

  /** Stores a partnership's uploaded GIAS file (see storeUpload) and queues its import. */
  async upload(ctx: TenantContext, body: AsyncIterable<Buffer> | undefined, contentType: string | undefined): Promise<{ id: string }> {
    const id = await inTenant(this.db, ctx, (em) => storeUpload(new SchoolImportRepository(em, ctx.tenant.id), ctx.user.id, body, contentType));
    await this.queue.enqueue(JobName.ImportSchools, { tenantId: ctx.tenant.id, importId: id }, { jobId: `school-import-${id}` });
    return { id };
  }

  /**
   * The platform operator's upload of the national extract, loaded once into the platform-wide
   * register for every partnership to choose from: stored and imported exactly as a partnership's
   * own upload, by the same job, but as the platform's (register_imports).
   */
  async uploadRegister(ctx: AuthedContext, body: AsyncIterable<Buffer> | undefined, contentType: string | undefined): Promise<{ id: string }> {
    const id = await this.db.asPlatform({ userId: ctx.user.id }, (em) => storeUpload(new RegisterImportRepository(em), ctx.user.id, body, contentType));
    await this.queue.enqueue(JobName.ImportSchools, { tenantId: null, importId: id }, { jobId: `register-import-${id}` });
    return { id };
  }

  async getRegisterImport(ctx: AuthedContext, id: string): Promise<SchoolImportDto> {
    if (!isUuid(id)) throw notFound('import');
    const row = await this.db.asPlatform({ userId: ctx.user.id }, (em) => new RegisterImportRepository(em).find(id));
    if (!row) throw notFound('import');
    return importDto(row);
  }

  async listRegisterImports(ctx: AuthedContext, query: PageQueryDto) {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      return readPage(query, (window) => new RegisterImportRepository(em).listPage(window), importDto);
    });
  }

  async getImport(ctx: TenantContext, id: string): Promise<SchoolImportDto> {
    if (!isUuid(id)) throw notFound('import');
    const row = await inTenant(this.db, ctx, (em) => new SchoolImportRepository(em, ctx.tenant.id).find(id));
    if (!row) throw notFound('import');
    return importDto(row);
  }

  async listImports(ctx: TenantContext, query: PageQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      return readPage(query, (window) => new SchoolImportRepository(em, ctx.tenant.id).listPage(window), importDto);
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
      const members = new MembershipRepository(em, ctx.tenant.id);
      const categories = await new MembershipCategoryRepository(em, ctx.tenant.id).listCurrentRules();
      if (categories.length === 0) throw conflict('Add a membership category first: every member school needs one.', 'category');
      const chosen = dto.category ? categories.find((c) => c.code === dto.category) : undefined;
      if (dto.category && !chosen) throw invalid([{ field: 'category', message: `There is no current category with the code "${dto.category}".` }]);

      const schools = await members.prospectCandidates({
        localAuthorities: localAuthorities?.length ? localAuthorities : null,
        phases: dto.phases?.length ? dto.phases : null,
        urns: dto.urns?.length ? dto.urns : null,
        statuses,
      });
      const toAdd: { schoolId: string; category: string }[] = [];
      const named: ProspectSchoolDto[] = [];
      let notEligible = 0;
      for (const school of schools.filter((s) => !s.listed)) {
        const view = { phase: school.phase, type: school.type, localAuthority: school.local_authority };
        const category = (chosen ? [chosen] : categories).find((c) => categoryEligibility(c, view).length === 0);
        if (category) {
          toAdd.push({ schoolId: school.id, category: category.code });
          if (named.length < NAMED_PROSPECTS) {
            named.push({ urn: school.urn, name: school.name, phase: school.phase, localAuthority: school.local_authority, pupils: school.pupils, category: category.code });
          }
        } else notEligible++;
      }
      const result = {
        matched: schools.length,
        schools: named,
        created: toAdd.length,
        alreadyListed: schools.length - schools.filter((s) => !s.listed).length,
        notEligible,
        dryRun: dto.dryRun === true,
      };
      if (dto.dryRun || toAdd.length === 0) return result;
      const created = await members.addProspects(toAdd, today, { id: ctx.user.id, name: ctx.user.name });
      return { ...result, created };
    });
  }
}

/**
 * Streams an upload into the database in 1 MB pieces (the worker may be another machine),
 * working out the encoding on the way; the import is queued only once it is safely stored.
 */
async function storeUpload(
  imports: SchoolImportRepository | RegisterImportRepository,
  userId: string,
  body: AsyncIterable<Buffer> | undefined,
  contentType: string | undefined,
): Promise<string> {
  const importId = await imports.create(userId);
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
    await imports.addChunk(importId, seq++, data);
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
  await imports.describeFile(importId, { name: fileName, bytes, encoding: sniffer.result() });
  return importId;
}

function importDto(row: SchoolImportRow): SchoolImportDto {
  const byteSize = Number(row.byte_size);
  const bytesRead = Number(row.bytes_read);
  const status = row.status;
  return {
    id: row.id,
    status,
    fileName: row.file_name ?? null,
    encoding: row.encoding ?? null,
    counts: { rows: row.row_count, created: row.created, updated: row.updated, unchanged: row.unchanged, skipped: row.skipped },
    problems: row.problems,
    problemCount: row.problem_count,
    progress: {
      bytesRead,
      byteSize,
      percent: status === 'completed' ? 100 : byteSize > 0 ? Math.min(99, Math.floor((bytesRead / byteSize) * 100)) : 0,
    },
    error: row.error ?? null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
