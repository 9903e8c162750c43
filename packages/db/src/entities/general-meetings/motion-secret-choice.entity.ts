import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A secret ballot's choice with the voter's receipt, and nothing that leads back to the school. */
@Entity({ name: 'motion_secret_choices' })
@Index('motion_secret_choices_receipt_key', ['tenantId', 'motionId', 'receipt'], { unique: true })
export class MotionSecretChoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'motion_id', type: 'uuid' }) motionId: string;
  @Column({ type: 'text' }) choice: 'for' | 'against' | 'abstain';
  @Column({ type: 'text' }) receipt: string;
}
