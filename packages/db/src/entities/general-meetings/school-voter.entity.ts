import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A school's designated voter at one partnership's general meetings (the headteacher when there is none). */
@Entity({ name: 'school_voters' })
@Index('school_voters_school_key', ['tenantId', 'schoolId'], { unique: true })
export class SchoolVoter {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'voter_user_id', type: 'uuid' }) voterUserId: string;
  @Column({ name: 'named_by', type: 'uuid', nullable: true }) namedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
