import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AttendanceStatus } from '@partnerships/domain';

/** Attendance at a meeting per seat (or a person in attendance without a seat). */
@Entity({ name: 'attendance' })
@Index('attendance_seat_key', ['tenantId', 'meetingId', 'seatKey'], { unique: true, where: 'seat_key IS NOT NULL' })
@Index('attendance_guest_key', ['tenantId', 'meetingId', 'userId'], { unique: true, where: 'seat_key IS NULL' })
export class AttendanceRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'seat_key', type: 'text', nullable: true }) seatKey: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text' }) status: AttendanceStatus;
  @Column({ name: 'deputy_user_id', type: 'uuid', nullable: true }) deputyUserId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
