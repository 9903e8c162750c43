import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Stripe's invoice to a partnership for its plan. Tenant-owned; platform operators may read every one. */
@Index('platform_invoices_stripe_key', ['tenantId', 'stripeInvoiceId'], { unique: true })
@Entity({ name: 'platform_invoices' })
export class PlatformInvoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'stripe_invoice_id', type: 'text' }) stripeInvoiceId: string;
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'amount_due_pence', type: 'integer', default: 0 }) amountDuePence: number;
  @Column({ name: 'amount_paid_pence', type: 'integer', default: 0 }) amountPaidPence: number;
  @Column({ type: 'text', default: 'gbp' }) currency: string;
  @Column({ name: 'period_start', type: 'timestamptz', nullable: true }) periodStart: Date | null;
  @Column({ name: 'period_end', type: 'timestamptz', nullable: true }) periodEnd: Date | null;
  @Column({ name: 'hosted_invoice_url', type: 'text', nullable: true }) hostedInvoiceUrl: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
