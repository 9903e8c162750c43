import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The partnership's own facts about a member school used by seat rules and elections (area, religious character). */
@Entity({ name: 'member_school_details' })
@Index('member_school_details_key', ['tenantId', 'schoolId'], { unique: true })
export class MemberSchoolDetails {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text', nullable: true }) area: string | null;
  @Column({ name: 'religious_character', type: 'text', nullable: true }) religiousCharacter: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
