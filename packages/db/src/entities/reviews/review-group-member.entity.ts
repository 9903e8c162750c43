import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A school in a review group. */
@Entity({ name: 'review_group_members' })
@Index('review_group_members_key', ['tenantId', 'groupId', 'schoolId'], { unique: true })
export class ReviewGroupMemberRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
