import type { EntityManager } from '@partnerships/db';
import { financialYearStartMonthForType, formatPence, orderInvoiceParts, splitPence, type OfferVatTreatment } from '@partnerships/domain';
import { issueOneOffInvoice, loadBillingSettings, type OneOffLineInput } from '@partnerships/invoicing';
import { BuybackRepository } from './buyback.repository';
import { OfferBuyerRepository } from './offer-buyer.repository';
import { OrderRepository, type Order } from './order.repository';

/**
 * Invoices an approved order: once, or (a year's order the school asked to split) in parts along
 * the school's own financial year, each part carrying its share of every line. Each invoice has
 * its own idempotency key (`order:<id>` or `order:<id>:part:<n>`), so asking again never issues a
 * second one. VAT: the partnership's rate when any line is standard-rated, none when every line
 * is zero-rated or exempt. Rolling services bought become (or stay) subscriptions for the year.
 */
export async function invoiceApprovedOrder(em: EntityManager, tenantId: string, order: Order, createdBy: string | null): Promise<string[]> {
  if (order.status !== 'approved') throw new Error(`Order ${order.id} is ${order.status}, not approved`);
  const buyers = new OfferBuyerRepository(em);
  const settings = await loadBillingSettings(em, tenantId);
  const allUntaxed = order.lines.every((l) => l.vat !== ('standard' satisfies OfferVatTreatment));
  const vat = allUntaxed ? { ...settings.vat, rateBasisPoints: 0 } : settings.vat;
  const total = order.totalPence;
  const reference = order.kind === 'shop' ? `Order ${order.id.slice(0, 8).toUpperCase()}` : `Services for ${order.year}-${String(((order.year ?? 0) + 1) % 100).padStart(2, '0')} (${order.kind === 'rollover' ? 'rolled over' : 'buy-back order'})`;
  const invoiceIds: string[] = [];
  const year = order.year;
  const splitting = order.invoicing === 'school_financial_year' && year !== null;
  const parts = splitting
    ? orderInvoiceParts(total, year, 'school_financial_year', financialYearStartMonthForType(await buyers.schoolType(order.schoolId)) === 9 ? 'academy' : 'maintained')
    : [{ part: 1, partCount: 1, label: '', amountPence: total, share: { numerator: 1, denominator: 1 } }];
  // Each line split by the same shares, so the parts add up to every line exactly.
  const lineShares = order.lines.map((l) => splitPence(l.amountPence, parts.map((p) => p.share)));
  for (const [index, part] of parts.entries()) {
    const lines: OneOffLineInput[] = parts.length === 1
      ? order.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPence: l.unitPence }))
      : order.lines.map((l, i) => ({ description: `${l.description} (${l.quantity} × ${formatPence(l.unitPence)}), part ${part.part} of ${part.partCount}: ${part.share.numerator}/${part.share.denominator}`, quantity: 1, unitPence: lineShares[i]![index]! }));
    const issued = await issueOneOffInvoice(em, {
      tenantId,
      schoolId: order.schoolId,
      lines,
      reference: parts.length === 1 ? reference : `${reference}, part ${part.part} of ${part.partCount}`,
      idempotencyKey: parts.length === 1 ? `order:${order.id}` : `order:${order.id}:part:${part.part}`,
      vat,
      poNumber: order.poNumber,
      explanation: [reference, ...order.lines.map((l) => `${l.description}: ${l.priceRule}`), ...(parts.length > 1 ? [part.label] : [])].join('\n'),
      createdBy,
    });
    invoiceIds.push(issued.id);
  }
  const orders = new OrderRepository(em);
  await orders.markInvoiced(tenantId, order.id, invoiceIds);
  if (year !== null) {
    const buyback = new BuybackRepository(em);
    for (const line of order.lines.filter((l) => l.rolling)) {
      await buyback.renew(tenantId, { schoolId: order.schoolId, offerId: line.offerId, quantity: line.quantity, year, sourceOrderId: order.id });
    }
  }
  return invoiceIds;
}
