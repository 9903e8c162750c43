import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting's minutes: drafted by the note-taker, circulated, approved at the next meeting. */
@Entity({ name: 'minutes' })
@Index('minutes_meeting_key', ['tenantId', 'meetingId'], { unique: true })
export class Minutes {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ type: 'text', default: '' }) text: string;
  @Column({ type: 'text', default: 'draft' }) status: 'draft' | 'circulated' | 'approved';
  @Column({ name: 'drafted_by', type: 'uuid', nullable: true }) draftedBy: string | null;
  @Column({ name: 'circulated_at', type: 'timestamptz', nullable: true }) circulatedAt: Date | null;
  @Column({ name: 'approved_at_meeting_id', type: 'uuid', nullable: true }) approvedAtMeetingId: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
