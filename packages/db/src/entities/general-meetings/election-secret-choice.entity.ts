import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An election ballot's choices with the voter's receipt, and nothing that leads back to the school. */
@Entity({ name: 'election_secret_choices' })
@Index('election_secret_choices_receipt_key', ['tenantId', 'electionId', 'receipt'], { unique: true })
export class ElectionSecretChoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'election_id', type: 'uuid' }) electionId: string;
  @Column({ name: 'nomination_ids', type: 'uuid', array: true }) nominationIds: string[];
  @Column({ type: 'text' }) receipt: string;
}
