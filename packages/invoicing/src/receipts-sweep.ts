import type { Database } from '@partnerships/db';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import { InvoiceRepository } from './repositories/invoice.repository';

/** A payment whose receipt (and the partnership's notice) is owed and has not gone out. */
export interface OwedReceipt {
  tenantId: string;
  invoiceId: string;
  paymentId: string;
  createdAt: Date;
}

/**
 * The receipts outbox (ADR 0004): every payment recorded before `before` whose receipt is due and
 * not sent, in each active partnership, oldest first, at most `limitPerTenant` each. The payment
 * set `receipt_due` in its own transaction, so this finds a receipt whose queueing failed after the
 * commit (Redis down), or whose job was lost or gave up.
 */
export async function owedReceipts(db: Database, before: Date, limitPerTenant = 500): Promise<OwedReceipt[]> {
  const tenants = await db.asPlatform({}, (em) => new BillingSourcesRepository(em).activeTenantIds());
  const out: OwedReceipt[] = [];
  for (const tenantId of tenants) {
    const rows = await db.inTenant(tenantId, {}, (em) => new InvoiceRepository(em).owedReceipts(tenantId, before, limitPerTenant));
    for (const r of rows) out.push({ tenantId, invoiceId: r.invoiceId, paymentId: r.id, createdAt: r.createdAt });
  }
  return out;
}
