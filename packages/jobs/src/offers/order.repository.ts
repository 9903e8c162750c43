import { UnitOfWorkRepository } from '@partnerships/db';
import type { OfferVatTreatment, OrderStatus } from '@partnerships/domain';

export type OrderKind = 'shop' | 'buyback' | 'rollover';
export type OrderInvoicing = 'once' | 'school_financial_year';

export interface OrderLine {
  id: string;
  offerId: string;
  description: string;
  quantity: number;
  unitPence: number;
  amountPence: number;
  vat: OfferVatTreatment;
  priceRule: string;
  rolling: boolean;
}

export interface Order {
  id: string;
  schoolId: string;
  kind: OrderKind;
  buybackWindowId: string | null;
  year: number | null;
  status: OrderStatus;
  invoicing: OrderInvoicing;
  requestedBy: string | null;
  requestedByName: string | null;
  requestedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  poNumber: string | null;
  invoiceIds: string[];
  note: string | null;
  createdAt: string;
  lines: OrderLine[];
  totalPence: number;
}

interface OrderRow {
  id: string; school_id: string; kind: OrderKind; buyback_window_id: string | null; year: number | null; status: OrderStatus; invoicing: OrderInvoicing;
  requested_by: string | null; requested_by_name: string | null; requested_at: Date | null; approved_by: string | null; approved_by_name: string | null; approved_at: Date | null;
  po_number: string | null; invoice_ids: string[]; note: string | null; created_at: Date;
  lines: { id: string; offer_id: string; description: string; quantity: number; unit_pence: number; amount_pence: number; vat: OfferVatTreatment; price_rule: string; rolling: boolean }[];
}

const ORDER_SELECT = `SELECT o.id, o.school_id, o.kind, o.buyback_window_id, o.year, o.status, o.invoicing, o.requested_by, ru.name AS requested_by_name, o.requested_at,
  o.approved_by, au.name AS approved_by_name, o.approved_at, o.po_number, o.invoice_ids, o.note, o.created_at,
  coalesce((SELECT json_agg(json_build_object('id', l.id, 'offer_id', l.offer_id, 'description', l.description, 'quantity', l.quantity, 'unit_pence', l.unit_pence,
    'amount_pence', l.amount_pence, 'vat', l.vat, 'price_rule', l.price_rule, 'rolling', l.rolling) ORDER BY l.created_at, l.id)
    FROM order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id), '[]') AS lines
  FROM orders o LEFT JOIN users ru ON ru.id = o.requested_by LEFT JOIN users au ON au.id = o.approved_by`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toOrder(r: OrderRow): Order {
  const lines = r.lines.map((l) => ({
    id: l.id, offerId: l.offer_id, description: l.description, quantity: l.quantity, unitPence: l.unit_pence, amountPence: l.amount_pence, vat: l.vat, priceRule: l.price_rule, rolling: l.rolling,
  }));
  return {
    id: r.id, schoolId: r.school_id, kind: r.kind, buybackWindowId: r.buyback_window_id, year: r.year, status: r.status, invoicing: r.invoicing,
    requestedBy: r.requested_by, requestedByName: r.requested_by_name, requestedAt: iso(r.requested_at), approvedBy: r.approved_by, approvedByName: r.approved_by_name,
    approvedAt: iso(r.approved_at), poNumber: r.po_number, invoiceIds: r.invoice_ids, note: r.note, createdAt: iso(r.created_at)!, lines,
    totalPence: lines.reduce((t, l) => t + l.amountPence, 0),
  };
}

export interface NewOrderLine {
  offerId: string;
  description: string;
  quantity: number;
  unitPence: number;
  vat: OfferVatTreatment;
  priceRule: string;
  rolling: boolean;
}

/** Schools' orders and their lines (tables `orders`, `order_lines`). */
export class OrderRepository extends UnitOfWorkRepository {
  async find(tenantId: string, id: string): Promise<Order | null> {
    const row = await this.one<OrderRow>(`${ORDER_SELECT} WHERE o.tenant_id = $1 AND o.id = $2`, [tenantId, id]);
    return row ? toOrder(row) : null;
  }

  /** The order, its row locked for a change of state. */
  async lockForUpdate(tenantId: string, id: string): Promise<Order | null> {
    const locked = await this.one<{ id: string }>(`SELECT id FROM orders WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return locked ? this.find(tenantId, id) : null;
  }

  async listForSchool(tenantId: string, schoolId: string): Promise<Order[]> {
    const rows = await this.rows<OrderRow>(`${ORDER_SELECT} WHERE o.tenant_id = $1 AND o.school_id = $2 ORDER BY o.created_at DESC, o.id`, [tenantId, schoolId]);
    return rows.map(toOrder);
  }

  async list(tenantId: string, filter: { status?: OrderStatus | null; windowId?: string | null }): Promise<Order[]> {
    const rows = await this.rows<OrderRow>(
      `${ORDER_SELECT} WHERE o.tenant_id = $1 AND ($2::text IS NULL OR o.status = $2) AND ($3::uuid IS NULL OR o.buyback_window_id = $3) ORDER BY o.created_at DESC, o.id LIMIT 1000`,
      [tenantId, filter.status ?? null, filter.windowId ?? null],
    );
    return rows.map(toOrder);
  }

  /** The school's live order in a buy-back window, if any. */
  async findForWindow(tenantId: string, windowId: string, schoolId: string): Promise<Order | null> {
    const row = await this.one<{ id: string }>(`SELECT id FROM orders WHERE tenant_id = $1 AND buyback_window_id = $2 AND school_id = $3 AND status <> 'cancelled'`, [tenantId, windowId, schoolId]);
    return row ? this.find(tenantId, row.id) : null;
  }

  /** The school's open basket (a draft shop order), if any. */
  async findDraftBasket(tenantId: string, schoolId: string): Promise<Order | null> {
    const row = await this.one<{ id: string }>(`SELECT id FROM orders WHERE tenant_id = $1 AND school_id = $2 AND kind = 'shop' AND status = 'draft' ORDER BY created_at DESC LIMIT 1`, [tenantId, schoolId]);
    return row ? this.find(tenantId, row.id) : null;
  }

  async create(tenantId: string, order: { schoolId: string; kind: OrderKind; buybackWindowId: string | null; year: number | null; invoicing: OrderInvoicing; requestedBy: string | null; status?: OrderStatus; note?: string | null; idempotencyKey?: string | null }): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO orders (tenant_id, school_id, kind, buyback_window_id, year, invoicing, requested_by, status, note, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [tenantId, order.schoolId, order.kind, order.buybackWindowId, order.year, order.invoicing, order.requestedBy, order.status ?? 'draft', order.note ?? null, order.idempotencyKey ?? null],
    );
    return row!.id;
  }

  async addLines(tenantId: string, orderId: string, lines: NewOrderLine[]): Promise<void> {
    if (lines.length === 0) return;
    await this.execute(
      `INSERT INTO order_lines (tenant_id, order_id, offer_id, description, quantity, unit_pence, amount_pence, vat, price_rule, rolling)
       SELECT $1, $2, l.offer_id, l.description, l.quantity, l.unit_pence, l.quantity * l.unit_pence, l.vat, l.price_rule, l.rolling
       FROM jsonb_to_recordset($3::jsonb) AS l(offer_id uuid, description text, quantity integer, unit_pence integer, vat text, price_rule text, rolling boolean)`,
      [tenantId, orderId, JSON.stringify(lines.map((l) => ({ offer_id: l.offerId, description: l.description, quantity: l.quantity, unit_pence: l.unitPence, vat: l.vat, price_rule: l.priceRule, rolling: l.rolling })))],
    );
    await this.execute(`UPDATE orders SET updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, orderId]);
  }

  async orderIdOfLine(tenantId: string, lineId: string): Promise<string | null> {
    const row = await this.one<{ order_id: string }>(`SELECT order_id FROM order_lines WHERE tenant_id = $1 AND id = $2`, [tenantId, lineId]);
    return row?.order_id ?? null;
  }

  async removeLine(tenantId: string, orderId: string, lineId: string): Promise<boolean> {
    return (await this.execute(`DELETE FROM order_lines WHERE tenant_id = $1 AND order_id = $2 AND id = $3`, [tenantId, orderId, lineId])) > 0;
  }

  async setInvoicing(tenantId: string, orderId: string, invoicing: OrderInvoicing): Promise<void> {
    await this.execute(`UPDATE orders SET invoicing = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND invoicing <> $3`, [tenantId, orderId, invoicing]);
  }

  async markSubmitted(tenantId: string, orderId: string, userId: string): Promise<void> {
    await this.execute(`UPDATE orders SET status = 'awaiting_approval', requested_by = coalesce(requested_by, $3), requested_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, orderId, userId]);
  }

  async markApproved(tenantId: string, orderId: string, userId: string | null, poNumber: string | null): Promise<void> {
    await this.execute(`UPDATE orders SET status = 'approved', approved_by = $3, approved_at = now(), po_number = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, orderId, userId, poNumber]);
  }

  async markInvoiced(tenantId: string, orderId: string, invoiceIds: string[]): Promise<void> {
    await this.execute(`UPDATE orders SET status = 'invoiced', invoice_ids = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, orderId, invoiceIds]);
  }

  async markCancelled(tenantId: string, orderId: string, userId: string): Promise<void> {
    await this.execute(`UPDATE orders SET status = 'cancelled', cancelled_at = now(), cancelled_by = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, orderId, userId]);
  }
}
