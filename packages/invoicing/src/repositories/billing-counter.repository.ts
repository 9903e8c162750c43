import { UnitOfWorkRepository } from '@partnerships/db';

export type NumberSeries = 'invoice' | 'credit-note';

/** The per-tenant numbering counters (`billing_counters`): one row per tenant and series, advanced in the invoice's own transaction. */
export class BillingCounterRepository extends UnitOfWorkRepository {
  /**
   * Takes the tenant's numbering lock (its counter row) for the rest of the transaction and
   * answers the last number given. Every invoice insert takes it first, so "is this already
   * invoiced?" followed by the insert cannot race another transaction.
   */
  async lock(tenantId: string, series: NumberSeries = 'invoice'): Promise<number> {
    const row = await this.one<{ last_number: number }>(
      `INSERT INTO billing_counters (tenant_id, series, last_number) VALUES ($1, $2, 0)
     ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = billing_counters.last_number RETURNING last_number`,
      [tenantId, series],
    );
    return row!.last_number;
  }

  /** Advances the series by `count` and answers the last number now taken (a rollback gives them back). */
  async advance(tenantId: string, count: number, series: NumberSeries = 'invoice'): Promise<number> {
    const row = await this.one<{ last_number: number }>(
      `INSERT INTO billing_counters (tenant_id, series, last_number) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = billing_counters.last_number + $3 RETURNING last_number`,
      [tenantId, series, count],
    );
    return row!.last_number;
  }

  /** The last invoice number given (0 before the first), without locking. */
  async lastInvoiceNumber(tenantId: string): Promise<number> {
    const counter = await this.one<{ last_number: number }>(`SELECT last_number FROM billing_counters WHERE tenant_id = $1 AND series = 'invoice'`, [tenantId]);
    return counter?.last_number ?? 0;
  }
}
