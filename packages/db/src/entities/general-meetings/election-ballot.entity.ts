import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** That a school voted in an election, who cast it and through which proxy (never what it chose). */
@Entity({ name: 'election_ballots' })
@Index('election_ballots_school_key', ['tenantId', 'electionId', 'schoolId'], { unique: true })
export class ElectionBallotRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'election_id', type: 'uuid' }) electionId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'cast_by_user_id', type: 'uuid' }) castByUserId: string;
  @Column({ name: 'via_proxy_id', type: 'uuid', nullable: true }) viaProxyId: string | null;
  @Column({ name: 'cast_at', type: 'timestamptz', default: () => 'now()' }) castAt: Date;
}
