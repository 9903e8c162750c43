import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { CreateDocumentDto, DocumentDto } from './membership.dto';
import { TenantDocumentRepository, type TenantDocumentRow } from './tenant-document.repository';

export function documentDto(row: TenantDocumentRow): DocumentDto {
  return {
    id: row.id,
    title: row.title,
    url: row.url ?? null,
    body: row.body ?? null,
    createdAt: row.created_at.toISOString(),
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  };
}

/** Documents a partnership shares with its member schools. */
@Injectable()
export class TenantDocumentsService {
  constructor(private readonly db: Database) {}

  async documents(ctx: TenantContext) {
    const rows = await inTenant(this.db, ctx, (em) => new TenantDocumentRepository(em, ctx.tenant.id).list());
    return { items: rows.map(documentDto) };
  }

  async createDocument(ctx: TenantContext, dto: CreateDocumentDto) {
    if (!dto.url && !dto.body?.trim()) throw invalid([{ field: 'url', message: 'Give a link to the document, or its text.' }]);
    const row = await inTenant(this.db, ctx, (em) =>
      new TenantDocumentRepository(em, ctx.tenant.id).create({ title: dto.title.trim(), url: dto.url ?? null, body: dto.body?.trim() || null, createdBy: ctx.user.id }),
    );
    return documentDto(row);
  }

  async archiveDocument(ctx: TenantContext, id: string) {
    if (!isUuid(id)) throw notFound('document');
    const row = await inTenant(this.db, ctx, (em) => new TenantDocumentRepository(em, ctx.tenant.id).archive(id));
    if (!row) throw notFound('document');
    return documentDto(row);
  }
}
