import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A school's need for support, from a data round, a review or its own request, with its target. */
@Entity({ name: 'support_needs' })
@Index('support_needs_source_key', ['tenantId', 'source', 'sourceRef', 'schoolId', 'area'], { unique: true, where: "source_ref IS NOT NULL" })
export class SupportNeedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'source_ref', type: 'uuid', nullable: true }) sourceRef: string | null;
  @Column({ type: 'text' }) area: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'found_on', type: 'date' }) foundOn: string;
  @Column({ name: 'target_on', type: 'date' }) targetOn: string;
  @Column({ type: 'text', default: 'open' }) status: string;
  @Column({ name: 'delivered_on', type: 'date', nullable: true }) deliveredOn: string | null;
  @Column({ name: 'impact_note', type: 'text', nullable: true }) impactNote: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ name: 'raised_by', type: 'uuid', nullable: true }) raisedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
