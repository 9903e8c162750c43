import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A partnership's own kind of membership (full, associate, …): who is eligible, votes, pays, and what is included. */
@Entity({ name: 'membership_categories' })
@Index('membership_categories_code_key', ['tenantId', 'code'], { unique: true })
export class MembershipCategory {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'eligible_phases', type: 'text', array: true, default: () => "'{}'" }) eligiblePhases: string[];
  @Column({ name: 'eligible_types', type: 'text', array: true, default: () => "'{}'" }) eligibleTypes: string[];
  @Column({ name: 'eligible_local_authorities', type: 'text', array: true, default: () => "'{}'" }) eligibleLocalAuthorities: string[];
  @Column({ name: 'voting_rights', type: 'boolean', default: false }) votingRights: boolean;
  @Column({ name: 'fees_apply', type: 'boolean', default: true }) feesApply: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) includes: string[];
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
