import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A rolling service a school buys year after year until it cancels. */
@Entity({ name: 'subscriptions' })
@Index('subscriptions_school_offer_key', ['tenantId', 'schoolId', 'offerId'], { unique: true })
export class SubscriptionRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ type: 'integer', default: 1 }) quantity: number;
  @Column({ name: 'first_year', type: 'integer' }) firstYear: number;
  @Column({ name: 'last_year', type: 'integer' }) lastYear: number;
  @Column({ name: 'source_order_id', type: 'uuid', nullable: true }) sourceOrderId: string | null;
  @Column({ name: 'cancelled_on', type: 'date', nullable: true }) cancelledOn: string | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
