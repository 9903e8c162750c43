import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A credit note against an issued invoice, numbered in its own series. Tenant-owned (the school may read it); never changed. */
@Entity({ name: 'credit_notes' })
@Index('credit_notes_number_key', ['tenantId', 'number'], { unique: true })
export class CreditNote {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'integer' }) sequence: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'subtotal_pence', type: 'integer' }) subtotalPence: number;
  @Column({ name: 'vat_pence', type: 'integer' }) vatPence: number;
  @Column({ name: 'total_pence', type: 'integer' }) totalPence: number;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
