import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A candidate in an election, with the eligibility check made when they were nominated. */
@Entity({ name: 'nominations' })
@Index('nominations_candidate_key', ['tenantId', 'electionId', 'candidateUserId'], { unique: true })
export class NominationRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'election_id', type: 'uuid' }) electionId: string;
  @Column({ name: 'candidate_user_id', type: 'uuid' }) candidateUserId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text', default: '' }) statement: string;
  @Column({ type: 'jsonb' }) eligibility: Record<string, unknown>;
  @Column({ name: 'nominated_by', type: 'uuid', nullable: true }) nominatedBy: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
