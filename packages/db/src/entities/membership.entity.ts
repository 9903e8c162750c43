import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A school's membership of one partnership. Tenant-owned; the school's own people may read it too. */
@Entity({ name: 'memberships' })
@Index('memberships_tenant_school_key', ['tenantId', 'schoolId'], { unique: true })
export class Membership {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'joined_on', type: 'date', nullable: true }) joinedOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
