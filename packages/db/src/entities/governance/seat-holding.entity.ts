import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Who held which seat from when (open while ends_on is null): the history of a body's membership. */
@Entity({ name: 'seat_holdings' })
@Index('seat_holdings_current_key', ['tenantId', 'bodyId', 'seatKey'], { unique: true, where: 'ends_on IS NULL' })
export class SeatHoldingRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'seat_rule_id', type: 'uuid' }) seatRuleId: string;
  @Column({ name: 'seat_key', type: 'text' }) seatKey: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'school_id', type: 'uuid', nullable: true }) schoolId: string | null;
  @Column({ type: 'text', default: 'derived' }) source: 'derived' | 'appointed' | 'elected';
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
