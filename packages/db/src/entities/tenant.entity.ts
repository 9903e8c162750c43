import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TenantStatus = 'active' | 'suspended';

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
  @Column({ type: 'text', default: 'trial' }) plan: string;
  @Column({ name: 'trial_ends_at', type: 'date', nullable: true }) trialEndsAt: string | null;
  @Column({ type: 'text', nullable: true }) template: string | null;
  @Column({ name: 'setup_steps_done', type: 'text', array: true, default: () => "'{}'" }) setupStepsDone: string[];
  @Column({ name: 'setup_completed_at', type: 'timestamptz', nullable: true }) setupCompletedAt: Date | null;
  @Column({ name: 'budget_year', type: 'text', default: 'academic-year' }) budgetYear: 'academic-year' | 'financial-year';
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'notice_rule', type: 'jsonb', nullable: true }) noticeRule: Record<string, unknown> | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  @Column({ name: 'suspended_reason', type: 'text', nullable: true }) suspendedReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
