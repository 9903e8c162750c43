import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A monitoring visit to a school causing concern, with its notes. */
@Entity({ name: 'monitoring_visits' })
export class MonitoringVisitRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'visited_on', type: 'date' }) visitedOn: string;
  @Column({ type: 'text' }) visitor: string;
  @Column({ type: 'text' }) notes: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
