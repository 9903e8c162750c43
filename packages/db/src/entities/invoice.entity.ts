import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InvoiceStatus } from '@partnerships/domain';

export type InvoiceKind = 'membership' | 'one-off';

/**
 * An invoice from a partnership to a school. Tenant-owned (the school's own people may read
 * it); never deleted, and a trigger keeps an issued invoice's number, school and money fixed:
 * corrections are credit notes.
 */
@Entity({ name: 'invoices' })
@Index('invoices_number_key', ['tenantId', 'number'], { unique: true })
@Index('invoices_sequence_key', ['tenantId', 'sequence'], { unique: true })
/** Idempotent billing: one live invoice per membership, period, schedule version and part (a void one does not block its correction). */
@Index('invoices_billing_key', ['tenantId', 'membershipId', 'periodStart', 'scheduleId', 'scheduleVersion', 'part'], { unique: true, where: "status <> 'void'" })
@Index('invoices_idempotency_key', ['tenantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
export class Invoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'integer' }) sequence: number;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'membership_id', type: 'uuid', nullable: true }) membershipId: string | null;
  @Column({ name: 'billing_run_id', type: 'uuid', nullable: true }) billingRunId: string | null;
  @Column({ name: 'schedule_id', type: 'uuid', nullable: true }) scheduleId: string | null;
  @Column({ name: 'schedule_version', type: 'integer', nullable: true }) scheduleVersion: number | null;
  @Column({ name: 'period_label', type: 'text' }) periodLabel: string;
  @Column({ name: 'period_start', type: 'date', nullable: true }) periodStart: string | null;
  @Column({ name: 'period_end', type: 'date', nullable: true }) periodEnd: string | null;
  @Column({ name: 'charged_from', type: 'date', nullable: true }) chargedFrom: string | null;
  @Column({ name: 'charged_to', type: 'date', nullable: true }) chargedTo: string | null;
  @Column({ type: 'integer', default: 0 }) part: number;
  @Column({ name: 'part_count', type: 'integer', default: 1 }) partCount: number;
  @Column({ name: 'part_label', type: 'text', nullable: true }) partLabel: string | null;
  @Column({ type: 'text', default: 'open' }) status: InvoiceStatus;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ type: 'text', default: 'gbp' }) currency: 'gbp';
  @Column({ name: 'subtotal_pence', type: 'integer' }) subtotalPence: number;
  @Column({ name: 'vat_rate_bps', type: 'integer', default: 0 }) vatRateBps: number;
  @Column({ name: 'vat_pence', type: 'integer', default: 0 }) vatPence: number;
  @Column({ name: 'total_pence', type: 'integer' }) totalPence: number;
  @Column({ name: 'amount_paid_pence', type: 'integer', default: 0 }) amountPaidPence: number;
  @Column({ name: 'amount_credited_pence', type: 'integer', default: 0 }) amountCreditedPence: number;
  @Column({ name: 'po_number', type: 'text', nullable: true }) poNumber: string | null;
  @Column({ type: 'jsonb' }) lines: unknown[];
  @Column({ type: 'text' }) explanation: string;
  @Column({ name: 'bill_to', type: 'jsonb' }) billTo: Record<string, unknown>;
  @Column({ type: 'jsonb' }) seller: Record<string, unknown>;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true }) voidedAt: Date | null;
  @Column({ name: 'void_reason', type: 'text', nullable: true }) voidReason: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** A Bacs Direct Debit or card payment in flight: a second online payment is refused meanwhile. */
  @Column({ name: 'pending_payment_intent_id', type: 'text', nullable: true }) pendingPaymentIntentId: string | null;
  @Column({ name: 'pending_payment_method', type: 'text', nullable: true }) pendingPaymentMethod: 'card' | 'bacs_debit' | null;
  /** The reminder steps already sent (or passed), so each is sent once. */
  @Column({ name: 'reminders_sent', type: 'text', array: true, default: () => "'{}'" }) remindersSent: string[];
  /** When the school said it will pay by bank transfer. */
  @Column({ name: 'transfer_chosen_at', type: 'timestamptz', nullable: true }) transferChosenAt: Date | null;
  /** When the invoice was first e-mailed to the school ("Send all" skips it unless asked to send again). */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  /** A membership fee (membership, schedule and period set) or a one-off sale (reference and idempotency key set). */
  @Column({ type: 'text', default: 'membership' }) kind: InvoiceKind;
  /** A one-off invoice's buyer reference (what was bought). */
  @Column({ type: 'text', nullable: true }) reference: string | null;
  /** The caller's key for a one-off invoice: asking twice issues one invoice. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
}
