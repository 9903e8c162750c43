import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipApplication, MembershipNotice, MembershipState, SchoolFeeFactOverrides } from '@partnerships/domain';

/** A school's membership of one partnership. Tenant-owned; the school's own people may read it too. */
@Entity({ name: 'memberships' })
@Index('memberships_tenant_school_key', ['tenantId', 'schoolId'], { unique: true })
export class Membership {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'text' }) status: MembershipState;
  @Column({ name: 'joined_on', type: 'date', nullable: true }) joinedOn: string | null;
  /** The day the current state began. */
  @Column({ type: 'date', nullable: true }) since: string | null;
  /** While suspended: the state to return to. */
  @Column({ name: 'suspended_from', type: 'text', nullable: true }) suspendedFrom: 'active' | 'notice-given' | null;
  @Column({ type: 'jsonb', nullable: true }) application: MembershipApplication | null;
  @Column({ type: 'jsonb', nullable: true }) notice: MembershipNotice | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
  /** The service level (tier) the school chose, priced by the fee schedule's tier prices (offers, issue 11). */
  @Column({ name: 'service_level', type: 'text', nullable: true }) serviceLevel: string | null;
  /** The partnership's own record of facts fee rules use (sixth form, opening date, trusts, diocese, area), over the register's. */
  @Column({ name: 'fee_facts', type: 'jsonb', nullable: true }) feeFacts: SchoolFeeFactOverrides | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
