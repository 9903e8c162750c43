import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The annual buy-back: when schools choose next year's services, and the deadline to cancel a rollover. */
@Entity({ name: 'buyback_windows' })
@Index('buyback_windows_year_key', ['tenantId', 'year'], { unique: true })
export class BuybackWindowRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Start year of the academic year bought for. */
  @Column({ type: 'integer' }) year: number;
  @Column({ name: 'opens_on', type: 'date' }) opensOn: string;
  @Column({ name: 'closes_on', type: 'date' }) closesOn: string;
  @Column({ name: 'cancel_deadline', type: 'date' }) cancelDeadline: string;
  @Column({ name: 'reminder_days', type: 'integer', array: true, default: () => "'{28,14,7}'" }) reminderDays: number[];
  @Column({ name: 'rolled_over_at', type: 'timestamptz', nullable: true }) rolledOverAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
