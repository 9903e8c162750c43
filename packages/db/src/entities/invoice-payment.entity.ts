import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentMethod } from '@partnerships/domain';

/** Money received against an invoice. Tenant-owned (the school may read it); added to, never changed. */
@Entity({ name: 'invoice_payments' })
/** A Stripe payment is recorded once, however many events tell us about it. */
@Index('invoice_payments_intent_key', ['tenantId', 'stripePaymentIntentId'], { unique: true, where: 'stripe_payment_intent_id IS NOT NULL' })
export class InvoicePayment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) method: PaymentMethod;
  @Column({ name: 'amount_pence', type: 'integer' }) amountPence: number;
  @Column({ name: 'paid_on', type: 'date' }) paidOn: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ name: 'stripe_payment_intent_id', type: 'text', nullable: true }) stripePaymentIntentId: string | null;
  @Column({ name: 'stripe_checkout_session_id', type: 'text', nullable: true }) stripeCheckoutSessionId: string | null;
  @Column({ name: 'stripe_account_id', type: 'text', nullable: true }) stripeAccountId: string | null;
  @Column({ name: 'application_fee_pence', type: 'integer', nullable: true }) applicationFeePence: number | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  /** A receipt (and the partnership's notice) is owed for this payment: set when it is recorded, in the same transaction (the outbox the receipts sweep reads). */
  @Column({ name: 'receipt_due', type: 'boolean', default: false }) receiptDue: boolean;
  /** When the receipt (school) and notice (partnership) for this payment went out: once per payment. */
  @Column({ name: 'receipt_sent_at', type: 'timestamptz', nullable: true }) receiptSentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
