import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded indicator about a school (inspection, data, leadership change, finance); never changed, only added to. */
@Entity({ name: 'concern_indicators' })
export class ConcernIndicatorRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) value: string;
  @Column({ name: 'occurred_on', type: 'date', nullable: true }) occurredOn: string | null;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
