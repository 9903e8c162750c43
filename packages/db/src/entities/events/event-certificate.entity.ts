import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A certificate of attendance, issued once per booking that attended. */
@Entity({ name: 'event_certificates' })
@Index('event_certificates_booking_key', ['tenantId', 'bookingId'], { unique: true })
export class EventCertificateRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'booking_id', type: 'uuid' }) bookingId: string;
  @Column({ name: 'issued_by', type: 'uuid', nullable: true }) issuedBy: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' }) issuedAt: Date;
}

/** A school's automatic-approval limit for one partnership's bookings. */
@Entity({ name: 'school_booking_settings' })
@Index('school_booking_settings_key', ['tenantId', 'schoolId'], { unique: true })
export class SchoolBookingSettingsRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'auto_approve_below_pence', type: 'integer', nullable: true }) autoApproveBelowPence: number | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
