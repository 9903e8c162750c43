import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A school's concern status with its reasons; the one with no end is current. */
@Entity({ name: 'concern_statuses' })
@Index('concern_statuses_current_key', ['tenantId', 'schoolId'], { unique: true, where: "ended_on IS NULL" })
export class ConcernStatusRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) reasons: unknown;
  @Column({ type: 'date' }) since: string;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Column({ name: 'set_by', type: 'uuid', nullable: true }) setBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
