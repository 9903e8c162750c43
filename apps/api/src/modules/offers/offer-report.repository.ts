import { UnitOfWorkRepository } from '@partnerships/db';

export interface TakeUpRow { offerId: string; title: string; kind: string; schoolId: string; urn: string; schoolName: string; quantity: number; amountPence: number }
export interface IncomeRow { offerId: string; title: string; month: string; amountPence: number }

/** The partnership's offers reports, set-based over orders, entitlement use and pool bookings (read-only). */
export class OfferReportRepository extends UnitOfWorkRepository {
  /** What each school took up of each offer between two dates: invoiced orders, entitlement used, pool places. */
  async takeUp(tenantId: string, from: string, to: string): Promise<TakeUpRow[]> {
    const rows = await this.rows<{ offer_id: string; title: string; kind: string; school_id: string; urn: string; school_name: string; quantity: number; amount_pence: number }>(
      `WITH uses AS (
         SELECT l.offer_id, o.school_id, l.quantity, l.amount_pence FROM order_lines l JOIN orders o ON o.id = l.order_id AND o.tenant_id = l.tenant_id
         WHERE l.tenant_id = $1 AND o.status = 'invoiced' AND o.updated_at::date BETWEEN $2 AND $3
         UNION ALL
         SELECT e.offer_id, e.school_id, e.quantity, 0 FROM entitlement_ledger e WHERE e.tenant_id = $1 AND e.on_date BETWEEN $2 AND $3
         UNION ALL
         SELECT p.offer_id, p.school_id, p.places, 0 FROM pool_bookings p WHERE p.tenant_id = $1 AND p.status = 'booked' AND p.on_date BETWEEN $2 AND $3)
       SELECT u.offer_id, f.title, f.kind, u.school_id, s.urn, s.name AS school_name, sum(u.quantity)::int AS quantity, sum(u.amount_pence)::int AS amount_pence
       FROM uses u JOIN offers f ON f.id = u.offer_id JOIN schools s ON s.id = u.school_id
       GROUP BY u.offer_id, f.title, f.kind, u.school_id, s.urn, s.name ORDER BY lower(f.title), s.name`,
      [tenantId, from, to],
    );
    return rows.map((r) => ({ offerId: r.offer_id, title: r.title, kind: r.kind, schoolId: r.school_id, urn: r.urn, schoolName: r.school_name, quantity: r.quantity, amountPence: r.amount_pence }));
  }

  /** Invoiced income (before VAT) by offer and month, orders and bespoke work alike. */
  async income(tenantId: string, from: string, to: string): Promise<IncomeRow[]> {
    const rows = await this.rows<{ offer_id: string; title: string; month: string; amount_pence: number }>(
      `WITH money AS (
         SELECT l.offer_id, o.updated_at::date AS on_date, l.amount_pence FROM order_lines l JOIN orders o ON o.id = l.order_id AND o.tenant_id = l.tenant_id
         WHERE l.tenant_id = $1 AND o.status = 'invoiced'
         UNION ALL
         SELECT b.offer_id, b.updated_at::date, b.quote_pence FROM bespoke_requests b WHERE b.tenant_id = $1 AND b.status = 'invoiced' AND b.offer_id IS NOT NULL)
       SELECT m.offer_id, f.title, to_char(m.on_date, 'YYYY-MM') AS month, sum(m.amount_pence)::int AS amount_pence
       FROM money m JOIN offers f ON f.id = m.offer_id WHERE m.on_date BETWEEN $2 AND $3
       GROUP BY m.offer_id, f.title, month ORDER BY month, lower(f.title)`,
      [tenantId, from, to],
    );
    return rows.map((r) => ({ offerId: r.offer_id, title: r.title, month: r.month, amountPence: r.amount_pence }));
  }
}
