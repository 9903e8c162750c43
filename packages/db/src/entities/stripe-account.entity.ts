import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A partnership's connected Stripe account, through which schools pay online. Tenant-owned, one per tenant. */
@Index('stripe_accounts_account_key', ['tenantId', 'accountId'], { unique: true })
@Entity({ name: 'stripe_accounts' })
@Index('stripe_accounts_tenant_key', ['tenantId'], { unique: true })
export class StripeAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'account_id', type: 'text' }) accountId: string;
  @Column({ name: 'charges_enabled', type: 'boolean', default: false }) chargesEnabled: boolean;
  @Column({ name: 'details_submitted', type: 'boolean', default: false }) detailsSubmitted: boolean;
  @Column({ name: 'payouts_enabled', type: 'boolean', default: false }) payoutsEnabled: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
