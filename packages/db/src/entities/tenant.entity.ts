import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeRule } from '@partnerships/domain';

export type TenantStatus = 'active' | 'suspended';
export type TenantPlan = 'trial' | 'small' | 'medium' | 'large';

/** A partnership. Platform-level: not itself tenant-owned, so no row-level security. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) slug: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: 'active' }) status: TenantStatus;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) areas: string[];
  @Column({ name: 'legal_form', type: 'text', nullable: true }) legalForm: string | null;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text', nullable: true }) website: string | null;
  @Column({ name: 'in_national_association', type: 'boolean', default: false }) inNationalAssociation: boolean;
  @Column({ type: 'boolean', default: false }) listed: boolean;
  @Column({ name: 'brand_colour', type: 'text', nullable: true }) brandColour: string | null;
  @Column({ name: 'logo_data_url', type: 'text', nullable: true }) logoDataUrl: string | null;
  @Column({ type: 'text', default: 'trial' }) plan: TenantPlan;
  @Column({ name: 'trial_ends_at', type: 'date', nullable: true }) trialEndsAt: string | null;
  @Column({ type: 'text', nullable: true }) template: string | null;
  @Column({ name: 'setup_steps_done', type: 'text', array: true, default: () => "'{}'" }) setupStepsDone: string[];
  @Column({ name: 'setup_completed_at', type: 'timestamptz', nullable: true }) setupCompletedAt: Date | null;
  @Column({ name: 'budget_year', type: 'text', default: 'academic-year' }) budgetYear: 'academic-year' | 'financial-year';
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'notice_rule', type: 'jsonb', nullable: true }) noticeRule: NoticeRule | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  @Column({ name: 'suspended_reason', type: 'text', nullable: true }) suspendedReason: string | null;
  @Column({ name: 'fee_census', type: 'text', default: 'october' }) feeCensus: 'october' | 'january' | 'may';
  @Column({ name: 'stripe_customer_id', type: 'text', nullable: true }) stripeCustomerId: string | null;
  @Column({ name: 'stripe_subscription_id', type: 'text', nullable: true }) stripeSubscriptionId: string | null;
  @Column({ name: 'subscription_status', type: 'text', nullable: true }) subscriptionStatus: string | null;
  @Column({ name: 'subscription_plan', type: 'text', nullable: true }) subscriptionPlan: string | null;
  @Column({ name: 'subscription_trial_end', type: 'timestamptz', nullable: true }) subscriptionTrialEnd: Date | null;
  @Column({ name: 'subscription_period_end', type: 'timestamptz', nullable: true }) subscriptionPeriodEnd: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
