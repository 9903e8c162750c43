import { UnitOfWorkRepository } from '@partnerships/db';

export interface LedgerEntryRow {
  id: string;
  offerId: string;
  schoolId: string;
  year: number;
  quantity: number;
  onDate: string;
  note: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/** The core entitlement ledger (table `entitlement_ledger`): only ever added to. */
export class EntitlementRepository extends UnitOfWorkRepository {
  async add(tenantId: string, entry: { offerId: string; schoolId: string; year: number; quantity: number; onDate: string; note: string | null; recordedBy: string }): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO entitlement_ledger (tenant_id, offer_id, school_id, year, quantity, on_date, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [tenantId, entry.offerId, entry.schoolId, entry.year, entry.quantity, entry.onDate, entry.note, entry.recordedBy],
    );
    return row!.id;
  }

  /** Units used per school and offer in a year (for many schools at once). */
  async usedByYear(tenantId: string, year: number, schoolIds: string[] | null): Promise<{ offerId: string; schoolId: string; used: number }[]> {
    const rows = await this.rows<{ offer_id: string; school_id: string; used: number }>(
      `SELECT offer_id, school_id, sum(quantity)::int AS used FROM entitlement_ledger
       WHERE tenant_id = $1 AND year = $2 AND ($3::uuid[] IS NULL OR school_id = ANY($3::uuid[])) GROUP BY offer_id, school_id`,
      [tenantId, year, schoolIds],
    );
    return rows.map((r) => ({ offerId: r.offer_id, schoolId: r.school_id, used: r.used }));
  }

  async entries(tenantId: string, filter: { schoolId?: string; offerId?: string; year: number }): Promise<LedgerEntryRow[]> {
    const rows = await this.rows<{ id: string; offer_id: string; school_id: string; year: number; quantity: number; on_date: string; note: string | null; recorded_by: string | null; recorded_by_name: string | null; recorded_at: Date }>(
      `SELECT l.id, l.offer_id, l.school_id, l.year, l.quantity, to_char(l.on_date, 'YYYY-MM-DD') AS on_date, l.note, l.recorded_by, u.name AS recorded_by_name, l.recorded_at
       FROM entitlement_ledger l LEFT JOIN users u ON u.id = l.recorded_by
       WHERE l.tenant_id = $1 AND l.year = $2 AND ($3::uuid IS NULL OR l.school_id = $3) AND ($4::uuid IS NULL OR l.offer_id = $4)
       ORDER BY l.on_date, l.recorded_at`,
      [tenantId, filter.year, filter.schoolId ?? null, filter.offerId ?? null],
    );
    return rows.map((r) => ({
      id: r.id, offerId: r.offer_id, schoolId: r.school_id, year: r.year, quantity: r.quantity, onDate: r.on_date, note: r.note,
      recordedBy: r.recorded_by, recordedByName: r.recorded_by_name, recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  /** Serialises use of one school's entitlement while the balance is checked. */
  async lockSchoolOffer(tenantId: string, schoolId: string, offerId: string): Promise<void> {
    await this.rows(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2 || ':' || $3, 0))`, [tenantId, schoolId, offerId]);
  }
}
