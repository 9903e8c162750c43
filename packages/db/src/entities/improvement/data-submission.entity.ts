import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A school's figures for a round with its own analysis. */
@Entity({ name: 'data_submissions' })
@Index('data_submissions_school_key', ['tenantId', 'roundId', 'schoolId'], { unique: true })
export class DataSubmissionRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'jsonb' }) figures: unknown;
  @Column({ name: 'own_strengths', type: 'text', nullable: true }) ownStrengths: string | null;
  @Column({ name: 'own_areas_to_develop', type: 'text', nullable: true }) ownAreasToDevelop: string | null;
  @Column({ type: 'text', default: 'form' }) via: string;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
}
