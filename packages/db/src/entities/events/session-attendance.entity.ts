import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The register: whether a booked delegate came to one session. */
@Entity({ name: 'session_attendance' })
@Index('session_attendance_key', ['tenantId', 'sessionId', 'bookingId'], { unique: true })
export class SessionAttendanceRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'booking_id', type: 'uuid' }) bookingId: string;
  @Column({ type: 'boolean' }) attended: boolean;
  @Column({ name: 'marked_by', type: 'uuid', nullable: true }) markedBy: string | null;
  @Column({ name: 'marked_at', type: 'timestamptz', default: () => 'now()' }) markedAt: Date;
}
