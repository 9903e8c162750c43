import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BuyerRuleJson, OfferVatValue } from './offer-types';

/** A price of an offer for one year and one kind of buyer; rules are tried in `position` order. */
@Entity({ name: 'offer_prices' })
@Index('offer_prices_position_key', ['tenantId', 'offerId', 'year', 'position'], { unique: true })
export class OfferPriceRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  /** Start year of the academic (or financial) year the price applies to: 2026 is 2026/27. */
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) buyer: BuyerRuleJson;
  @Column({ type: 'integer' }) pence: number;
  @Column({ type: 'text', default: 'standard' }) vat: OfferVatValue;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
