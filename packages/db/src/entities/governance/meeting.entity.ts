import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type MeetingRecordStatus = 'scheduled' | 'moved' | 'cancelled' | 'held';

/** A meeting of a body. `planned_key` makes planning idempotent; `sequence` is the iCalendar SEQUENCE. */
@Entity({ name: 'meetings' })
@Index('meetings_planned_key', ['tenantId', 'plannedKey'], { unique: true, where: 'planned_key IS NOT NULL' })
export class Meeting {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'planned_key', type: 'text', nullable: true }) plannedKey: string | null;
  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ name: 'academic_year_start', type: 'date', nullable: true }) academicYearStart: string | null;
  @Column({ name: 'half_term', type: 'text', nullable: true }) halfTerm: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'host_school_id', type: 'uuid', nullable: true }) hostSchoolId: string | null;
  @Column({ name: 'note_taker_user_id', type: 'uuid', nullable: true }) noteTakerUserId: string | null;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'text', default: 'scheduled' }) status: MeetingRecordStatus;
  @Column({ type: 'integer', default: 0 }) sequence: number;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
