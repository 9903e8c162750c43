import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A local authority or national benchmark for one indicator of a round. */
@Entity({ name: 'data_benchmarks' })
@Index('data_benchmarks_key', ['tenantId', 'roundId', 'indicatorCode', 'source'], { unique: true })
export class DataBenchmarkRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'indicator_code', type: 'text' }) indicatorCode: string;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'numeric' }) value: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
