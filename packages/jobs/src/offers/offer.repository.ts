import { UnitOfWorkRepository } from '@partnerships/db';
import type { BuyerRule, OfferKind, OfferPrice, OfferStatus, OfferUnit, OfferVatTreatment, YearBasis } from '@partnerships/domain';

export interface OfferFields {
  kind: OfferKind;
  title: string;
  summary: string | null;
  description: string | null;
  unit: OfferUnit;
  yearBasis: YearBasis;
  categories: string[];
  allowance: number | null;
  poolCapacity: number | null;
  rolling: boolean;
  public: boolean;
}

/** An offer with its prices (every year), as the catalogue and pricing use it. */
export interface OfferWithPrices extends OfferFields {
  id: string;
  status: OfferStatus;
  prices: (OfferPrice & { id: string; label: string | null })[];
}

export interface PriceFields {
  year: number;
  position: number;
  label: string | null;
  buyer: BuyerRule;
  pence: number;
  vat: OfferVatTreatment;
}

interface OfferRow {
  id: string;
  kind: OfferKind;
  title: string;
  summary: string | null;
  description: string | null;
  unit: OfferUnit;
  year_basis: YearBasis;
  categories: string[];
  allowance: number | null;
  pool_capacity: number | null;
  rolling: boolean;
  status: OfferStatus;
  public: boolean;
  prices: { id: string; year: number; position: number; label: string | null; buyer: BuyerRule; pence: number; vat: OfferVatTreatment }[];
}

const OFFER_SELECT = `SELECT o.id, o.kind, o.title, o.summary, o.description, o.unit, o.year_basis, o.categories, o.allowance, o.pool_capacity, o.rolling, o.status, o.public,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'year', p.year, 'position', p.position, 'label', p.label, 'buyer', p.buyer, 'pence', p.pence, 'vat', p.vat)
                            ORDER BY p.year, p.position) FROM offer_prices p WHERE p.tenant_id = o.tenant_id AND p.offer_id = o.id), '[]') AS prices
  FROM offers o`;

const toOffer = (r: OfferRow): OfferWithPrices => ({
  id: r.id, kind: r.kind, title: r.title, summary: r.summary, description: r.description, unit: r.unit, yearBasis: r.year_basis, categories: r.categories,
  allowance: r.allowance, poolCapacity: r.pool_capacity, rolling: r.rolling, status: r.status, public: r.public, prices: r.prices,
});

/** The catalogue: offers and their prices (tables `offers`, `offer_prices`). */
export class OfferRepository extends UnitOfWorkRepository {
  async list(tenantId: string, filter: { statuses?: OfferStatus[]; kinds?: OfferKind[]; publicOnly?: boolean } = {}): Promise<OfferWithPrices[]> {
    const rows = await this.rows<OfferRow>(
      `${OFFER_SELECT} WHERE o.tenant_id = $1 AND ($2::text[] IS NULL OR o.status = ANY($2::text[])) AND ($3::text[] IS NULL OR o.kind = ANY($3::text[]))
        AND (NOT $4::boolean OR o.public) ORDER BY o.kind, lower(o.title), o.id`,
      [tenantId, filter.statuses ?? null, filter.kinds ?? null, filter.publicOnly ?? false],
    );
    return rows.map(toOffer);
  }

  async find(tenantId: string, id: string): Promise<OfferWithPrices | null> {
    const row = await this.one<OfferRow>(`${OFFER_SELECT} WHERE o.tenant_id = $1 AND o.id = $2`, [tenantId, id]);
    return row ? toOffer(row) : null;
  }

  async findMany(tenantId: string, ids: string[]): Promise<OfferWithPrices[]> {
    const rows = await this.rows<OfferRow>(`${OFFER_SELECT} WHERE o.tenant_id = $1 AND o.id = ANY($2::uuid[])`, [tenantId, ids]);
    return rows.map(toOffer);
  }

  /** Locks the offer's row: pool bookings hold it while they count a day's places. */
  async lockForUpdate(tenantId: string, id: string): Promise<{ id: string; kind: OfferKind; status: OfferStatus; poolCapacity: number | null; title: string } | null> {
    const row = await this.one<{ id: string; kind: OfferKind; status: OfferStatus; pool_capacity: number | null; title: string }>(
      `SELECT id, kind, status, pool_capacity, title FROM offers WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    return row ? { id: row.id, kind: row.kind, status: row.status, poolCapacity: row.pool_capacity, title: row.title } : null;
  }

  async create(tenantId: string, fields: OfferFields, createdBy: string): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO offers (tenant_id, kind, title, summary, description, unit, year_basis, categories, allowance, pool_capacity, rolling, public, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [tenantId, fields.kind, fields.title, fields.summary, fields.description, fields.unit, fields.yearBasis, fields.categories, fields.allowance, fields.poolCapacity, fields.rolling, fields.public, createdBy],
    );
    return row!.id;
  }

  /** Changes only the columns given, so the audit trail records exactly what changed. */
  async update(tenantId: string, id: string, fields: Partial<OfferFields>): Promise<void> {
    const columns: Record<keyof OfferFields, string> = {
      kind: 'kind', title: 'title', summary: 'summary', description: 'description', unit: 'unit', yearBasis: 'year_basis', categories: 'categories',
      allowance: 'allowance', poolCapacity: 'pool_capacity', rolling: 'rolling', public: 'public',
    };
    const entries = (Object.keys(fields) as (keyof OfferFields)[]).filter((k) => fields[k] !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map((k, i) => `${columns[k]} = $${i + 3}`).join(', ');
    await this.execute(`UPDATE offers SET ${sets}, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, ...entries.map((k) => fields[k])]);
  }

  async setStatus(tenantId: string, id: string, status: OfferStatus): Promise<void> {
    await this.execute(`UPDATE offers SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status <> $3`, [tenantId, id, status]);
  }

  /** Replaces one year's price list of an offer (other years are kept). */
  async replacePrices(tenantId: string, offerId: string, year: number, prices: PriceFields[]): Promise<void> {
    await this.execute(`DELETE FROM offer_prices WHERE tenant_id = $1 AND offer_id = $2 AND year = $3`, [tenantId, offerId, year]);
    if (prices.length === 0) return;
    await this.execute(
      `INSERT INTO offer_prices (tenant_id, offer_id, year, position, label, buyer, pence, vat)
       SELECT $1, $2, $3, p.position, p.label, p.buyer, p.pence, p.vat
       FROM jsonb_to_recordset($4::jsonb) AS p(position integer, label text, buyer jsonb, pence integer, vat text)`,
      [tenantId, offerId, year, JSON.stringify(prices.map((p, i) => ({ position: i, label: p.label, buyer: p.buyer, pence: p.pence, vat: p.vat })))],
    );
  }
}
