import { UnitOfWorkRepository } from '@partnerships/db';

export interface PlatformInvoiceRow {
  id: string;
  number: string | null;
  status: string;
  amount_due_pence: number;
  amount_paid_pence: number;
  period_start: Date | null;
  period_end: Date | null;
  paid_at: Date | null;
  hosted_invoice_url: string | null;
}

export interface PlatformInvoiceValues {
  stripeInvoiceId: string;
  number: string | null;
  status: string;
  amountDuePence: number;
  amountPaidPence: number;
  currency: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  hostedInvoiceUrl: string | null;
  paidAt: Date | null;
}

/** The platform's own invoices to a partnership (`platform_invoices`, copied from Stripe). */
export class PlatformInvoiceRepository extends UnitOfWorkRepository {
  /** The partnership's latest 50. */
  latest(tenantId: string): Promise<PlatformInvoiceRow[]> {
    return this.rows<PlatformInvoiceRow>(`SELECT * FROM platform_invoices WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 50`, [tenantId]);
  }

  /** The stored status of a Stripe invoice, locking its row. */
  async lockStatus(stripeInvoiceId: string): Promise<string | null> {
    const existing = await this.one<{ status: string }>(`SELECT status FROM platform_invoices WHERE stripe_invoice_id = $1 FOR UPDATE`, [stripeInvoiceId]);
    return existing?.status ?? null;
  }

  async upsert(tenantId: string, v: PlatformInvoiceValues): Promise<void> {
    await this.execute(
      `INSERT INTO platform_invoices (tenant_id, stripe_invoice_id, number, status, amount_due_pence, amount_paid_pence, currency, period_start, period_end, hosted_invoice_url, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, stripe_invoice_id) DO UPDATE SET number = coalesce(EXCLUDED.number, platform_invoices.number), status = EXCLUDED.status,
         amount_due_pence = EXCLUDED.amount_due_pence, amount_paid_pence = greatest(EXCLUDED.amount_paid_pence, platform_invoices.amount_paid_pence),
         hosted_invoice_url = coalesce(EXCLUDED.hosted_invoice_url, platform_invoices.hosted_invoice_url), paid_at = coalesce(platform_invoices.paid_at, EXCLUDED.paid_at),
         updated_at = now()`,
      [tenantId, v.stripeInvoiceId, v.number, v.status, v.amountDuePence, v.amountPaidPence, v.currency, v.periodStart, v.periodEnd, v.hostedInvoiceUrl, v.paidAt],
    );
  }
}
