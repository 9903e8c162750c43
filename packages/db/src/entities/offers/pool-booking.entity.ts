import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Places taken from a shared pool (e.g. counselling days) on one day. */
@Entity({ name: 'pool_bookings' })
export class PoolBookingRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'on_date', type: 'date' }) onDate: string;
  @Column({ type: 'integer', default: 1 }) places: number;
  @Column({ type: 'text', default: 'booked' }) status: 'booked' | 'cancelled';
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'booked_by', type: 'uuid', nullable: true }) bookedBy: string | null;
  @Column({ name: 'booked_at', type: 'timestamptz', default: () => 'now()' }) bookedAt: Date;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}
