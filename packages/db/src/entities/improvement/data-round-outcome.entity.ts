import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The strengths and areas to develop a meeting agreed for one school. */
@Entity({ name: 'data_round_outcomes' })
@Index('data_round_outcomes_school_key', ['tenantId', 'roundId', 'schoolId'], { unique: true })
export class DataRoundOutcomeRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true }) meetingId: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) strengths: unknown;
  @Column({ name: 'areas_to_develop', type: 'jsonb', default: () => "'[]'" }) areasToDevelop: unknown;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
