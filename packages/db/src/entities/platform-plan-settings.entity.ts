import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TenantPlan } from './tenant.entity';

/** The platform's side of a plan: the application fee on schools' online payments and the Stripe price. Platform-level. */
@Entity({ name: 'platform_plan_settings' })
export class PlatformPlanSettings {
  @PrimaryColumn({ type: 'text' }) plan: TenantPlan;
  /** Basis points of each online payment kept by the platform. */
  @Column({ name: 'application_fee_bps', type: 'integer' }) applicationFeeBps: number;
  @Column({ name: 'stripe_price_id', type: 'text', nullable: true }) stripePriceId: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
