import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BillingCounterSeries = 'invoice' | 'credit-note';

/**
 * The last number used in a tenant's invoice or credit-note series. Advanced with
 * `UPDATE … RETURNING` in the transaction that writes the document, so numbering has no gaps
 * and no repeats. Tenant-owned; not audited.
 */
@Entity({ name: 'billing_counters' })
export class BillingCounter {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'text' }) series: BillingCounterSeries;
  @Column({ name: 'last_number', type: 'integer', default: 0 }) lastNumber: number;
}
