import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One school in a motion's electorate, frozen when the poll opened (with the voter it had then). */
@Entity({ name: 'motion_electorate' })
@Index('motion_electorate_school_key', ['tenantId', 'motionId', 'schoolId'], { unique: true })
export class MotionElectorateEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'motion_id', type: 'uuid' }) motionId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'voter_user_id', type: 'uuid', nullable: true }) voterUserId: string | null;
  @Column({ type: 'text' }) category: string;
}
