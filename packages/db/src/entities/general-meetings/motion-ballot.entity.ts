import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** That a school voted on a motion, who cast it and through which proxy. The choice is NULL for a secret ballot. */
@Entity({ name: 'motion_ballots' })
@Index('motion_ballots_school_key', ['tenantId', 'motionId', 'schoolId'], { unique: true })
export class MotionBallot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'motion_id', type: 'uuid' }) motionId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'cast_by_user_id', type: 'uuid' }) castByUserId: string;
  @Column({ name: 'via_proxy_id', type: 'uuid', nullable: true }) viaProxyId: string | null;
  @Column({ type: 'text', nullable: true }) choice: 'for' | 'against' | 'abstain' | null;
  @Column({ name: 'cast_at', type: 'timestamptz', default: () => 'now()' }) castAt: Date;
}
