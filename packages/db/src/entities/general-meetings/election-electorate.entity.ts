import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One school in an election's electorate, frozen when voting opened. */
@Entity({ name: 'election_electorate' })
@Index('election_electorate_school_key', ['tenantId', 'electionId', 'schoolId'], { unique: true })
export class ElectionElectorateEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'election_id', type: 'uuid' }) electionId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'voter_user_id', type: 'uuid', nullable: true }) voterUserId: string | null;
  @Column({ type: 'text' }) category: string;
}
