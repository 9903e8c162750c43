import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderKindValue, OrderStatusValue } from './offer-types';

/** A school's order (a basket, or its one buy-back order for a year), approved by its head or business manager. */
@Entity({ name: 'orders' })
@Index('orders_idempotency_key', ['tenantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('orders_buyback_school_key', ['tenantId', 'buybackWindowId', 'schoolId'], { unique: true, where: "buyback_window_id IS NOT NULL AND status <> 'cancelled'" })
export class OrderRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text', default: 'shop' }) kind: OrderKindValue;
  @Column({ name: 'buyback_window_id', type: 'uuid', nullable: true }) buybackWindowId: string | null;
  @Column({ type: 'integer', nullable: true }) year: number | null;
  @Column({ type: 'text', default: 'draft' }) status: OrderStatusValue;
  @Column({ type: 'text', default: 'once' }) invoicing: 'once' | 'school_financial_year';
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true }) requestedAt: Date | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'po_number', type: 'text', nullable: true }) poNumber: string | null;
  @Column({ name: 'invoice_ids', type: 'uuid', array: true, default: () => "'{}'" }) invoiceIds: string[];
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
