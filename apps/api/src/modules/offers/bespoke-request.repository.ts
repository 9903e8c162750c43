import { UnitOfWorkRepository } from '@partnerships/db';
import type { BespokeStatus } from '@partnerships/domain';

export interface BespokeRequest {
  id: string;
  schoolId: string;
  urn: string;
  schoolName: string;
  offerId: string | null;
  title: string;
  details: string | null;
  status: BespokeStatus;
  requestedBy: string | null;
  requestedAt: string;
  quotePence: number | null;
  quoteNote: string | null;
  quoteValidUntil: string | null;
  poNumber: string | null;
  invoiceId: string | null;
  refusal: string | null;
}

interface Row {
  id: string; school_id: string; urn: string; school_name: string; offer_id: string | null; title: string; details: string | null; status: BespokeStatus;
  requested_by: string | null; requested_at: Date; quote_pence: number | null; quote_note: string | null; quote_valid_until: string | null; po_number: string | null; invoice_id: string | null; refusal: string | null;
}
const SELECT = `SELECT b.id, b.school_id, s.urn, s.name AS school_name, b.offer_id, b.title, b.details, b.status, b.requested_by, b.requested_at, b.quote_pence, b.quote_note,
  to_char(b.quote_valid_until, 'YYYY-MM-DD') AS quote_valid_until, b.po_number, b.invoice_id, b.refusal FROM bespoke_requests b JOIN schools s ON s.id = b.school_id`;
const toRequest = (r: Row): BespokeRequest => ({
  id: r.id, schoolId: r.school_id, urn: r.urn, schoolName: r.school_name, offerId: r.offer_id, title: r.title, details: r.details, status: r.status, requestedBy: r.requested_by,
  requestedAt: new Date(r.requested_at).toISOString(), quotePence: r.quote_pence, quoteNote: r.quote_note, quoteValidUntil: r.quote_valid_until, poNumber: r.po_number, invoiceId: r.invoice_id, refusal: r.refusal,
});

/** Bespoke work: requests and their quotes (table `bespoke_requests`). */
export class BespokeRequestRepository extends UnitOfWorkRepository {
  async list(tenantId: string, schoolId: string | null): Promise<BespokeRequest[]> {
    return (await this.rows<Row>(`${SELECT} WHERE b.tenant_id = $1 AND ($2::uuid IS NULL OR b.school_id = $2) ORDER BY b.requested_at DESC, b.id`, [tenantId, schoolId])).map(toRequest);
  }

  async find(tenantId: string, id: string): Promise<BespokeRequest | null> {
    const row = await this.one<Row>(`${SELECT} WHERE b.tenant_id = $1 AND b.id = $2`, [tenantId, id]);
    return row ? toRequest(row) : null;
  }

  async lockForUpdate(tenantId: string, id: string): Promise<BespokeRequest | null> {
    const row = await this.one<{ id: string }>(`SELECT id FROM bespoke_requests WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return row ? this.find(tenantId, id) : null;
  }

  async create(tenantId: string, r: { schoolId: string; offerId: string | null; title: string; details: string | null; requestedBy: string }): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO bespoke_requests (tenant_id, school_id, offer_id, title, details, requested_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, r.schoolId, r.offerId, r.title, r.details, r.requestedBy],
    );
    return row!.id;
  }

  async quote(tenantId: string, id: string, q: { pence: number; note: string | null; validUntil: string | null; by: string }): Promise<void> {
    await this.execute(
      `UPDATE bespoke_requests SET status = 'quoted', quote_pence = $3, quote_note = $4, quote_valid_until = $5, quoted_by = $6, quoted_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, q.pence, q.note, q.validUntil, q.by],
    );
  }

  async accept(tenantId: string, id: string, by: string, poNumber: string): Promise<void> {
    await this.execute(`UPDATE bespoke_requests SET status = 'accepted', accepted_by = $3, accepted_at = now(), po_number = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, by, poNumber]);
  }

  async invoiced(tenantId: string, id: string, invoiceId: string): Promise<void> {
    await this.execute(`UPDATE bespoke_requests SET status = 'invoiced', invoice_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, invoiceId]);
  }

  async refuse(tenantId: string, id: string, status: 'declined' | 'withdrawn', reason: string | null): Promise<void> {
    await this.execute(`UPDATE bespoke_requests SET status = $3, refusal = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status, reason]);
  }
}
