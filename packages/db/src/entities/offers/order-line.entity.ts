import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OfferVatValue } from './offer-types';

/** One offer in an order, priced for the school when added (the rule that applied, in words). */
@Entity({ name: 'order_lines' })
export class OrderLineRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ name: 'unit_pence', type: 'integer' }) unitPence: number;
  @Column({ name: 'amount_pence', type: 'integer' }) amountPence: number;
  @Column({ type: 'text', default: 'standard' }) vat: OfferVatValue;
  @Column({ name: 'price_rule', type: 'text' }) priceRule: string;
  @Column({ type: 'boolean', default: false }) rolling: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
