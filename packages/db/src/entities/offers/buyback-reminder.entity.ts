import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** That a school was reminded of the buy-back deadline at one step (so each step is sent once). */
@Entity({ name: 'buyback_reminders' })
@Index('buyback_reminders_step_key', ['tenantId', 'windowId', 'schoolId', 'daysBefore'], { unique: true })
export class BuybackReminderRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'window_id', type: 'uuid' }) windowId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'days_before', type: 'integer' }) daysBefore: number;
  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' }) sentAt: Date;
}
