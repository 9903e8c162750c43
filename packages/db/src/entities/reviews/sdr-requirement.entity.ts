import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A membership category whose schools must have a confidential school development review. */
@Entity({ name: 'sdr_requirements' })
@Index('sdr_requirements_key', ['tenantId', 'categoryCode'], { unique: true })
export class SdrRequirementRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'category_code', type: 'text' }) categoryCode: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
