import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One indicator of a data set: definition, unit, direction, precision, valid range and area. */
@Entity({ name: 'data_set_indicators' })
@Index('data_set_indicators_code_key', ['tenantId', 'dataSetId', 'code'], { unique: true })
export class DataSetIndicatorRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'data_set_id', type: 'uuid' }) dataSetId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) definition: string;
  @Column({ type: 'text' }) unit: string;
  @Column({ name: 'higher_is_better', type: 'boolean', default: true }) higherIsBetter: boolean;
  @Column({ type: 'integer', default: 0 }) decimals: number;
  @Column({ name: 'min_value', type: 'numeric' }) minValue: string;
  @Column({ name: 'max_value', type: 'numeric' }) maxValue: string;
  @Column({ type: 'text' }) area: string;
}
