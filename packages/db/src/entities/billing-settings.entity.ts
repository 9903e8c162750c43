import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A partnership's invoicing settings: VAT, payment terms, reminders, numbering prefix, bank details. Tenant-owned, one row per tenant. */
@Entity({ name: 'billing_settings' })
@Index('billing_settings_tenant_key', ['tenantId'], { unique: true })
export class BillingSettings {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'vat_registered', type: 'boolean', default: false }) vatRegistered: boolean;
  @Column({ name: 'vat_number', type: 'text', nullable: true }) vatNumber: string | null;
  /** Basis points: 2000 is 20%. */
  @Column({ name: 'vat_rate_bps', type: 'integer', default: 2000 }) vatRateBps: number;
  @Column({ name: 'payment_terms_days', type: 'integer', default: 30 }) paymentTermsDays: number;
  @Column({ name: 'reminders_enabled', type: 'boolean', default: true }) remindersEnabled: boolean;
  /** Days relative to the due date on which reminders go out (negative: before). */
  @Column({ name: 'reminder_offsets', type: 'integer', array: true, default: () => "'{-7,0,7,30}'" }) reminderOffsets: number[];
  @Column({ name: 'invoice_prefix', type: 'text', default: 'INV' }) invoicePrefix: string;
  @Column({ name: 'bank_account_name', type: 'text', nullable: true }) bankAccountName: string | null;
  @Column({ name: 'bank_sort_code', type: 'text', nullable: true }) bankSortCode: string | null;
  @Column({ name: 'bank_account_number', type: 'text', nullable: true }) bankAccountNumber: string | null;
  @Column({ name: 'finance_email', type: 'text', nullable: true }) financeEmail: string | null;
  @Column({ name: 'invoice_note', type: 'text', nullable: true }) invoiceNote: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
