import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';

/** A document a partnership shares with its members (a link, or text). */
export interface TenantDocumentRow {
  id: string;
  title: string;
  url: string | null;
  body: string | null;
  created_at: Date;
  archived_at: Date | null;
}

const SELECT = `SELECT id, title, url, body, created_at, archived_at FROM tenant_documents`;
const RETURNING = `RETURNING id, title, url, body, created_at, archived_at`;

/** One partnership's documents for members (`tenant_documents`): archived, never deleted. */
export class TenantDocumentRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('TenantDocumentRepository needs a tenant');
  }

  /** Current documents first, newest first within each. */
  list(): Promise<TenantDocumentRow[]> {
    return this.rows<TenantDocumentRow>(`${SELECT} WHERE tenant_id = $1 ORDER BY archived_at IS NOT NULL, created_at DESC`, [this.tenantId]);
  }

  /** What members see: current documents, newest first. */
  listCurrent(): Promise<TenantDocumentRow[]> {
    return this.rows<TenantDocumentRow>(`${SELECT} WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY created_at DESC`, [this.tenantId]);
  }

  async create(document: { title: string; url: string | null; body: string | null; createdBy: string }): Promise<TenantDocumentRow> {
    const row = await this.one<TenantDocumentRow>(`INSERT INTO tenant_documents (tenant_id, title, url, body, created_by) VALUES ($1, $2, $3, $4, $5) ${RETURNING}`, [
      this.tenantId,
      document.title,
      document.url,
      document.body,
      document.createdBy,
    ]);
    return row!;
  }

  /** Archives the document (keeping the first archiving time); null when there is none with this id. */
  async archive(id: string): Promise<TenantDocumentRow | null> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [rows] = (await this.em.query(`UPDATE tenant_documents SET archived_at = coalesce(archived_at, now()) WHERE tenant_id = $1 AND id = $2 ${RETURNING}`, [
      this.tenantId,
      id,
    ])) as [TenantDocumentRow[], number];
    return rows[0] ?? null;
  }
}
