import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A candidate's votes when the election was counted, and whether (and under which reservation) they were elected. */
@Entity({ name: 'election_results' })
@Index('election_results_nomination_key', ['tenantId', 'electionId', 'nominationId'], { unique: true })
export class ElectionResultRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'election_id', type: 'uuid' }) electionId: string;
  @Column({ name: 'nomination_id', type: 'uuid' }) nominationId: string;
  @Column({ name: 'candidate_user_id', type: 'uuid' }) candidateUserId: string;
  @Column({ type: 'integer' }) votes: number;
  @Column({ type: 'boolean' }) elected: boolean;
  @Column({ type: 'text', nullable: true }) reservation: string | null;
  @Column({ name: 'term_starts_on', type: 'date', nullable: true }) termStartsOn: string | null;
  @Column({ name: 'term_ends_on', type: 'date', nullable: true }) termEndsOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
